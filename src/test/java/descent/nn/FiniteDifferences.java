package descent.nn;

import descent.check.GradientCheck;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random inputs for the layer tests, and the layer check of {@link GradientCheck#layer} as an assertion. */
final class FiniteDifferences {

    private FiniteDifferences() {
    }

    static DMatrixRMaj random(int rows, int cols, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    /** Asserts every input-gradient and parameter-gradient entry has ρ &lt; tol ({@link GradientCheck#layer}). */
    static void check(Layer layer, DMatrixRMaj x, long seed, double tol) {
        GradientCheck.Report report = GradientCheck.layer(layer, x, new Random(seed));
        GradientCheck.Entry worst = report.worst();
        assertTrue(report.maxError() < tol, layer.name() + " " + worst.param() + " entry " + worst.index() + ": backprop "
                + worst.backprop() + " vs estimate " + worst.estimate() + " (ρ = " + worst.rho() + ")\n" + report);
    }
}
