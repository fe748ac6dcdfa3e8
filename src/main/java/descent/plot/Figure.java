package descent.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * An x-y figure — lines, optimizer paths, points, contours, histograms — drawn with Java2D into a
 * {@link BufferedImage}, which every Java Jupyter kernel shows: end a cell with {@code fig.image()}.
 *
 * <pre>{@code
 * Figure.xy("Work against depth", "depth L", "operations").logY()
 *       .line("paths (2^L)", depth, paths)
 *       .line("DP steps (4L)", depth, steps)
 *       .image();
 * }</pre>
 *
 * <p>What a reader gets without asking: both axes labelled (required); ticks at multiples of 1, 2 or 5 × 10ᵏ,
 * at most eight per axis and never closer than their labels allow; logarithmic axes labelled 10ᵏ on a handful of
 * decades; a legend as soon as two series are named, inside the plot where it covers no data, else beside or
 * below it ({@link Legend}); a title wrapped onto a second line rather than cut off; equal units on both axes
 * on request ({@link #equalAspect()}, for pictures of directions and angles). Nothing drawn overlaps or is cut
 * off: {@link #image()} checks every text box and throws rather than draw an unreadable figure. Several figures
 * side by side: {@link #grid}. Other kinds: {@link #bars}, {@link #heatmap}, {@link #confusion}, {@link #images}.
 */
public final class Figure extends Drawing {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private enum Kind { LINE, PATH, SCATTER, HISTOGRAM }

    private record Series(String name, double[] x, double[] y, Kind kind, Color color, boolean inLegend, float width) {
    }

    /** Okabe–Ito colours, in order, for series without an explicit colour (explicit colours do not use them up). */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(213, 94, 0), new Color(204, 121, 167), new Color(86, 180, 233), new Color(0, 0, 0),
            new Color(240, 228, 66)};

    private final String title, xLabel, yLabel;
    private final int width, height;
    private final List<Series> series = new ArrayList<>();
    private int coloured;
    private boolean logX, logY, equalAspect, density;
    private double xMin = Double.NaN, xMax = Double.NaN, yMin = Double.NaN, yMax = Double.NaN;
    private Legend legend = Legend.BEST;
    private double markerDiameter = Double.NaN;
    /** How far (nominal pixels) a marker centred inside the plot box may reach past it: less than tick + gap. */
    static final double MARKER_OVERHANG = 3;
    private int bins = 20;
    private double[] edges;

    private Figure(String title, String xLabel, String yLabel, int width, int height) {
        if (xLabel == null || xLabel.isBlank() || yLabel == null || yLabel.isBlank()) {
            throw new IllegalArgumentException("figure \"" + title + "\" needs both axis labels, got x = \"" + xLabel
                    + "\", y = \"" + yLabel + "\"");
        }
        requireSize("figure \"" + title + "\"", width, height);
        this.title = title == null ? "" : title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.width = width;
        this.height = height;
    }

    static void requireSize(String what, int width, int height) {
        if (width < 120 || height < 100 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException(what + ": size must be between 120×100 and 4000×4000 pixels, got "
                    + width + "×" + height);
        }
    }

    /** A 640×420 figure with a title and both axis labels. */
    public static Figure xy(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel, 640, 420);
    }

    /** The same, at a chosen nominal size in pixels. */
    public static Figure xy(String title, String xLabel, String yLabel, int width, int height) {
        return new Figure(title, xLabel, yLabel, width, height);
    }

    /** A bar chart of several series over named categories, optionally with error bars: see {@link BarChart}. */
    public static BarChart bars(String title, String xLabel, String yLabel, String... categories) {
        return new BarChart(title, xLabel, yLabel, categories, 640, 420);
    }

    /** A colour-coded matrix (rows top to bottom) with a colour bar: see {@link Heatmap}. */
    public static Heatmap heatmap(String title, String xLabel, String yLabel, double[][] values) {
        return new Heatmap(title, xLabel, yLabel, values);
    }

    /**
     * A confusion matrix: {@code counts[t][p]} examples of true class t predicted as p, each cell showing its count;
     * rows are the true classes, columns the predicted ones.
     */
    public static Heatmap confusion(String title, int[][] counts, String... classes) {
        return Heatmap.confusion(title, counts, classes);
    }

    /** Small grayscale images (each a row-major array of {@code rows × cols} values) in a grid: see {@link ImageGrid}. */
    public static ImageGrid images(String title, List<double[]> images, int rows, int cols) {
        return new ImageGrid(title, images, rows, cols);
    }

    /** Nominal width: the requested one, less what {@link #equalAspect()} left unused with fixed ranges. */
    @Override
    public int width() {
        return size()[0];
    }

    /** Nominal height: the requested one, less what {@link #equalAspect()} left unused with fixed ranges. */
    @Override
    public int height() {
        return size()[1];
    }

    /** The size drawn: with equal aspect and both ranges fixed, the margin the narrowed box leaves is cut off. */
    private int[] size() {
        if (!equalAspect) {
            return new int[]{width, height};
        }
        Axes a = axes(histogramEdges(), histograms(), width, height);
        a.layout();
        return new int[]{width - (int) Math.floor(a.slackX), height - (int) Math.floor(a.slackY)};
    }

    private List<double[]> histograms() {
        double[] e = histogramEdges();
        List<double[]> hist = new ArrayList<>();
        for (Series s : series) {
            hist.add(s.kind == Kind.HISTOGRAM ? heights(s, e) : null);
        }
        return hist;
    }

    /** Logarithmic x axis; every x value must then be positive. */
    public Figure logX() {
        if (equalAspect) {
            throw new IllegalStateException("figure \"" + title + "\": equal aspect needs linear axes");
        }
        logX = true;
        for (Series s : series) {
            requirePositive(s.name, "x", s.x, true);
        }
        return this;
    }

    /** Logarithmic y axis; every y value must then be positive (histogram bars start at the axis). */
    public Figure logY() {
        if (equalAspect) {
            throw new IllegalStateException("figure \"" + title + "\": equal aspect needs linear axes");
        }
        logY = true;
        for (Series s : series) {
            if (s.kind != Kind.HISTOGRAM) {
                requirePositive(s.name, "y", s.y, true);
            }
        }
        return this;
    }

    /**
     * The same length on screen for one unit of x and one unit of y, so that right angles look right (conjugate
     * versus orthogonal directions, contours of a bowl). A free axis range is widened to make room; with both
     * ranges fixed the plot box is narrowed instead, and the figure loses the margin that leaves.
     */
    public Figure equalAspect() {
        if (logX || logY) {
            throw new IllegalStateException("figure \"" + title + "\": equal aspect needs linear axes");
        }
        equalAspect = true;
        return this;
    }

    /** Fixes the visible x range. */
    public Figure xRange(double min, double max) {
        requireRange("x", min, max, logX);
        xMin = min;
        xMax = max;
        return this;
    }

    /** Fixes the visible y range. */
    public Figure yRange(double min, double max) {
        requireRange("y", min, max, logY);
        yMin = min;
        yMax = max;
        return this;
    }

    private void requireRange(String axis, double min, double max, boolean log) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max) || (log && !(min > 0))) {
            throw new IllegalArgumentException("figure \"" + title + "\": " + axis + " range needs finite min < max"
                    + (log ? " and min > 0 on a logarithmic axis" : "") + ", got [" + min + ", " + max + "]");
        }
    }

    /** Where the legend goes (default {@link Legend#BEST}: inside where it hides no data, else outside). */
    public Figure legend(Legend position) {
        if (position == null) {
            throw new IllegalArgumentException("figure \"" + title + "\": legend position is null");
        }
        legend = position;
        return this;
    }

    /** Diameter in pixels of the markers of {@link #path} and {@link #scatter} (default 6 for points, 4.8 on paths). */
    public Figure markerSize(double diameter) {
        if (!(diameter >= 1 && diameter <= 40)) {
            throw new IllegalArgumentException("figure \"" + title + "\": marker diameter must be 1..40 pixels, got " + diameter);
        }
        markerDiameter = diameter;
        return this;
    }

    /** A line without markers. */
    public Figure line(String name, double[] x, double[] y) {
        return add(name, x, y, Kind.LINE, null, true, 1.8f);
    }

    /** A line with a marker at every point (for the iterates of an optimizer). */
    public Figure path(String name, double[] x, double[] y) {
        return add(name, x, y, Kind.PATH, null, true, 1.4f);
    }

    /** Points only. */
    public Figure scatter(String name, double[] x, double[] y) {
        return add(name, x, y, Kind.SCATTER, null, true, 1f);
    }

    /** A line in a chosen colour, e.g. a reference direction; with {@code inLegend} false it is left out of the legend. */
    public Figure line(String name, double[] x, double[] y, Color color, boolean inLegend) {
        if (color == null) {
            throw new IllegalArgumentException("series \"" + name + "\": colour is null");
        }
        return add(name, x, y, Kind.LINE, color, inLegend, 1.8f);
    }

    /**
     * A histogram of {@code values}. All histograms of one figure share their bins ({@link #bins(int)} equal bins
     * over the range of all their values, or {@link #bins(double...)} edges), so several overlaid samples can be
     * compared bar by bar; bars are translucent. The y axis counts values per bin, or shows a density with
     * {@link #density()}.
     */
    public Figure histogram(String name, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("histogram \"" + name + "\" needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("histogram \"" + name + "\" has values[" + i + "] = " + values[i]
                        + "; only finite values can be counted");
            }
        }
        requirePositive(name, "x", values, logX);
        return add(name, values.clone(), new double[0], Kind.HISTOGRAM, null, true, 1f);
    }

    /** Number of equal-width bins for the histograms (default 20). */
    public Figure bins(int count) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("figure \"" + title + "\": bins must be between 1 and 1000, got " + count);
        }
        bins = count;
        edges = null;
        return this;
    }

    /** Bin edges for the histograms, increasing; values outside [first, last] are not counted. */
    public Figure bins(double... edges) {
        if (edges == null || edges.length < 2) {
            throw new IllegalArgumentException("figure \"" + title + "\": bin edges need at least two values");
        }
        for (int i = 0; i + 1 < edges.length; i++) {
            if (!(edges[i] < edges[i + 1]) || !Double.isFinite(edges[i + 1]) || !Double.isFinite(edges[i])) {
                throw new IllegalArgumentException("figure \"" + title + "\": bin edges must be finite and increasing, got "
                        + Arrays.toString(edges));
            }
        }
        this.edges = edges.clone();
        return this;
    }

    /** Histograms show density (count / (n · bin width), area 1) instead of counts. */
    public Figure density() {
        density = true;
        return this;
    }

    private Figure add(String name, double[] x, double[] y, Kind kind, Color color, boolean inLegend, float width) {
        if (name == null) {
            throw new IllegalArgumentException("figure \"" + title + "\": a series needs a name");
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException("series \"" + name + "\": x or y is null");
        }
        if (kind != Kind.HISTOGRAM && x.length != y.length) {
            throw new IllegalArgumentException("series \"" + name + "\": x has " + x.length + " values but y has " + y.length);
        }
        if (series.stream().anyMatch(s -> s.name.equals(name))) {
            throw new IllegalArgumentException("figure \"" + title + "\" already has a series named \"" + name + "\"");
        }
        if (kind != Kind.HISTOGRAM) {
            requirePositive(name, "x", x, logX);
            requirePositive(name, "y", y, logY);
        }
        Color c = color != null ? color : PALETTE[coloured++ % PALETTE.length];
        series.add(new Series(name, x, y, kind, c, inLegend, width));
        return this;
    }

    private static void requirePositive(String name, String axis, double[] v, boolean log) {
        if (!log) {
            return;
        }
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) && !Double.isNaN(v[i])) {
                throw new IllegalArgumentException("series \"" + name + "\" has " + axis + "[" + i + "] = " + v[i]
                        + " on a logarithmic " + axis + " axis; only positive values can be drawn there");
            }
        }
    }

    /**
     * Draws the level sets f = c for each c in {@code levels} in grey (darker for lower levels), traced on a
     * 160×160 grid over the rectangle, which becomes the visible range; they are left out of the legend. Call it
     * before adding paths so the paths are drawn on top.
     */
    public Figure contour(DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax, double... levels) {
        double[][][] sets = Contours.levelSets(Contours.grid(f, xMin, xMax, yMin, yMax, 160), xMin, xMax, yMin, yMax, levels);
        for (int l = 0; l < levels.length; l++) {
            int shade = 90 + (int) (130.0 * l / Math.max(1, levels.length - 1));
            add("level " + levels[l], sets[l][0], sets[l][1], Kind.LINE, new Color(shade, shade, shade), false, 1f);
        }
        return xRange(xMin, xMax).yRange(yMin, yMax);
    }

    /** Contours of a 2-D objective: {@code fig.contour(Rosenbrock.twoD(), -2, 2, -1, 3, levels)}. */
    public Figure contour(descent.objective.Objective f, double xMin, double xMax, double yMin, double yMax,
                          double... levels) {
        if (f.dimension() != 2) {
            throw new IllegalArgumentException("contours need a function of two variables, " + f.name()
                    + " has dimension " + f.dimension());
        }
        double[] p = new double[2];
        return contour((x, y) -> {
            p[0] = x;
            p[1] = y;
            return f.value(p);
        }, xMin, xMax, yMin, yMax, levels);
    }

    /** Number of series drawn (level sets of a contour count one each). */
    public int seriesCount() {
        return series.size();
    }

    /** Number of entries the legend shows (series named in the legend; no legend for fewer than two). */
    public int legendCount() {
        long n = series.stream().filter(s -> s.inLegend).count();
        return n > 1 && legend != Legend.NONE ? (int) n : 0;
    }

    // ------------------------------------------------------------------------------------------- rendering

    /** The histogram bin edges shared by every histogram series, or null when there are none. */
    private double[] histogramEdges() {
        if (series.stream().noneMatch(s -> s.kind == Kind.HISTOGRAM)) {
            return null;
        }
        if (edges != null) {
            return edges;
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.kind == Kind.HISTOGRAM) {
                for (double v : s.x) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = logX ? lo * Math.pow(hi / lo, (double) i / bins) : lo + (hi - lo) * i / bins;
        }
        return e;
    }

    private double[] heights(Series s, double[] e) {
        double[] h = new double[e.length - 1];
        for (double v : s.x) {
            int i = Arrays.binarySearch(e, v);
            int bin = i >= 0 ? Math.min(i, h.length - 1) : -i - 2;
            if (bin >= 0 && bin < h.length) {
                h[bin]++;
            }
        }
        if (density) {
            for (int i = 0; i < h.length; i++) {
                h[i] /= s.x.length * (e[i + 1] - e[i]);
            }
        }
        return h;
    }

    private Axes axes(double[] e, List<double[]> hist, int width, int height) {
        Axes a = new Axes(width, height);
        a.title = title;
        a.xLabel = xLabel;
        a.yLabel = yLabel;
        a.x.kind = logX ? Axes.Scale.Kind.LOG : Axes.Scale.Kind.LINEAR;
        a.y.kind = logY ? Axes.Scale.Kind.LOG : Axes.Scale.Kind.LINEAR;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            if (s.kind == Kind.HISTOGRAM) {
                a.x.include(e[0]);
                a.x.include(e[e.length - 1]);
                for (double v : hist.get(k)) {
                    a.y.include(v);
                }
                a.y.zeroBaseline = true;
                if (!logY) {
                    a.y.include(0);
                }
            } else {
                for (int i = 0; i < s.x.length; i++) {
                    if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                        a.x.include(s.x[i]);
                        a.y.include(s.y[i]);
                    }
                }
            }
        }
        if (!Double.isNaN(xMin)) {
            a.x.fixedLo = xMin;
            a.x.fixedHi = xMax;
        }
        if (!Double.isNaN(yMin)) {
            a.y.fixedLo = yMin;
            a.y.fixedHi = yMax;
        }
        a.equalAspect = equalAspect;
        List<Legend.Entry> entries = new ArrayList<>();
        for (Series s : series) {
            if (s.inLegend) {
                entries.add(new Legend.Entry(s.name, switch (s.kind) {
                    case LINE -> Legend.Sample.LINE;
                    case PATH -> Legend.Sample.LINE_AND_MARKER;
                    case SCATTER -> Legend.Sample.MARKER;
                    case HISTOGRAM -> Legend.Sample.PATCH;
                }, s.color));
            }
        }
        a.legendEntries = entries.size() > 1 ? entries : List.of();
        a.legend = legend;
        a.legendBadness = box -> badness(a, box, hist);
        return a;
    }

    /** How many drawn pieces of the named series the box would cover (level sets and other unnamed lines do not count). */
    private double badness(Axes a, Rectangle2D box, List<double[]> hist) {
        double[] e = histogramEdges();
        int hits = 0;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            if (!s.inLegend) {
                continue;
            }
            if (s.kind == Kind.HISTOGRAM) {
                double[] h = hist.get(k);
                for (int i = 0; i < h.length; i++) {
                    if (h[i] > 0 && bar(a, e[i], e[i + 1], h[i]).intersects(box)) {
                        hits++;
                    }
                }
                continue;
            }
            double px = Double.NaN, py = Double.NaN;
            for (int i = 0; i < s.x.length; i++) {
                boolean ok = Double.isFinite(s.x[i]) && Double.isFinite(s.y[i]);
                double qx = ok ? a.px(s.x[i]) : Double.NaN, qy = ok ? a.py(s.y[i]) : Double.NaN;
                if (ok && box.contains(qx, qy)) {
                    hits++;
                } else if (ok && s.kind != Kind.SCATTER && !Double.isNaN(px) && box.intersectsLine(px, py, qx, qy)) {
                    hits++;
                }
                px = qx;
                py = qy;
            }
        }
        return hits;
    }

    private static Rectangle2D bar(Axes a, double lo, double hi, double h) {
        double x0 = a.px(lo), x1 = a.px(hi);
        double base = a.y.kind == Axes.Scale.Kind.LOG ? a.plot.getMaxY() : a.py(0), top = a.py(h);
        return new Rectangle2D.Double(Math.min(x0, x1), Math.min(base, top), Math.abs(x1 - x0), Math.abs(base - top));
    }

    @Override
    Canvas render() {
        double[] e = histogramEdges();
        List<double[]> hist = histograms();
        int[] size = size();
        Axes a = axes(e, hist, size[0], size[1]);
        a.layout();
        Canvas c = new Canvas(size[0], size[1]);
        a.paintGrid(c);
        Shape clip = c.g.getClip();
        Rectangle2D box = new Rectangle2D.Double(a.plot.getX() - 0.5, a.plot.getY() - 0.5, a.plot.getWidth() + 1, a.plot.getHeight() + 1);
        // a marker whose centre lies on the frame (a point at the end of a fixed range) is drawn whole, not cut in
        // half or a quarter; it may reach MARKER_OVERHANG pixels past the frame, short of the tick labels
        Rectangle2D markerBox = new Rectangle2D.Double(box.getX() - MARKER_OVERHANG, box.getY() - MARKER_OVERHANG,
                box.getWidth() + 2 * MARKER_OVERHANG, box.getHeight() + 2 * MARKER_OVERHANG);
        c.g.clip(box);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            if (s.kind == Kind.HISTOGRAM) {
                double[] h = hist.get(k);
                for (int i = 0; i < h.length; i++) {
                    if (h[i] > 0 && (a.y.kind != Axes.Scale.Kind.LOG || h[i] > 0)) {
                        Rectangle2D r = bar(a, e[i], e[i + 1], h[i]);
                        c.g.setColor(Legend.withAlpha(s.color, 110));
                        c.g.fill(r);
                        c.stroke(s.color, 1f);
                        c.g.draw(r);
                    }
                }
                continue;
            }
            if (s.kind != Kind.SCATTER) {
                c.stroke(s.color, s.width);
                c.g.draw(polyline(a, s));
            }
            if (s.kind != Kind.LINE) {
                double r = !Double.isNaN(markerDiameter) ? markerDiameter / 2 : s.kind == Kind.SCATTER ? 3 : 2.4;
                c.g.setColor(s.color);
                c.g.setClip(clip);
                c.g.clip(markerBox);
                for (int i = 0; i < s.x.length; i++) {
                    if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                        double qx = a.px(s.x[i]), qy = a.py(s.y[i]);
                        if (box.contains(qx, qy)) {
                            c.g.fill(new Ellipse2D.Double(qx - r, qy - r, 2 * r, 2 * r));
                        }
                    }
                }
                c.g.setClip(clip);
                c.g.clip(box);
            }
        }
        c.g.setClip(clip);
        a.paintFrame(c);
        return c;
    }

    private static Path2D polyline(Axes a, Series s) {
        Path2D.Double p = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < s.x.length; i++) {
            if (!Double.isFinite(s.x[i]) || !Double.isFinite(s.y[i])) {
                pen = false;
                continue;
            }
            double qx = a.px(s.x[i]), qy = a.py(s.y[i]);
            if (pen) {
                p.lineTo(qx, qy);
            } else {
                p.moveTo(qx, qy);
                pen = true;
            }
        }
        return p;
    }

    @Override
    String describe() {
        return "figure \"" + title + "\"";
    }

    /** The plot rectangle (nominal pixels) and the visible ranges {xLo, xHi, yLo, yHi} after layout, for tests. */
    double[] plotArea() {
        int[] size = size();
        Axes a = axes(histogramEdges(), histograms(), size[0], size[1]);
        a.layout();
        return new double[]{a.plot.getMinX(), a.plot.getMinY(), a.plot.getWidth(), a.plot.getHeight(), a.x.lo, a.x.hi, a.y.lo, a.y.hi};
    }

    /**
     * Plots side by side, {@code columns} per row, in one image (e.g. the four panels of Aggarwal Fig. 3.10);
     * each keeps its own size and the image is shown at the nominal size like a single figure.
     */
    public static BufferedImage grid(List<? extends Plot> plots, int columns) {
        return grid(null, plots, columns);
    }

    /** The same under a common title. */
    public static BufferedImage grid(String title, List<? extends Plot> plots, int columns) {
        if (plots == null || plots.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("grid needs at least one plot and one column, got "
                    + (plots == null ? "no list" : plots.size() + " plots") + " and " + columns + " columns");
        }
        List<BufferedImage> images = plots.stream().map(Plot::image).toList();
        int w = plots.stream().mapToInt(Plot::width).max().orElseThrow();
        int h = plots.stream().mapToInt(Plot::height).max().orElseThrow();
        int cols = Math.min(columns, plots.size()), rows = (plots.size() + columns - 1) / columns;
        Font font = Canvas.font(Axes.TITLE_SIZE + 1, true);
        double titleH = 0;
        List<String> lines = List.of();
        if (title != null && !title.isBlank()) {
            lines = Axes.wrap(title, font, w * cols - 2 * Axes.PAD, 2);
            if (lines == null) {
                throw new IllegalArgumentException("grid title \"" + title + "\" is too long for " + w * cols + " pixels");
            }
            titleH = lines.size() * Canvas.lineHeight(font) * 1.1 + Axes.PAD;
        }
        int totalH = (int) Math.ceil(titleH) + h * rows;
        BufferedImage out = Canvas.newImage(w * cols * SCALE, totalH * SCALE);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % columns) * w * SCALE, (int) Math.ceil(titleH) * SCALE + (i / columns) * h * SCALE, null);
        }
        g.scale(SCALE, SCALE);
        g.setColor(Canvas.INK);
        g.setFont(font);
        double y = Axes.PAD;
        for (String line : lines) {
            g.drawString(line, (float) ((w * cols - Canvas.textWidth(line, font)) / 2), (float) (y + Canvas.ascent(font)));
            y += Canvas.lineHeight(font) * 1.1;
        }
        g.dispose();
        return out;
    }

    /** PNG bytes of any image. */
    public static byte[] toPng(BufferedImage image) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
    }
}
