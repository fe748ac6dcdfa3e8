package descent.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A 2-D figure (XChart underneath) rendered headless to a {@link BufferedImage}, which every Java Jupyter
 * kernel (rapaio, IJava, JJava) shows as a PNG: {@code display(fig.image())}.
 *
 * <p>Both axes must be labelled; a legend appears as soon as there is more than one series.
 * <pre>{@code
 * Figure.xy("Work against depth", "depth L", "operations").logY()
 *       .line("paths (2^L)", depth, paths)
 *       .line("DP steps (4L)", depth, steps)
 *       .image();
 * }</pre>
 */
public final class Figure {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final XYChart chart;
    private boolean logX;
    private boolean logY;

    private Figure(String title, String xLabel, String yLabel, int width, int height) {
        if (xLabel == null || xLabel.isBlank() || yLabel == null || yLabel.isBlank()) {
            throw new IllegalArgumentException("figure \"" + title + "\" needs both axis labels, got x = \"" + xLabel
                    + "\", y = \"" + yLabel + "\"");
        }
        chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        org.knowm.xchart.style.XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE); // never covers a curve
        styler.setLegendVisible(false);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setMarkerSize(5);
    }

    /** A 640×420 figure with a title and both axis labels. */
    public static Figure xy(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel, 640, 420);
    }

    /** The same, at a chosen size in pixels. */
    public static Figure xy(String title, String xLabel, String yLabel, int width, int height) {
        return new Figure(title, xLabel, yLabel, width, height);
    }

    /** Logarithmic x axis; every x value must then be positive. */
    public Figure logX() {
        logX = true;
        chart.getStyler().setXAxisLogarithmic(true);
        return this;
    }

    /** Logarithmic y axis; every y value must then be positive. */
    public Figure logY() {
        logY = true;
        chart.getStyler().setYAxisLogarithmic(true);
        return this;
    }

    /** Fixes the visible x range. */
    public Figure xRange(double min, double max) {
        chart.getStyler().setXAxisMin(min);
        chart.getStyler().setXAxisMax(max);
        return this;
    }

    /** Fixes the visible y range. */
    public Figure yRange(double min, double max) {
        chart.getStyler().setYAxisMin(min);
        chart.getStyler().setYAxisMax(max);
        return this;
    }

    /** Moves the legend, e.g. {@code Styler.LegendPosition.OutsideE}. */
    public Figure legend(Styler.LegendPosition position) {
        chart.getStyler().setLegendPosition(position);
        return this;
    }

    /** A line without markers. */
    public Figure line(String name, double[] x, double[] y) {
        colour(add(name, x, y, XYSeries.XYSeriesRenderStyle.Line)).setMarker(SeriesMarkers.NONE);
        return this;
    }

    /** A line with a marker at every point (for iterates of an optimizer). */
    public Figure path(String name, double[] x, double[] y) {
        colour(add(name, x, y, XYSeries.XYSeriesRenderStyle.Line)).setMarker(SeriesMarkers.CIRCLE);
        return this;
    }

    /** Points only. */
    public Figure scatter(String name, double[] x, double[] y) {
        colour(add(name, x, y, XYSeries.XYSeriesRenderStyle.Scatter)).setMarker(SeriesMarkers.CIRCLE);
        return this;
    }

    /** A line in a chosen colour, e.g. to draw contour levels in grey. */
    public Figure line(String name, double[] x, double[] y, Color color, boolean inLegend) {
        XYSeries s = add(name, x, y, XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(1f);
        s.setShowInLegend(inLegend);
        return this;
    }

    /** Okabe–Ito colours, in order, for series without an explicit colour (grey contour lines do not use them up). */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(213, 94, 0), new Color(204, 121, 167), new Color(86, 180, 233), new Color(0, 0, 0),
            new Color(240, 228, 66)};
    private int coloured;

    private XYSeries colour(XYSeries s) {
        Color c = PALETTE[coloured++ % PALETTE.length];
        s.setLineColor(c);
        s.setMarkerColor(c);
        return s;
    }

    private XYSeries add(String name, double[] x, double[] y, XYSeries.XYSeriesRenderStyle style) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series \"" + name + "\": x has " + x.length + " values but y has " + y.length);
        }
        if (chart.getSeriesMap().containsKey(name)) {
            throw new IllegalArgumentException("figure already has a series named \"" + name + "\"");
        }
        requirePositive(name, "x", x, logX);
        requirePositive(name, "y", y, logY);
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(style);
        s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.SOLID);
        return s;
    }

    private static void requirePositive(String name, String axis, double[] v, boolean log) {
        if (!log) {
            return;
        }
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0)) {
                throw new IllegalArgumentException("series \"" + name + "\" has " + axis + "[" + i + "] = " + v[i]
                        + " on a logarithmic " + axis + " axis; only positive values can be drawn there");
            }
        }
    }

    /**
     * Draws the level sets f = c for each c in {@code levels} in grey (darker for lower levels), traced on a
     * 160×160 grid over the rectangle; they are left out of the legend. Call it before adding paths so the
     * paths are drawn on top.
     */
    public Figure contour(java.util.function.DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax,
                          double... levels) {
        double[][][] sets = Contours.levelSets(Contours.grid(f, xMin, xMax, yMin, yMax, 160), xMin, xMax, yMin, yMax, levels);
        for (int l = 0; l < levels.length; l++) {
            int shade = 90 + (int) (130.0 * l / Math.max(1, levels.length - 1));
            line("level " + levels[l], sets[l][0], sets[l][1], new Color(shade, shade, shade), false);
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

    /** Number of series drawn. */
    public int seriesCount() {
        return chart.getSeriesMap().size();
    }

    /** The underlying XChart chart, for styling this class does not cover. */
    public XYChart chart() {
        return chart;
    }

    /** Renders the figure. */
    public BufferedImage image() {
        long inLegend = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).count();
        chart.getStyler().setLegendVisible(inLegend > 1);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The figure as PNG bytes. */
    public byte[] png() {
        return toPng(image());
    }

    /** Writes the figure as a PNG file (parent folders are created) and returns the path. */
    public Path save(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, png());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write figure to " + file, e);
        }
    }

    /** Places figures side by side, {@code columns} per row, into one image (e.g. the four panels of Fig. 3.10). */
    public static BufferedImage grid(List<Figure> figures, int columns) {
        if (figures.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("grid needs at least one figure and one column, got "
                    + figures.size() + " figures and " + columns + " columns");
        }
        List<BufferedImage> images = figures.stream().map(Figure::image).toList();
        int w = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int h = images.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        int rows = (images.size() + columns - 1) / columns;
        BufferedImage out = new BufferedImage(w * Math.min(columns, images.size()), h * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % columns) * w, (i / columns) * h, null);
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
