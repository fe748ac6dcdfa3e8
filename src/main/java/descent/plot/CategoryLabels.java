package descent.plot;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Labels of a category axis (bar chart groups, heatmap rows and columns). Columns are written across when they
 * fit their band, else on two lines, else turned upright; when even upright labels are taller than the band
 * is wide, only every k-th label is written. Rows are written across, every k-th when the bands are thin.
 */
final class CategoryLabels {

    enum Orientation { ACROSS, VERTICAL }

    final String[] labels;
    final Orientation orientation;
    /** Write label i when i % every == 0. */
    final int every;
    final double[] widths;
    /** Height of a row of column labels; for row labels unused. */
    final double extent;
    final double maxWidth;
    final String[][] lines;
    final Font font;

    private CategoryLabels(String[] labels, Orientation o, int every, String[][] lines, Font font) {
        this.font = font;
        this.labels = labels;
        this.orientation = o;
        this.every = every;
        this.lines = lines;
        this.widths = new double[labels.length];
        double max = 0;
        for (int i = 0; i < labels.length; i++) {
            for (String l : lines[i]) {
                widths[i] = Math.max(widths[i], Canvas.textWidth(l, font));
            }
            if (i % every == 0) {
                max = Math.max(max, widths[i]);
            }
        }
        this.maxWidth = max;
        int n = 1;
        for (String[] l : lines) {
            n = Math.max(n, l.length);
        }
        this.extent = o == Orientation.ACROSS ? n * Canvas.lineHeight(font) : max;
    }

    /**
     * Column labels for bands {@code band} pixels wide: across on one, two or three lines, in the tick font or
     * down to 9.5 px; else upright, when that takes at most {@code maxExtent} pixels of height; else upright anyway
     * (the layout check then names the labels that do not fit).
     */
    static CategoryLabels columns(String[] labels, double band, Font font, double maxExtent) {
        for (float size = font.getSize2D(); size >= 9.5f; size -= 1f) {
            Font f = font.deriveFont(size);
            for (int lines = 1; lines <= 3; lines++) {
                String[][] wrapped = new String[labels.length][];
                boolean fits = true;
                for (int i = 0; i < labels.length && fits; i++) {
                    List<String> w = Axes.wrap(labels[i], f, band - 6, lines);
                    fits = w != null;
                    wrapped[i] = fits ? w.toArray(String[]::new) : null;
                }
                if (fits) {
                    return new CategoryLabels(labels, Orientation.ACROSS, 1, wrapped, f);
                }
            }
        }
        String[][] single = new String[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            single[i] = new String[]{labels[i]};
        }
        Font f = font;
        for (float size = font.getSize2D(); size >= 9.5f; size -= 1f) {
            f = font.deriveFont(size);
            double widest = 0;
            for (String l : labels) {
                widest = Math.max(widest, Canvas.textWidth(l, f));
            }
            if (widest <= maxExtent) {
                break;
            }
        }
        double lh = Canvas.lineHeight(f);
        int every = Math.max(1, (int) Math.ceil((lh + 2) / band));
        return new CategoryLabels(labels, Orientation.VERTICAL, every, single, f);
    }

    static CategoryLabels rows(String[] labels, double band, Font font) {
        String[][] single = new String[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            single[i] = new String[]{labels[i]};
        }
        double lh = Canvas.lineHeight(font);
        int every = Math.max(1, (int) Math.ceil((lh + 1) / band));
        return new CategoryLabels(labels, Orientation.ACROSS, every, single, font);
    }

    void paintColumns(Canvas c, Rectangle2D plot, double top) {
        double band = plot.getWidth() / labels.length, lh = Canvas.lineHeight(font);
        for (int i = 0; i < labels.length; i += every) {
            double cx = plot.getMinX() + (i + 0.5) * band;
            if (orientation == Orientation.ACROSS) {
                for (int k = 0; k < lines[i].length; k++) {
                    c.text("x category", lines[i][k], font, Canvas.INK, cx, top + k * lh, 0.5, 0);
                }
            } else {
                c.textUp("x category", labels[i], font, Canvas.INK, cx, top, 0.5, 0);
            }
        }
    }

    void paintRows(Canvas c, Rectangle2D plot, double right) {
        double band = plot.getHeight() / labels.length;
        for (int i = 0; i < labels.length; i += every) {
            c.text("y category", labels[i], font, Canvas.INK, right, plot.getMinY() + (i + 0.5) * band, 1, 0.5);
        }
    }
}
