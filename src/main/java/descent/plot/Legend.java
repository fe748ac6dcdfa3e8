package descent.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a legend goes. {@link #BEST} (the default) puts it inside the plot, in the corner or edge where it covers
 * no data; when every place inside would cover some, it goes to the right of the plot, or below it when a legend
 * on the right would take more than about a quarter of the width.
 */
public enum Legend {
    /** Inside where it covers no data, else outside (right or below). */
    BEST,
    UPPER_RIGHT, UPPER_LEFT, LOWER_LEFT, LOWER_RIGHT,
    /** Outside, to the right of the plot. */
    RIGHT,
    /** Outside, below the plot, in as many columns as fit. */
    BELOW,
    /** No legend. */
    NONE;

    /** How a legend entry's sample is drawn. */
    enum Sample { LINE, LINE_AND_MARKER, MARKER, PATCH, BAR }

    record Entry(String label, Sample sample, Color color) {
    }

    static final float FONT_SIZE = 11.5f;
    static final double PAD = 6, SAMPLE = 22, GAP = 6, COLUMN_GAP = 14;

    static Font font() {
        return Canvas.font(FONT_SIZE, false);
    }

    static double rowHeight() {
        return Canvas.lineHeight(font()) * 1.2;
    }

    /** Size of the legend box with the entries in {@code columns} columns (filled column by column). */
    static double[] size(List<Entry> entries, int columns) {
        int rows = (entries.size() + columns - 1) / columns;
        double w = 2 * PAD;
        for (int c = 0; c < columns; c++) {
            double col = 0;
            for (int r = 0; r < rows && c * rows + r < entries.size(); r++) {
                col = Math.max(col, Canvas.textWidth(entries.get(c * rows + r).label, font()));
            }
            w += SAMPLE + GAP + col + (c > 0 ? COLUMN_GAP : 0);
        }
        double h = 2 * PAD + rows * rowHeight() - (rowHeight() - Canvas.lineHeight(font()));
        return new double[]{w, h};
    }

    /** The most columns (up to the number of entries) whose legend is at most {@code width} wide; at least 1. */
    static int columnsFitting(List<Entry> entries, double width) {
        for (int c = entries.size(); c > 1; c--) {
            if (size(entries, c)[0] <= width) {
                return c;
            }
        }
        return 1;
    }

    static void paint(Canvas c, List<Entry> entries, int columns, double x, double y, boolean framed) {
        double[] wh = size(entries, columns);
        if (framed) {
            RoundRectangle2D box = new RoundRectangle2D.Double(x, y, wh[0], wh[1], 6, 6);
            c.g.setColor(new Color(255, 255, 255, 225));
            c.g.fill(box);
            c.stroke(new Color(200, 200, 200), 0.8f);
            c.g.draw(box);
        }
        int rows = (entries.size() + columns - 1) / columns;
        double lh = Canvas.lineHeight(font()), cx = x + PAD;
        for (int col = 0; col < columns; col++) {
            double colWidth = 0;
            for (int r = 0; r < rows && col * rows + r < entries.size(); r++) {
                Entry e = entries.get(col * rows + r);
                double top = y + PAD + r * rowHeight(), mid = top + lh / 2;
                sample(c, e, cx, mid);
                c.text("legend", e.label, font(), Canvas.INK, cx + SAMPLE + GAP, top, 0, 0);
                colWidth = Math.max(colWidth, Canvas.textWidth(e.label, font()));
            }
            cx += SAMPLE + GAP + colWidth + COLUMN_GAP;
        }
    }

    private static void sample(Canvas c, Entry e, double x, double mid) {
        switch (e.sample) {
            case LINE, LINE_AND_MARKER -> {
                c.stroke(e.color, 2f);
                c.g.draw(new Line2D.Double(x, mid, x + SAMPLE, mid));
                if (e.sample == Sample.LINE_AND_MARKER) {
                    c.g.fill(new Ellipse2D.Double(x + SAMPLE / 2 - 3, mid - 3, 6, 6));
                }
            }
            case MARKER -> {
                c.g.setColor(e.color);
                c.g.fill(new Ellipse2D.Double(x + SAMPLE / 2 - 3.5, mid - 3.5, 7, 7));
            }
            case PATCH, BAR -> {
                Rectangle2D r = new Rectangle2D.Double(x + 3, mid - 5, SAMPLE - 6, 10);
                c.g.setColor(e.sample == Sample.BAR ? e.color : withAlpha(e.color, 110));
                c.g.fill(r);
                c.g.setColor(e.color);
                c.g.setStroke(new BasicStroke(1f));
                c.g.draw(r);
            }
        }
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Inside positions tried by {@link #BEST}, in order of preference. */
    static List<double[]> insideCandidates(Rectangle2D plot, double w, double h) {
        double in = 6;
        double l = plot.getMinX() + in, r = plot.getMaxX() - in - w, t = plot.getMinY() + in, b = plot.getMaxY() - in - h;
        double cx = plot.getCenterX() - w / 2, cy = plot.getCenterY() - h / 2;
        List<double[]> out = new ArrayList<>();
        out.add(new double[]{r, t});
        out.add(new double[]{l, t});
        out.add(new double[]{l, b});
        out.add(new double[]{r, b});
        out.add(new double[]{cx, t});
        out.add(new double[]{cx, b});
        out.add(new double[]{r, cy});
        out.add(new double[]{l, cy});
        return out;
    }
}
