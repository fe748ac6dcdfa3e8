package descent.nn;

import descent.check.GradientCheck;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a layer against central differences of L = Σ R ⊙ layer(x) for a fixed random R. */
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

    static double probe(Layer layer, DMatrixRMaj x, DMatrixRMaj r) {
        DMatrixRMaj y = layer.forward(x, new Cache());
        double s = 0;
        for (int k = 0; k < y.getNumElements(); k++) {
            s += r.data[k] * y.data[k];
        }
        return s;
    }

    /** Asserts every input-gradient and parameter-gradient entry has ρ &lt; tol. */
    static void check(Layer layer, DMatrixRMaj x, long seed, double tol) {
        Random rng = new Random(seed);
        Cache cache = new Cache();
        DMatrixRMaj y = layer.forward(x, cache);
        DMatrixRMaj r = random(y.numRows, y.numCols, rng);
        for (Param p : layer.params()) {
            p.zeroGrad();
        }
        DMatrixRMaj gin = layer.backward(r, cache, true).copy();
        double h = 1e-6;
        for (int k = 0; k < x.getNumElements(); k++) {
            double keep = x.data[k];
            x.data[k] = keep + h;
            double plus = probe(layer, x, r);
            x.data[k] = keep - h;
            double minus = probe(layer, x, r);
            x.data[k] = keep;
            double est = (plus - minus) / (2 * h);
            double rho = GradientCheck.relativeError(gin.data[k], est, 1e-9);
            assertTrue(rho < tol, layer.name() + " input gradient entry " + k + ": backprop " + gin.data[k]
                    + " vs estimate " + est + " (ρ = " + rho + ")");
        }
        for (Param p : layer.params()) {
            double[] w = p.value().data;
            double[] g = p.grad().data.clone();
            for (int k = 0; k < p.size(); k++) {
                double keep = w[k];
                w[k] = keep + h;
                double plus = probe(layer, x, r);
                w[k] = keep - h;
                double minus = probe(layer, x, r);
                w[k] = keep;
                double est = (plus - minus) / (2 * h);
                double rho = GradientCheck.relativeError(g[k], est, 1e-9);
                assertTrue(rho < tol, layer.name() + " " + p.name() + " entry " + k + ": backprop " + g[k]
                        + " vs estimate " + est + " (ρ = " + rho + ")");
            }
        }
    }
}
