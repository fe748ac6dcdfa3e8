package descent.plot;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bars for categories × series, optionally with error bars: one group of bars per category, one bar per series
 * in each group, in the series' colour. {@code Figure.bars(title, xLabel, yLabel, categories...)} makes one.
 *
 * <pre>{@code
 * Figure.bars("Test error after 5 epochs (mean ± sd over 5 seeds)", "optimizer", "test error",
 *             "SGD", "momentum", "Adam")
 *       .series("no penalty", mean0, sd0)
 *       .series("L2, λ = 1e-4", mean1, sd1)
 *       .image();
 * }</pre>
 *
 * <p>Bars start at zero on a linear axis and at the bottom of the axis on a logarithmic one. Error bars are drawn
 * from value − error to value + error (pass the half-width you mean — a standard deviation, a standard error or
 * a confidence half-width — and say which in the title or axis label). Category labels are written across,
 * on two lines, or upright, whichever fits.
 */
public final class BarChart extends Drawing {

    private record Series(String name, double[] values, double[] errors, Color color) {
    }

    private final String title, xLabel, yLabel;
    private final String[] categories;
    private int width, height;
    private final List<Series> series = new ArrayList<>();
    private boolean logY;
    private double yMin = Double.NaN, yMax = Double.NaN;
    private Legend legend = Legend.BEST;

    BarChart(String title, String xLabel, String yLabel, String[] categories, int width, int height) {
        if (xLabel == null || xLabel.isBlank() || yLabel == null || yLabel.isBlank()) {
            throw new IllegalArgumentException("bar chart \"" + title + "\" needs both axis labels, got x = \"" + xLabel
                    + "\", y = \"" + yLabel + "\"");
        }
        if (categories == null || categories.length == 0) {
            throw new IllegalArgumentException("bar chart \"" + title + "\" needs at least one category");
        }
        for (int i = 0; i < categories.length; i++) {
            if (categories[i] == null) {
                throw new IllegalArgumentException("bar chart \"" + title + "\": category " + i + " is null");
            }
        }
        this.title = title == null ? "" : title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.categories = categories.clone();
        size(width, height);
    }

