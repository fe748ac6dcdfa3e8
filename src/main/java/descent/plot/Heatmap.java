package descent.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * A matrix drawn as coloured cells, row 0 at the top, with a colour bar: a confusion matrix
 * ({@link Figure#confusion}), a weight matrix, a table of results. {@code Figure.heatmap(title, xLabel, yLabel,
 * values)} makes one.
 *
 * <p>Defaults: square cells; {@link Colormap#VIRIDIS} from the smallest to the largest value when the values
 * have one sign, {@link Colormap#DIVERGING} centred on zero when they have both (weights); each cell's number
 * written in it (black or white, whichever reads on the cell) when the cells are big enough for it, as an
 * integer when every value is one. Rows and columns are labelled by index unless named.
 */
public final class Heatmap extends Drawing {

    private final String title, xLabel, yLabel;
    private final double[][] values;
    private final int rows, cols;
    private String[] rowLabels, colLabels;
    private int width = 640, height = 480;
    private Boolean numbers;
    private String format;
    private double lo = Double.NaN, hi = Double.NaN;
    private Colormap colormap;
    private boolean squareCells = true;

    Heatmap(String title, String xLabel, String yLabel, double[][] values) {
        if (xLabel == null || xLabel.isBlank() || yLabel == null || yLabel.isBlank()) {
            throw new IllegalArgumentException("heatmap \"" + title + "\" needs both axis labels, got x = \"" + xLabel
                    + "\", y = \"" + yLabel + "\"");
        }
        if (values == null || values.length == 0 || values[0] == null || values[0].length == 0) {
            throw new IllegalArgumentException("heatmap \"" + title + "\" needs a non-empty matrix");
        }
        this.rows = values.length;
        this.cols = values[0].length;
        this.values = new double[rows][];
        for (int r = 0; r < rows; r++) {
            if (values[r] == null || values[r].length != cols) {
                throw new IllegalArgumentException("heatmap \"" + title + "\": row " + r + " has "
                        + (values[r] == null ? "no" : values[r].length) + " values, row 0 has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                if (Double.isInfinite(values[r][c])) {
                    throw new IllegalArgumentException("heatmap \"" + title + "\": values[" + r + "][" + c + "] = "
                            + values[r][c] + "; cells need finite values (NaN is drawn grey)");
                }
            }
            this.values[r] = values[r].clone();
        }
        this.title = title == null ? "" : title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    static Heatmap confusion(String title, int[][] counts, String[] classes) {
        if (counts == null || classes == null || counts.length != classes.length) {
            throw new IllegalArgumentException("confusion matrix \"" + title + "\" needs one row per class: "
                    + (counts == null ? "no counts" : counts.length + " rows") + ", "
                    + (classes == null ? "no classes" : classes.length + " classes"));
        }
        double[][] v = new double[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] == null || counts[t].length != classes.length) {
                throw new IllegalArgumentException("confusion matrix \"" + title + "\": row " + t + " has "
                        + (counts[t] == null ? "no" : counts[t].length) + " counts, expected " + classes.length);
            }
            v[t] = new double[classes.length];
            for (int p = 0; p < classes.length; p++) {
                if (counts[t][p] < 0) {
                    throw new IllegalArgumentException("confusion matrix \"" + title + "\": counts[" + t + "][" + p
                            + "] = " + counts[t][p] + " is negative");
                }
                v[t][p] = counts[t][p];
            }
        }
        return new Heatmap(title, "predicted class", "true class", v).rows(classes).columns(classes).size(620, 560);
    }

    /** Names of the rows, top to bottom. */
    public Heatmap rows(String... labels) {
        if (labels == null || labels.length != rows) {
            throw new IllegalArgumentException("heatmap \"" + title + "\" has " + rows + " rows, got "
                    + (labels == null ? "no" : labels.length) + " row labels");
        }
        rowLabels = labels.clone();
        return this;
    }

    /** Names of the columns, left to right. */
    public Heatmap columns(String... labels) {
        if (labels == null || labels.length != cols) {
            throw new IllegalArgumentException("heatmap \"" + title + "\" has " + cols + " columns, got "
                    + (labels == null ? "no" : labels.length) + " column labels");
        }
        colLabels = labels.clone();
        return this;
    }

    /** Writes each cell's value with a {@link String#format} pattern such as {@code "%.2f"}. */
    public Heatmap numbers(String format) {
        try {
            String.format(Locale.ROOT, format, 1.0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("heatmap \"" + title + "\": \"" + format + "\" cannot format a double", e);
        }
        this.format = format;
        this.numbers = true;
        return this;
    }

    /** Writes the numbers in the cells or not (default: when they fit). */
    public Heatmap numbers(boolean show) {
        this.numbers = show;
        return this;
    }

    /** The values mapped to the two ends of the colour scale (others are clamped). */
    public Heatmap range(double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("heatmap \"" + title + "\": colour range needs finite lo < hi, got ["
                    + lo + ", " + hi + "]");
        }
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    public Heatmap colormap(Colormap map) {
        if (map == null) {
            throw new IllegalArgumentException("heatmap \"" + title + "\": colour map is null");
        }
        this.colormap = map;
        return this;
    }

    /** Square cells (default) or cells stretched to fill the figure. */
    public Heatmap squareCells(boolean square) {
        this.squareCells = square;
        return this;
    }

    /** Nominal size in pixels (default 640×480). */
    public Heatmap size(int width, int height) {
        Figure.requireSize("heatmap \"" + title + "\"", width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** The size actually drawn: square cells leave part of the requested size unused, which is cut off. */
    private int[] effectiveSize() {
        if (!squareCells) {
            return new int[]{width, height};
        }
        Axes a = axes(range(), width, height);
        a.layout();
        return new int[]{width - (int) Math.floor(a.slackX), height - (int) Math.floor(a.slackY)};
    }

    /** Nominal width: the requested width, less what square cells leave unused. */
    @Override
    public int width() {
        return effectiveSize()[0];
    }

    /** Nominal height: the requested height, less what square cells leave unused. */
    @Override
    public int height() {
        return effectiveSize()[1];
    }

    private double[] range() {
        if (!Double.isNaN(lo)) {
            return new double[]{lo, hi};
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(min <= max)) {
            return new double[]{0, 1};
        }
        if (min < 0 && max > 0 && map() == Colormap.DIVERGING) {
            double m = Math.max(-min, max);
            return new double[]{-m, m};
        }
        if (min == max) {
            return new double[]{min - 0.5, max + 0.5};
        }
        return new double[]{min, max};
    }

    private Colormap map() {
        if (colormap != null) {
            return colormap;
        }
        boolean neg = false, pos = false;
        for (double[] row : values) {
            for (double v : row) {
                neg |= v < 0;
                pos |= v > 0;
            }
        }
        return neg && pos ? Colormap.DIVERGING : Colormap.VIRIDIS;
    }

    private boolean integral() {
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v) && (v != Math.rint(v) || Math.abs(v) > 1e15)) {
                    return false;
                }
            }
        }
        return true;
    }

    private String cellText(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (format != null) {
            return String.format(Locale.ROOT, format, v).replace('-', '−');
        }
        if (integral()) {
            return Ticks.number(v, 0);
        }
        double m = 0;
        for (double[] row : values) {
            for (double x : row) {
                if (!Double.isNaN(x)) {
                    m = Math.max(m, Math.abs(x));
                }
            }
        }
        return Ticks.number(v, m >= 100 ? 0 : m >= 10 ? 1 : 2);
    }

    private Axes axes(double[] range, int width, int height) {
        Axes a = new Axes(width, height);
        a.title = title;
        a.xLabel = xLabel;
        a.yLabel = yLabel;
        a.gridLines = false;
        setUp(a.x, colLabels, cols, false);
        setUp(a.y, rowLabels, rows, true);
        a.equalAspect = squareCells;
        a.colorbar = true;
        a.colorLo = range[0];
        a.colorHi = range[1];
        a.legend = Legend.NONE;
        return a;
    }

    private static void setUp(Axes.Scale s, String[] labels, int n, boolean inverted) {
        if (labels != null) {
            s.kind = Axes.Scale.Kind.CATEGORY;
            s.categories = labels;
        } else {
            s.kind = Axes.Scale.Kind.LINEAR;
            s.integer = true;
            s.fixedLo = -0.5;
            s.fixedHi = n - 0.5;
        }
        s.inverted = inverted;
    }

    @Override
    Canvas render() {
        double[] range = range();
        Colormap map = map();
        int[] size = effectiveSize();
        Axes a = axes(range, size[0], size[1]);
        a.layout();
        Canvas c = new Canvas(size[0], size[1]);
        Rectangle2D p = a.plot;
        double cw = p.getWidth() / cols, ch = p.getHeight() / rows;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                c.g.setColor(map.color(values[r][k], range[0], range[1]));
                // a hair of overlap hides the seams anti-aliasing would leave between cells
                c.g.fill(new Rectangle2D.Double(p.getMinX() + k * cw, p.getMinY() + r * ch, cw + 0.3, ch + 0.3));
            }
        }
        boolean show = numbers != null ? numbers : rows * cols <= 400;
        if (show) {
            Font f = cellFont(cw, ch, numbers != null);
            if (f != null) {
                for (int r = 0; r < rows; r++) {
                    for (int k = 0; k < cols; k++) {
                        String t = cellText(values[r][k]);
                        if (!t.isEmpty()) {
                            Color bg = map.color(values[r][k], range[0], range[1]);
                            c.text("cell", t, f, Colormap.textOn(bg), p.getMinX() + (k + 0.5) * cw, p.getMinY() + (r + 0.5) * ch, 0.5, 0.5);
                        }
                    }
                }
            }
        }
        a.paintFrame(c);
        a.paintColorbar(c, map);
        return c;
    }

    /** The largest font from 12 down to 8 px in which every cell's number fits its cell; null if none (unless forced). */
    private Font cellFont(double cw, double ch, boolean forced) {
        double widest = 0;
        for (double[] row : values) {
            for (double v : row) {
                widest = Math.max(widest, Canvas.textWidth(cellText(v), Canvas.font(12, false)));
            }
        }
        for (float size = 12; size >= 8; size -= 0.5f) {
            Font f = Canvas.font(size, false);
            if (widest * size / 12 <= cw - 3 && Canvas.lineHeight(f) <= ch - 1) {
                return f;
            }
        }
        return forced ? Canvas.font(8, false) : null;
    }

    @Override
    String describe() {
        return "heatmap \"" + title + "\"";
    }
}
