package descent.functions;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MoreGarbowHillstromTest {

    /** f(x₀) and ∇f(x₀) from the separate numpy implementation (src/bench/python/mgh.py), same order as all(). */
    @Test
    void agreesWithTheIndependentNumpyImplementationAtEveryStart() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("mgh-start.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("#")) {
                    rows.add(line.split("\\|"));
                }
            }
        }
        List<TestFunction> all = MoreGarbowHillstrom.all();
        assertEquals(21, all.size());
        assertEquals(all.size(), rows.size());
        for (int k = 0; k < all.size(); k++) {
            TestFunction f = all.get(k);
            String[] row = rows.get(k);
            assertEquals(row[0], f.name());
            assertEquals(Integer.parseInt(row[1]), f.dimension(), f.name());
            double[] x = f.start(), g = new double[f.dimension()];
            double fx = f.valueAndGradient(x, g);
            double expected = Double.parseDouble(row[2]);
            assertEquals(expected, fx, 1e-13 * Math.max(1, Math.abs(expected)), f.name() + ": f(x₀)");
            String[] gs = row[3].trim().split(" ");
            for (int i = 0; i < gs.length; i++) {
                double e = Double.parseDouble(gs[i]);
                assertEquals(e, g[i], 1e-12 * Math.max(1, Math.abs(e)), f.name() + ": ∂f/∂x" + i + " at x₀");
            }
        }
    }

    /** f(x₀) values printed in the MGH paper's problem list (rounded there), a second independent check. */
    @Test
    void startingValuesMatchThePublishedOnes() {
        assertEquals(2500, MoreGarbowHillstrom.helicalValley().value(MoreGarbowHillstrom.helicalValley().start()), 1e-9);
        assertEquals(19192, MoreGarbowHillstrom.wood().value(MoreGarbowHillstrom.wood().start()), 1e-9);
        assertEquals(30, MoreGarbowHillstrom.watson(9).value(new double[9]), 1e-12);
        assertEquals(24.2, Rosenbrock.twoD().value(Rosenbrock.twoD().start()), 1e-12);
        assertEquals(645, MoreGarbowHillstrom.extendedPowellSingular(4).value(new double[]{3, -1, 0, 1}) * 3, 1e-9);
    }

    /** Central differences at random points near x₀ are the reference for every analytic gradient. */
    @Test
    void gradientsMatchCentralDifferences() {
        Random rng = new Random(5);
        for (TestFunction f : MoreGarbowHillstrom.standard()) {
            for (int trial = 0; trial < 3; trial++) {
                double[] x = f.start();
                for (int i = 0; i < x.length; i++) {
                    x[i] += 0.1 * (1 + Math.abs(x[i])) * rng.nextGaussian();
                }
                double[] g = new double[x.length];
                double fx = f.valueAndGradient(x, g);
                assertEquals(f.value(x), fx, 1e-12 * (1 + Math.abs(fx)));
                for (int i = 0; i < x.length; i++) {
                    double h = 1e-6 * (1 + Math.abs(x[i]));
                    double[] xp = x.clone(), xm = x.clone();
                    xp[i] += h;
                    xm[i] -= h;
                    double fd = (f.value(xp) - f.value(xm)) / (2 * h);
                    // truncation (relative) plus the rounding of f itself, ε·|f|/h, which dominates when f ≈ 1e12
                    double tolerance = 1e-5 * (1 + Math.abs(fd)) + 1e-14 * Math.abs(fx) / h;
                    assertEquals(fd, g[i], tolerance, f.name() + ": ∂f/∂x" + i + " at trial " + trial);
                }
            }
        }
    }

    /** Where the paper gives the minimizer, f there is the listed minimum (0 for every such problem here). */
    @Test
    void listedMinimizersHaveTheListedMinimum() {
        for (TestFunction f : MoreGarbowHillstrom.standard()) {
            double[] m = f.minimizer();
            if (m != null) {
                assertEquals(f.minimum(), f.value(m), 1e-10, f.name());
            }
        }
    }

    @Test
    void badDimensionsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> MoreGarbowHillstrom.extendedPowellSingular(6));
        assertTrue(e.getMessage().contains("n = 6"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> MoreGarbowHillstrom.wood().value(new double[3]));
        assertTrue(e2.getMessage().contains("length 3"), e2.getMessage());
    }
}