    /** Nominal size in pixels (default 640×420). */
    public BarChart size(int width, int height) {
        Figure.requireSize("bar chart \"" + title + "\"", width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** One bar per category. */
    public BarChart series(String name, double[] values) {
        return series(name, values, null);
    }

    /** One bar per category with an error bar from values[i] − errors[i] to values[i] + errors[i]. */
    public BarChart series(String name, double[] values, double[] errors) {
        if (name == null) {
            throw new IllegalArgumentException("bar chart \"" + title + "\": a series needs a name");
        }
        if (values == null || values.length != categories.length) {
            throw new IllegalArgumentException("series \"" + name + "\" needs one value per category (" + categories.length
                    + "), got " + (values == null ? "null" : values.length));
        }
        if (errors != null && errors.length != categories.length) {
            throw new IllegalArgumentException("series \"" + name + "\" needs one error per category (" + categories.length
                    + "), got " + errors.length);
        }
        if (series.stream().anyMatch(s -> s.name.equals(name))) {
            throw new IllegalArgumentException("bar chart \"" + title + "\" already has a series named \"" + name + "\"");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("series \"" + name + "\" has values[" + i + "] = " + values[i]
                        + " (category \"" + categories[i] + "\"); bars need finite values");
            }
            if (errors != null && !(errors[i] >= 0 && Double.isFinite(errors[i]))) {
                throw new IllegalArgumentException("series \"" + name + "\" has errors[" + i + "] = " + errors[i]
                        + " (category \"" + categories[i] + "\"); an error bar's half-width must be finite and ≥ 0");
            }
            if (logY && !(values[i] > 0)) {
                throw new IllegalArgumentException("series \"" + name + "\" has values[" + i + "] = " + values[i]
                        + " on a logarithmic y axis; only positive values can be drawn there");
            }
        }
        series.add(new Series(name, values.clone(), errors == null ? null : errors.clone(),
                Figure.PALETTE[series.size() % Figure.PALETTE.length]));
        return this;
    }

    /** Logarithmic y axis; every value must be positive. */
    public BarChart logY() {
        for (Series s : series) {
            for (int i = 0; i < s.values.length; i++) {
                if (!(s.values[i] > 0)) {
                    throw new IllegalArgumentException("series \"" + s.name + "\" has values[" + i + "] = " + s.values[i]
                            + "; a logarithmic y axis needs positive values");
                }
            }
        }
        logY = true;
        return this;
    }

    /** Fixes the visible y range. */
    public BarChart yRange(double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max) || (logY && !(min > 0))) {
            throw new IllegalArgumentException("bar chart \"" + title + "\": y range needs finite min < max, got ["
                    + min + ", " + max + "]");
        }
        yMin = min;
        yMax = max;
        return this;
    }

    /** Where the legend goes (shown when there are two or more series). */
    public BarChart legend(Legend position) {
        if (position == null) {
            throw new IllegalArgumentException("bar chart \"" + title + "\": legend position is null");
        }
        legend = position;
        return this;
    }

    private Axes axes() {
        if (series.isEmpty()) {
            throw new IllegalStateException("bar chart \"" + title + "\" has no series");
        }
        Axes a = new Axes(width, height);
        a.title = title;
        a.xLabel = xLabel;
        a.yLabel = yLabel;
        a.gridLines = true;
        a.x.kind = Axes.Scale.Kind.CATEGORY;
        a.x.categories = categories;
        a.y.kind = logY ? Axes.Scale.Kind.LOG : Axes.Scale.Kind.LINEAR;
        a.y.zeroBaseline = true;
        if (!logY) {
            a.y.include(0);
        }
        for (Series s : series) {
            for (int i = 0; i < s.values.length; i++) {
                double e = s.errors == null ? 0 : s.errors[i];
                a.y.include(s.values[i] + e);
                a.y.include(logY && s.values[i] - e <= 0 ? s.values[i] : s.values[i] - e);
            }
        }
        if (!Double.isNaN(yMin)) {
            a.y.fixedLo = yMin;
            a.y.fixedHi = yMax;
        }
        List<Legend.Entry> entries = new ArrayList<>();
        for (Series s : series) {
            entries.add(new Legend.Entry(s.name, Legend.Sample.BAR, s.color));
        }
        a.legendEntries = entries.size() > 1 ? entries : List.of();
        a.legend = legend;
        a.legendBadness = box -> {
            int hits = 0;
            for (int k = 0; k < series.size(); k++) {
                for (int i = 0; i < categories.length; i++) {
                    if (bar(a, k, i).intersects(box) || errorBar(a, k, i).intersects(box)) {
                        hits++;
                    }
                }
            }
            return hits;
        };
        return a;
    }

    private Rectangle2D bar(Axes a, int k, int i) {
        double band = a.plot.getWidth() / categories.length, group = band * 0.8, w = group / series.size();
        double x0 = a.plot.getMinX() + i * band + (band - group) / 2 + k * w;
        double v = series.get(k).values[i];
        double base = a.y.kind == Axes.Scale.Kind.LOG ? a.plot.getMaxY() : a.py(0), top = a.py(v);
        return new Rectangle2D.Double(x0, Math.min(base, top), w, Math.abs(base - top));
    }

    private Rectangle2D errorBar(Axes a, int k, int i) {
        Series s = series.get(k);
        if (s.errors == null) {
            return new Rectangle2D.Double();
        }
        Rectangle2D b = bar(a, k, i);
        double lo = s.values[i] - s.errors[i], hi = s.values[i] + s.errors[i];
        double yLo = a.y.kind == Axes.Scale.Kind.LOG && lo <= 0 ? a.plot.getMaxY() : a.py(lo), yHi = a.py(hi);
        double cap = Math.min(8, b.getWidth() * 0.5);
        return new Rectangle2D.Double(b.getCenterX() - cap / 2, Math.min(yLo, yHi), cap, Math.abs(yLo - yHi));
    }

    @Override
    Canvas render() {
        Axes a = axes();
        a.layout();
        Canvas c = new Canvas(width, height);
        a.paintGrid(c);
        Shape clip = c.g.getClip();
        c.g.clip(new Rectangle2D.Double(a.plot.getX() - 0.5, a.plot.getY() - 0.5, a.plot.getWidth() + 1, a.plot.getHeight() + 1));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            for (int i = 0; i < categories.length; i++) {
                Rectangle2D b = bar(a, k, i);
                c.g.setColor(s.color);
                c.g.fill(b);
                c.stroke(Color.WHITE, 0.8f);
                c.g.draw(b);
            }
        }
        for (int k = 0; k < series.size(); k++) {
            if (series.get(k).errors == null) {
                continue;
            }
            for (int i = 0; i < categories.length; i++) {
                Rectangle2D e = errorBar(a, k, i);
                c.stroke(Canvas.INK, 1.2f);
                c.g.draw(new Line2D.Double(e.getCenterX(), e.getMinY(), e.getCenterX(), e.getMaxY()));
                c.g.draw(new Line2D.Double(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMinY()));
                c.g.draw(new Line2D.Double(e.getMinX(), e.getMaxY(), e.getMaxX(), e.getMaxY()));
            }
        }
        c.g.setClip(clip);
        a.paintFrame(c);
        return c;
    }

    @Override
    String describe() {
        return "bar chart \"" + title + "\"";
    }

    @Override
    public String toString() {
        return "BarChart[" + title + ", categories " + Arrays.toString(categories) + ", " + series.size() + " series]";
    }
}
