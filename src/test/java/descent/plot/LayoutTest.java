package descent.plot;

import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * No text overlaps another or leaves the image, at every size and for every plot kind, including the awkward
 * cases (long titles, long legend names, many series, huge and tiny numbers, long category names, thin bands).
 * The check measures every drawn text's box ({@link Plot#layout()}) against every other and the image bounds.
 */
class LayoutTest {

    private static void assertClean(Plot p, String what) {
        List<TextBox> boxes = p.layout();
        assertFalse(boxes.isEmpty(), what + ": no text at all");
        assertEquals(List.of(), TextBox.problems(boxes, p.width(), p.height()), what);
        BufferedImage img = p.image(); // must not throw either
        assertEquals(p.width() * Plot.SCALE, img.getWidth(), what);
        assertEquals(p.height() * Plot.SCALE, img.getHeight(), what);
    }

    @Test
    void theCheckFindsOverlapsAndClipping() {
        TextBox a = new TextBox("x tick", "1000", new Rectangle2D.Double(10, 10, 30, 12));
        TextBox b = new TextBox("x tick", "1200", new Rectangle2D.Double(35, 10, 30, 12));
        TextBox c = new TextBox("title", "long", new Rectangle2D.Double(-5, 0, 50, 12));
        List<String> p = TextBox.problems(List.of(a, b, c), 100, 100);
        assertTrue(p.stream().anyMatch(s -> s.contains("\"1000\" overlaps x tick \"1200\"")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("title \"long\" is clipped")), p.toString());
        TextBox d = new TextBox("x tick", "1400", new Rectangle2D.Double(66, 10, 30, 12));
        assertEquals(List.of(), TextBox.problems(List.of(a, d), 100, 100), "apart and inside: clean");
    }

    @Test
    void anUnreadableFigureIsRefusedNamingTheText() {
        Figure f = Figure.xy("t", "x", "y", 120, 100)
                .line("a legend entry far too long for a figure this small", new double[]{0, 1}, new double[]{0, 1})
                .line("and another one, equally long, to force a legend", new double[]{0, 1}, new double[]{1, 0});
        IllegalStateException e = assertThrows(IllegalStateException.class, f::image);
        assertTrue(e.getMessage().contains("far too long"), e.getMessage());
    }

