package descent.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The frame every plot kind shares: title, plot rectangle, two axes with ticks and labels, legend and an optional
 * colour bar, laid out so that no text overlaps another or leaves the image (the tick and label rules are in
 * {@link Ticks}; {@link #layout()} iterates until the plot rectangle no longer moves).
 */
final class Axes {

    static final double PAD = 8, TICK = 4, TICK_GAP = 3, X_TICK_GAP = 4, LABEL_GAP = 5, MIN_LABEL_SPACE = 10;
    static final float TITLE_SIZE = 14f, LABEL_SIZE = 12.5f, TICK_SIZE = 11.5f;

    /** One axis: its kind, the data it must show and, after {@link #resolve}, the range shown. */
    static final class Scale {
        enum Kind { LINEAR, LOG, CATEGORY }

        Kind kind = Kind.LINEAR;
        double dataLo = Double.POSITIVE_INFINITY, dataHi = Double.NEGATIVE_INFINITY;
        double fixedLo = Double.NaN, fixedHi = Double.NaN;
        /** Bars and histograms: no margin on the side where the data ends at exactly 0. */
        boolean zeroBaseline;
        /** No margins (image-like axes). */
        boolean tight;
        /** Values grow downwards (rows of a heatmap). */
        boolean inverted;
        /** Ticks only at whole numbers (indices). */
        boolean integer;
        String[] categories;
        double lo, hi;

        void include(double v) {
            if (Double.isFinite(v) && (kind != Kind.LOG || v > 0)) {
                dataLo = Math.min(dataLo, v);
                dataHi = Math.max(dataHi, v);
            }
        }

        boolean fixed() {
            return !Double.isNaN(fixedLo);
        }

        double t(double v) {
            return kind == Kind.LOG ? Math.log10(v) : v;
        }

        void resolve() {
            if (kind == Kind.CATEGORY) {
                lo = -0.5;
                hi = categories.length - 0.5;
                return;
            }
            if (fixed()) {
                lo = fixedLo;
                hi = fixedHi;
                return;
            }
            double a = dataLo, b = dataHi;
            if (!(a <= b)) {
                a = kind == Kind.LOG ? 1 : 0;
                b = kind == Kind.LOG ? 10 : 1;
            }
            if (kind == Kind.LOG) {
                double la = Math.log10(a), lb = Math.log10(b);
                if (la == lb) {
                    la -= 0.5;
                    lb += 0.5;
                }
                double m = tight ? 0 : 0.04 * (lb - la);
                la -= m;
                lb += m;
                // fewer than two of 1, 2, 5 × 10ᵏ inside (a range of less than a factor 2.5): widen to whole decades
                if (Ticks.mantissaTicks(Math.pow(10, la), Math.pow(10, lb)).size() < 2) {
                    la = Math.floor(la + 1e-9);
                    lb = Math.ceil(lb - 1e-9);
                    if (la == lb) {
                        lb += 1;
                    }
                }
                lo = Math.pow(10, la);
                hi = Math.pow(10, lb);
                return;
            }
            if (a == b) {
                double d = a == 0 ? 1 : Math.abs(a) * 0.1;
                a -= d;
                b += d;
            }
            double m = tight ? 0 : 0.04 * (b - a);
            lo = (zeroBaseline && a == 0) ? 0 : a - m;
            hi = (zeroBaseline && b == 0) ? 0 : b + m;
        }

        Ticks ticks(int maxTicks) {
            if (kind == Kind.LOG) {
                return Ticks.log(lo, hi, maxTicks);
            }
            Ticks t = Ticks.linear(lo, hi, maxTicks);
            return integer && t.step < 1 ? Ticks.linearWithStep(lo, hi, 1) : t;
        }
    }

    final int width, height;
    String title = "", xLabel = "", yLabel = "";
    final Scale x = new Scale(), y = new Scale();
    boolean equalAspect;
    boolean gridLines = true;
    List<Legend.Entry> legendEntries = List.of();
    Legend legend = Legend.BEST;
    /** How much data a legend box (in pixels) would hide; evaluated after the plot rectangle is known. */
    ToDoubleFunction<Rectangle2D> legendBadness = r -> 0;
    /** A colour bar on the right for values in [colorLo, colorHi]. */
    boolean colorbar;
    double colorLo, colorHi;

    // results of layout()
    Rectangle2D plot;
    Font titleFont;
    List<String> titleLines = List.of();
    Ticks xTicks, yTicks, colorTicks;
    CategoryLabels xCats, yCats;
    List<String> xLabelLines = List.of(), yLabelLines = List.of();
    Font xLabelFont = labelFont(), yLabelFont = labelFont();
    /** Pixels of width and height that equal aspect left unused (both ranges fixed, the box narrowed). */
    double slackX, slackY;
    Legend legendPlacement = Legend.NONE;
    double legendX, legendY;
    int legendColumns = 1;

    Axes(int width, int height) {
        this.width = width;
        this.height = height;
    }

    static Font tickFont() {
        return Canvas.font(TICK_SIZE, false);
    }

    static Font labelFont() {
        return Canvas.font(LABEL_SIZE, false);
    }

    // ------------------------------------------------------------------------------------------- mapping

    double px(double v) {
        double f = (x.t(v) - x.t(x.lo)) / (x.t(x.hi) - x.t(x.lo));
        return clamp(plot.getMinX() + f * plot.getWidth());
    }

    double py(double v) {
        double f = (y.t(v) - y.t(y.lo)) / (y.t(y.hi) - y.t(y.lo));
        return clamp(y.inverted ? plot.getMinY() + f * plot.getHeight() : plot.getMaxY() - f * plot.getHeight());
    }

    private static double clamp(double p) {
        return Math.max(-1e6, Math.min(1e6, p));
    }

    // ------------------------------------------------------------------------------------------- layout

    void layout() {
        x.resolve();
        y.resolve();
        wrapTitle();
        boolean wantLegend = legend != Legend.NONE && !legendEntries.isEmpty();
        if (!wantLegend) {
            layoutWith(0, 0);
            legendPlacement = Legend.NONE;
            return;
        }
        double[] one = Legend.size(legendEntries, 1);
        switch (legend) {
            case RIGHT -> placeRight(one);
            case BELOW -> placeBelow();
            case UPPER_RIGHT, UPPER_LEFT, LOWER_LEFT, LOWER_RIGHT -> {
                layoutWith(0, 0);
                List<double[]> c = Legend.insideCandidates(plot, one[0], one[1]);
                double[] at = c.get(legend.ordinal() - Legend.UPPER_RIGHT.ordinal());
                inside(at);
            }
            default -> {
                layoutWith(0, 0);
                double[] best = null;
                if (one[0] + 12 <= plot.getWidth() && one[1] + 12 <= plot.getHeight()) {
                    for (double[] at : Legend.insideCandidates(plot, one[0], one[1])) {
                        if (legendBadness.applyAsDouble(new Rectangle2D.Double(at[0] - 3, at[1] - 3, one[0] + 6, one[1] + 6)) == 0) {
                            best = at;
                            break;
                        }
                    }
                }
                if (best != null) {
                    inside(best);
                } else if (one[0] + 12 <= 0.28 * width) {
                    placeRight(one);
                } else {
                    placeBelow();
                }
            }
        }
    }

    private void inside(double[] at) {
        legendPlacement = Legend.UPPER_RIGHT;
        legendColumns = 1;
        legendX = at[0];
        legendY = at[1];
    }

    private void placeRight(double[] one) {
        layoutWith(one[0] + 10, 0);
        legendPlacement = Legend.RIGHT;
        legendColumns = 1;
        legendX = width - PAD - one[0];
        legendY = plot.getMinY() + Math.max(0, (plot.getHeight() - one[1]) / 2);
    }

    private void placeBelow() {
        legendColumns = Legend.columnsFitting(legendEntries, width - 2 * PAD);
        double[] wh = Legend.size(legendEntries, legendColumns);
        layoutWith(0, wh[1] + 4);
        legendPlacement = Legend.BELOW;
        legendX = Math.max(PAD, (width - wh[0]) / 2);
        legendY = height - PAD - wh[1];
    }

    private void wrapTitle() {
        titleLines = List.of();
        titleFont = Canvas.font(TITLE_SIZE, true);
        if (title == null || title.isBlank()) {
            return;
        }
        double avail = width - 2 * PAD;
        for (int lines = 1; lines <= 3; lines++) {
            for (float size = TITLE_SIZE; size >= TITLE_SIZE - 2.5f; size -= 0.5f) {
                Font f = Canvas.font(size, true);
                List<String> w = wrap(title, f, avail, lines);
                if (w != null) {
                    titleFont = f;
                    titleLines = w;
                    return;
                }
            }
        }
        titleLines = List.of(title); // too long for three lines: the layout check names it
    }

    /** Splits text at spaces into at most maxLines lines each at most width wide, or null if impossible. */
    static List<String> wrap(String text, Font font, double width, int maxLines) {
        if (Canvas.textWidth(text, font) <= width) {
            return List.of(text);
        }
        if (maxLines == 1) {
            return null;
        }
        String[] words = text.split(" ");
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (Canvas.textWidth(candidate, font) <= width || line.length() == 0) {
                line = new StringBuilder(candidate);
            } else {
                out.add(line.toString());
                line = new StringBuilder(word);
            }
        }
        out.add(line.toString());
        if (out.size() > maxLines || out.stream().anyMatch(l -> Canvas.textWidth(l, font) > width)) {
            return null;
        }
        return balance(out, words, font, width);
    }

    /** Two greedy lines can be lopsided (a long first line, one word on the second): move words down while it helps. */
    private static List<String> balance(List<String> lines, String[] words, Font font, double width) {
        if (lines.size() != 2) {
            return lines;
        }
        List<String> best = lines;
        double bestMax = Math.max(Canvas.textWidth(lines.get(0), font), Canvas.textWidth(lines.get(1), font));
        for (int cut = 1; cut < words.length; cut++) {
            String a = String.join(" ", Arrays.copyOfRange(words, 0, cut)), b = String.join(" ", Arrays.copyOfRange(words, cut, words.length));
            double m = Math.max(Canvas.textWidth(a, font), Canvas.textWidth(b, font));
            if (m < bestMax && m <= width) {
                bestMax = m;
                best = List.of(a, b);
            }
        }
        return best;
    }

    private double titleHeight() {
        return titleLines.size() * Canvas.lineHeight(titleFont) * 1.1;
    }

    private double colorbarWidth(double plotHeight) {
        if (!colorbar) {
            return 0;
        }
        colorTicks = Ticks.linear(colorLo, colorHi, Math.max(2, Math.min(8, (int) (plotHeight / (Canvas.lineHeight(tickFont()) * 1.8)))));
        double w = 0;
        for (String l : colorTicks.labels) {
            w = Math.max(w, Canvas.textWidth(l, tickFont()));
        }
        double m = colorTicks.multiplier == null ? 0 : Canvas.textWidth(colorTicks.multiplier, tickFont());
        return 14 + 14 + TICK + TICK_GAP + Math.max(w, m - 14 - TICK - TICK_GAP);
    }

    /** Lays the frame out with {@code reserveRight} pixels kept free right of the plot and {@code reserveBottom} below it. */
    private void layoutWith(double reserveRight, double reserveBottom) {
        Font tf = tickFont(), lf = labelFont();
        double lhT = Canvas.lineHeight(tf), lhL = Canvas.lineHeight(lf);
        double top = PAD + (titleLines.isEmpty() ? lhT / 2 : titleHeight() + Math.max(8, lhT / 2 + 4));
        double bottom = height - PAD - reserveBottom - 2 * lhT - lhL, overhangRight = 0, overhangLeft = 0;
        plot = null;
        for (int pass = 0; pass < 10; pass++) {
            double plotH = bottom - top;
            double cb = colorbarWidth(plotH);
            // the y axis first: its tick labels set the left edge
            yLabelLines = axisLabelLines(yLabel, y, plotH);
            double yTickW = layoutYTicks(plotH);
            double left = PAD + (yLabelLines.isEmpty() ? 0 : yLabelLines.size() * Canvas.lineHeight(yLabelFont) + LABEL_GAP)
                    + yTickW + TICK_GAP + TICK;
            left = Math.max(left, PAD + overhangLeft);
            // the x tick row lies below the plot, so its end labels may reach into the legend's or colour bar's column
            double right = Math.min(width - PAD - reserveRight - cb, width - PAD - overhangRight);
            xLabelLines = axisLabelLines(xLabel, x, right - left);
            double[] xt = layoutXTicks(left, right);
            overhangRight = Math.max(0, xt[2] - right);
            overhangLeft = Math.max(0, left - xt[1]);
            bottom = height - PAD - reserveBottom - (xLabelLines.isEmpty() ? 0 : xLabelLines.size() * Canvas.lineHeight(xLabelFont) + LABEL_GAP)
                    - xt[0] - X_TICK_GAP - TICK;
            Rectangle2D r = new Rectangle2D.Double(left, top, right - left, bottom - top);
            if (equalAspect) {
                r = equalise(r);
            }
            boolean stable = plot != null && Math.abs(r.getMinX() - plot.getMinX()) < 0.1 && Math.abs(r.getMaxY() - plot.getMaxY()) < 0.1
                    && Math.abs(r.getMaxX() - plot.getMaxX()) < 0.1 && Math.abs(r.getMinY() - plot.getMinY()) < 0.1;
            plot = r;
            if (stable) {
                break;
            }
        }
        // the final ticks for the final rectangle
        layoutYTicks(plot.getHeight());
        layoutXTicks(plot.getMinX(), plot.getMaxX());
        if (colorbar) {
            colorbarWidth(plot.getHeight());
        }
    }

    /** Equal data units per pixel on both axes: widens a free range, or else narrows the box. */
    private Rectangle2D equalise(Rectangle2D r) {
        if (x.kind == Scale.Kind.LOG || y.kind == Scale.Kind.LOG) {
            return r;
        }
        double ux = (x.hi - x.lo) / r.getWidth(), uy = (y.hi - y.lo) / r.getHeight();
        slackX = 0;
        slackY = 0;
        if (ux > uy) {
            if (y.kind == Scale.Kind.LINEAR && !y.fixed()) {
                double c = (y.lo + y.hi) / 2, half = ux * r.getHeight() / 2;
                y.lo = c - half;
                y.hi = c + half;
                return r;
            }
            double h = (y.hi - y.lo) / ux;
            slackY = r.getHeight() - h;
            return new Rectangle2D.Double(r.getX(), r.getY() + (r.getHeight() - h) / 2, r.getWidth(), h);
        } else if (uy > ux) {
            if (x.kind == Scale.Kind.LINEAR && !x.fixed()) {
                double c = (x.lo + x.hi) / 2, half = uy * r.getWidth() / 2;
                x.lo = c - half;
                x.hi = c + half;
                return r;
            }
            double w = (x.hi - x.lo) / uy;
            slackX = r.getWidth() - w;
            return new Rectangle2D.Double(r.getX() + (r.getWidth() - w) / 2, r.getY(), w, r.getHeight());
        }
        return r;
    }

    /**
     * The axis label (with the tick multiplier, if any) on one to three lines no longer than the axis, in the label
     * font or down to 10.5 px; the font chosen is left in {@link #xLabelFont} or {@link #yLabelFont}.
     */
    private List<String> axisLabelLines(String label, Scale s, double length) {
        if (label == null || label.isBlank()) {
            return List.of();
        }
        String full = label;
        Ticks t = s == x ? xTicks : yTicks;
        if (t != null && t.multiplier != null) {
            full = label + " (" + t.multiplier + ")";
        }
        for (int lines = 1; lines <= 3; lines++) {
            for (float size = LABEL_SIZE; size >= 10.5f; size -= 1f) {
                Font f = Canvas.font(size, false);
                List<String> w = wrap(full, f, Math.max(20, length), lines);
                if (w != null) {
                    if (s == x) {
                        xLabelFont = f;
                    } else {
                        yLabelFont = f;
                    }
                    return w;
                }
            }
        }
        return List.of(full);
    }

    /** Chooses y ticks for a plot of the given height; returns the width of the widest y tick label. */
    private double layoutYTicks(double plotH) {
        Font tf = tickFont();
        double lhT = Canvas.lineHeight(tf);
        if (y.kind == Scale.Kind.CATEGORY) {
            yCats = CategoryLabels.rows(y.categories, plotH / y.categories.length, tf);
            yTicks = null;
            return yCats.maxWidth;
        }
        yCats = null;
        int max = Math.max(2, Math.min(8, (int) Math.floor(plotH / (lhT * 1.6))));
        Ticks t = null;
        for (int m = max; m >= 2; m--) {
            t = y.ticks(m);
            if (minGap(t, false, plotH) >= 4) {
                break;
            }
        }
        yTicks = t;
        double w = 0;
        for (String l : t.labels) {
            w = Math.max(w, Canvas.textWidth(l, tf));
        }
        return w;
    }

    /** Smallest gap (pixels) between neighbouring tick labels along the axis. */
    private double minGap(Ticks t, boolean horizontal, double length) {
        Font tf = tickFont();
        Scale s = horizontal ? x : y;
        double span = s.t(s.hi) - s.t(s.lo), gap = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < t.major.length; i++) {
            double d = Math.abs(s.t(t.major[i + 1]) - s.t(t.major[i])) / span * length;
            double need = horizontal ? (Canvas.textWidth(t.labels[i], tf) + Canvas.textWidth(t.labels[i + 1], tf)) / 2
                    : Canvas.lineHeight(tf);
            gap = Math.min(gap, d - need);
        }
        return gap;
    }

    /** Chooses x ticks for the given plot edges; returns {label height, leftmost label edge, rightmost label edge}. */
    private double[] layoutXTicks(double left, double right) {
        Font tf = tickFont();
        double w = right - left, lhT = Canvas.lineHeight(tf);
        if (x.kind == Scale.Kind.CATEGORY) {
            xCats = CategoryLabels.columns(x.categories, w / x.categories.length, tf, 0.3 * height);
            xTicks = null;
            double band = w / x.categories.length;
            double l = left, r = right;
            if (xCats.orientation == CategoryLabels.Orientation.ACROSS) {
                l = Math.min(l, left + band / 2 - xCats.widths[0] / 2);
                r = Math.max(r, left + band * (x.categories.length - 0.5) + xCats.widths[x.categories.length - 1] / 2);
            }
            return new double[]{xCats.extent, l, r};
        }
        xCats = null;
        Ticks t = null;
        for (int m = 8; m >= 2; m--) {
            t = x.ticks(m);
            if (minGap(t, true, w) >= MIN_LABEL_SPACE) {
                break;
            }
        }
        xTicks = t;
        double span = x.t(x.hi) - x.t(x.lo), lo = left, hi = right;
        for (int i = 0; i < t.major.length; i++) {
            double p = left + (x.t(t.major[i]) - x.t(x.lo)) / span * w, half = Canvas.textWidth(t.labels[i], tf) / 2;
            lo = Math.min(lo, p - half);
            hi = Math.max(hi, p + half);
        }
        return new double[]{lhT, lo, hi};
    }

    // ------------------------------------------------------------------------------------------- painting

    /** Grid lines under the data. */
    void paintGrid(Canvas c) {
        if (!gridLines) {
            return;
        }
        c.stroke(Canvas.GRID, 0.8f);
        if (xTicks != null) {
            for (double v : xTicks.major) {
                double p = px(v);
                c.g.draw(new Line2D.Double(p, plot.getMinY(), p, plot.getMaxY()));
            }
        }
        if (yTicks != null) {
            for (double v : yTicks.major) {
                double p = py(v);
                c.g.draw(new Line2D.Double(plot.getMinX(), p, plot.getMaxX(), p));
            }
        }
    }

    /** Frame, ticks, tick labels, axis labels, title and legend, over the data. */
    void paintFrame(Canvas c) {
        Font tf = tickFont(), lf = labelFont();
        double lhL = Canvas.lineHeight(lf);
        c.stroke(Canvas.FRAME, 1f);
        c.g.draw(plot);
        // x axis
        double tickBottom = plot.getMaxY() + TICK;
        if (xTicks != null) {
            for (double v : xTicks.minor) {
                c.g.draw(new Line2D.Double(px(v), plot.getMaxY(), px(v), plot.getMaxY() + TICK / 2));
            }
            for (int i = 0; i < xTicks.major.length; i++) {
                double p = px(xTicks.major[i]);
                c.g.draw(new Line2D.Double(p, plot.getMaxY(), p, tickBottom));
                c.text("x tick", xTicks.labels[i], tf, Canvas.INK, p, tickBottom + X_TICK_GAP, 0.5, 0);
            }
        } else if (xCats != null) {
            xCats.paintColumns(c, plot, tickBottom + X_TICK_GAP);
            c.stroke(Canvas.FRAME, 1f);
        }
        double labelTop = tickBottom + X_TICK_GAP + (xCats != null ? xCats.extent : Canvas.lineHeight(tf)) + LABEL_GAP;
        for (int i = 0; i < xLabelLines.size(); i++) {
            c.text("x label", xLabelLines.get(i), xLabelFont, Canvas.INK, plot.getCenterX(), labelTop + i * Canvas.lineHeight(xLabelFont), 0.5, 0);
        }
        // y axis
        double tickLeft = plot.getMinX() - TICK, labelRight = tickLeft - TICK_GAP, widest = 0;
        c.stroke(Canvas.FRAME, 1f);
        if (yTicks != null) {
            for (double v : yTicks.minor) {
                c.g.draw(new Line2D.Double(plot.getMinX() - TICK / 2, py(v), plot.getMinX(), py(v)));
            }
            for (int i = 0; i < yTicks.major.length; i++) {
                double p = py(yTicks.major[i]);
                c.g.draw(new Line2D.Double(tickLeft, p, plot.getMinX(), p));
                Rectangle2D b = c.text("y tick", yTicks.labels[i], tf, Canvas.INK, labelRight, p, 1, 0.5);
                widest = Math.max(widest, b.getWidth());
            }
        } else if (yCats != null) {
            yCats.paintRows(c, plot, labelRight);
            widest = yCats.maxWidth;
        }
        double yLabelRight = labelRight - widest - LABEL_GAP;
        for (int i = 0; i < yLabelLines.size(); i++) {
            int fromRight = yLabelLines.size() - 1 - i;
            c.textUp("y label", yLabelLines.get(i), yLabelFont, Canvas.INK, yLabelRight - fromRight * Canvas.lineHeight(yLabelFont),
                    plot.getCenterY(), 1, 0.5);
        }
        // title
        double ty = PAD, lh = Canvas.lineHeight(titleFont) * 1.1;
        for (String line : titleLines) {
            c.text("title", line, titleFont, Canvas.INK, width / 2.0, ty, 0.5, 0);
            ty += lh;
        }
        // legend
        if (legendPlacement != Legend.NONE) {
            Legend.paint(c, legendEntries, legendColumns, legendX, legendY, legendPlacement != Legend.BELOW);
        }
    }

    /** The colour bar right of the plot, coloured by {@code colormap}, with its ticks. */
    void paintColorbar(Canvas c, Colormap colormap) {
        if (!colorbar) {
            return;
        }
        Font tf = tickFont();
        double bx = plot.getMaxX() + 14, bw = 14, top = plot.getMinY(), h = plot.getHeight();
        for (int i = 0; i < (int) Math.ceil(h); i++) {
            double v = colorHi - (colorHi - colorLo) * (i + 0.5) / h;
            c.g.setColor(colormap.color(v, colorLo, colorHi));
            c.g.fill(new Rectangle2D.Double(bx, top + i, bw, Math.min(1.0, h - i) + 0.2));
        }
        c.stroke(Canvas.FRAME, 0.8f);
        c.g.draw(new Rectangle2D.Double(bx, top, bw, h));
        for (int i = 0; i < colorTicks.major.length; i++) {
            double p = top + (colorHi - colorTicks.major[i]) / (colorHi - colorLo) * h;
            c.g.draw(new Line2D.Double(bx + bw, p, bx + bw + TICK, p));
            c.text("colour bar tick", colorTicks.labels[i], tf, Canvas.INK, bx + bw + TICK + TICK_GAP, p, 0, 0.5);
        }
        if (colorTicks.multiplier != null) {
            c.text("colour bar tick", colorTicks.multiplier, tf, Canvas.INK, bx, top - 2, 0, 1);
        }
    }
}