    private static double[] ramp(int n, double a, double b) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / (n - 1);
        }
        return v;
    }

    @Test
    void xyFiguresAtManySizesAndRanges() {
        Random r = new Random(8);
        String[] titles = {"", "Short", "Rosenbrock: steepest descent (first 300 steps) vs damped Newton",
                "Gradient-check error against step size (4-5-1 sigmoid net) for forward and central differences, h from 1e-12 to 1"};
        String[] names = {"SGD", "momentum 1e-3, 0.9", "Nesterov 1e-3, 0.9", "AdaGrad 0.5", "RMSProp 0.01", "AdaDelta",
                "Adam 0.05", "L-BFGS with a strong Wolfe line search (m = 10)"};
        int[][] sizes = {{320, 240}, {400, 300}, {520, 520}, {560, 420}, {640, 420}, {900, 500}, {1200, 800}};
        for (int trial = 0; trial < 40; trial++) {
            int[] size = sizes[trial % sizes.length];
            String title = titles[r.nextInt(titles.length)];
            Figure f = Figure.xy(title, r.nextBoolean() ? "step" : "gradient evaluations (Hv = 2 gradients)",
                    r.nextBoolean() ? "loss" : "max relative error ρ (eq. 3.34)", size[0], size[1]);
            boolean logX = r.nextInt(3) == 0, logY = r.nextBoolean();
            if (logX) {
                f.logX();
            }
            if (logY) {
                f.logY();
            }
            int series = 1 + r.nextInt(size[0] < 500 ? 3 : 8);
            double scale = Math.pow(10, r.nextInt(12) - 5);
            for (int s = 0; s < series; s++) {
                int n = 5 + r.nextInt(400);
                double[] x = ramp(n, logX ? 1 : -scale * r.nextDouble(), scale * (1 + 1000 * r.nextDouble()));
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = logY ? Math.pow(10, -r.nextDouble() * 20 * i / n) : scale * (r.nextGaussian() + s);
                }
                if (r.nextInt(4) == 0) {
                    f.path(names[s], x, y);
                } else {
                    f.line(names[s], x, y);
                }
            }
            assertClean(f, "trial " + trial + " " + size[0] + "×" + size[1] + " \"" + title + "\"");
        }
    }

    @Test
    void legendGoesInsideWhenThereIsRoomAndNeverTakesAThirdOfTheWidth() {
        // data only in the lower left: the legend fits in the upper right, inside the plot
        Figure inside = Figure.xy("t", "x", "y").line("a", ramp(20, 0, 1), ramp(20, 0, 0.2))
                .line("b", ramp(20, 0, 1), ramp(20, 0.1, 0.3)).yRange(0, 1);
        double[] area = inside.plotArea();
        for (TextBox b : inside.layout()) {
            if (b.role().equals("legend")) {
                assertTrue(b.box().getMinX() > area[0] && b.box().getMaxX() < area[0] + area[2]
                        && b.box().getMinY() > area[1] && b.box().getMaxY() < area[1] + area[3], "inside the plot: " + b);
            }
        }
        // data everywhere: the legend goes outside, right or below, and the plot keeps at least 2/3 of the width
        Random r = new Random(1);
        Figure full = Figure.xy("t", "x", "y");
        for (int s = 0; s < 7; s++) {
            double[] y = new double[300];
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextDouble();
            }
            full.scatter("series number " + s, ramp(300, 0, 1), y);
        }
        double[] a = full.plotArea();
        assertTrue(a[2] >= 640 * 2.0 / 3, "plot width " + a[2] + " of 640");
        for (TextBox b : full.layout()) {
            if (b.role().equals("legend")) {
                assertTrue(b.box().getMinX() >= a[0] + a[2] || b.box().getMinY() >= a[1] + a[3], "outside the plot: " + b);
            }
        }
        assertClean(full, "full");
    }

    @Test
    void longTitlesWrapInsteadOfBeingClipped() {
        String title = "Two conjugate pairs for one bowl, drawn with equal units on both axes (cf. Aggarwal Fig. 3.16)";
        Figure f = Figure.xy(title, "x", "y", 360, 360).line("a", ramp(3, 0, 1), ramp(3, 0, 1));
        long lines = f.layout().stream().filter(b -> b.role().equals("title")).count();
        assertTrue(lines >= 2, "wrapped onto " + lines + " lines");
        assertClean(f, title);
    }

    @Test
    void equalAspectGivesEqualUnitsPerPixel() {
        for (boolean fixed : new boolean[]{false, true}) {
            Figure f = Figure.xy("t", "x", "y", 640, 420).line("d", new double[]{-1, 1}, new double[]{-0.3, 0.3}).equalAspect();
            if (fixed) {
                f.xRange(-1.5, 1.5).yRange(-1.5, 1.5);
            }
            double[] a = f.plotArea();
            double ux = (a[5] - a[4]) / a[2], uy = (a[7] - a[6]) / a[3];
            assertEquals(ux, uy, ux * 1e-3, (fixed ? "fixed ranges: " : "free ranges: ") + "units per pixel x vs y");
            assertClean(f, "equal aspect");
            if (fixed) {
                assertEquals(420, f.height(), "the height sets the square box");
                assertTrue(f.width() < 560, "fixed ranges: the unused width is cut off, got width " + f.width());
                assertEquals(f.width() * Plot.SCALE, f.image().getWidth(), "image width follows");
            }
        }
        assertThrows(IllegalStateException.class, () -> Figure.xy("t", "x", "y").logY().equalAspect());
    }

    @Test
    void otherKindsAtAwkwardSizes() {
        String[] cls = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
        Random r = new Random(2);
        int[][] counts = new int[10][10];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                counts[i][j] = i == j ? 900 + r.nextInt(99) : r.nextInt(60);
            }
        }
        assertClean(Figure.confusion("Confusion matrix on the test set", counts, cls), "confusion");
        assertClean(Figure.confusion("Confusion", counts, cls).size(360, 320), "small confusion");
        double[][] w = new double[12][60];
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian() * 1e-3;
            }
        }
        assertClean(Figure.heatmap("Weights", "input", "unit", w), "weights");
        assertClean(Figure.heatmap("Weights, stretched", "input", "unit", w).squareCells(false).numbers(false), "stretched");
        double[][] table = {{0.912, 0.871}, {0.934, 0.902}, {0.951, 0.9}};
        assertClean(Figure.heatmap("Accuracy", "data set", "method", table).rows("SGD", "Adam", "L-BFGS")
                .columns("train", "test").numbers("%.3f"), "table");
        for (int[] size : new int[][]{{480, 320}, {640, 420}, {900, 400}}) {
            BarChart b = Figure.bars("Iterations to converge, mean ± sd over 5 seeds", "method", "iterations",
                    "gradient descent", "momentum", "Nesterov's accelerated gradient", "AdaGrad", "L-BFGS (m = 10)").size(size[0], size[1]);
            b.series("Rosenbrock", new double[]{1200, 800, 600, 900, 40}, new double[]{30, 20, 10, 40, 2});
            b.series("Beale", new double[]{300, 200, 150, 250, 20}, null);
            assertClean(b, "bars " + size[0] + "×" + size[1]);
            assertClean(Figure.bars("log", "method", "iterations", "a", "b").series("s", new double[]{1e-3, 1e4}).logY(), "log bars");
        }
        List<double[]> images = new ArrayList<>();
        String[] captions = new String[13];
        for (int i = 0; i < 13; i++) {
            double[] im = new double[28 * 28];
            for (int k = 0; k < im.length; k++) {
                im[k] = r.nextDouble();
            }
            images.add(im);
            captions[i] = "true: " + cls[i % 10] + "\npredicted: " + cls[(i + 4) % 10];
        }
        assertClean(Figure.images("Misclassified", images, 28, 28).captions(captions).columns(5).flag(0, 3), "images");
        assertClean(Figure.images("One image with a title much wider than the image itself", images.subList(0, 1), 28, 28), "one image");
    }

    @Test
    void histogramsShareTheirBins() {
        Figure f = Figure.xy("t", "value", "count").histogram("a", new double[]{0, 0.1, 0.2, 0.9})
                .histogram("b", new double[]{0.5, 1.0}).bins(2);
        // shared range [0, 1] in two bins: a has 3 values in [0, 0.5) and 1 in [0.5, 1]; b has 0 and 2
        double[] area = f.plotArea();
        assertEquals(3 * 1.04, area[7], 1e-9, "y range reaches the tallest bar (3) plus the 4 % margin");
        assertEquals(0, area[6], 0, "bars stand on zero");
        assertThrows(IllegalArgumentException.class, () -> Figure.xy("t", "x", "y").histogram("nan", new double[]{1, Double.NaN}));
        assertClean(f.density(), "density");
    }

    @Test
    void imagesAreTwiceTheNominalSizeAndSaySo() {
        Figure f = Figure.xy("t", "x", "y", 300, 200).line("a", new double[]{0, 1}, new double[]{0, 1});
        BufferedImage img = f.image();
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
        assertEquals("2", img.getProperty(Canvas.SCALE_PROPERTY), "the kernel reads this to show it at 300×200");
        BufferedImage g = Figure.grid(List.of(f, f, f), 2);
        assertEquals(1200, g.getWidth());
        assertEquals("2", g.getProperty(Canvas.SCALE_PROPERTY));
    }
}
