package descent.regularize.dropout;

import descent.nn.Linear;
import org.ejml.data.DMatrixRMaj;

/**
 * Fast dropout (Wang &amp; Manning 2013, named in the draft of Goodfellow et al. ch. 7, §7.11): instead of sampling
 * masks, propagate the moments of a dense layer's pre-activation under dropout of its inputs. For
 * z_j = Σ_i W_ij μ_i x_i + b_j with independent μ_i ~ Bernoulli(p):
 * <pre>
 *   E[z_j]   = p Σ_i W_ij x_i + b_j
 *   Var[z_j] = p(1 − p) Σ_i W_ij² x_i²
 * </pre>
 * exactly (a sum of independent scaled Bernoulli variables; checked against all 2ⁿ masks). By the central limit
 * theorem z_j is close to normal for many inputs, which gives the analytic approximation of a logistic unit's mean,
 * E[σ(z)] ≈ σ(E z / √(1 + π Var z / 8)) (MacKay's probit approximation, as Wang &amp; Manning use it): an
 * approximation, checked by simulation with a tolerance.
 */
public final class FastDropout {

    private FastDropout() {
    }

    /** {mean, variance} of the pre-activations of {@code layer} on {@code x} when its inputs are dropped with keep p. */
    public static DMatrixRMaj[] moments(Linear layer, DMatrixRMaj x, double keep) {
        if (layer == null || x == null) {
            throw new IllegalArgumentException("FastDropout.moments needs a layer and an input");
        }
        double p = Dropout.requireKeep("FastDropout", keep);
        int in = layer.inputSize(), out = layer.outputSize();
        if (x.numCols != in) {
            throw new IllegalArgumentException("FastDropout: input " + x.numRows + "x" + x.numCols
                    + " does not fit layer " + layer.name() + " (needs " + in + " columns)");
        }
        double[] w = layer.weight().value().data, b = layer.bias().value().data;
        DMatrixRMaj mean = new DMatrixRMaj(x.numRows, out), var = new DMatrixRMaj(x.numRows, out);
        for (int r = 0; r < x.numRows; r++) {
            for (int j = 0; j < out; j++) {
                double m = 0, v = 0;
                for (int i = 0; i < in; i++) {
                    double t = w[i * out + j] * x.data[r * in + i];
                    m += t;
                    v += t * t;
                }
                mean.data[r * out + j] = p * m + b[j];
                var.data[r * out + j] = p * (1 - p) * v;
            }
        }
        return new DMatrixRMaj[]{mean, var};
    }

    /** E[σ(z)] ≈ σ(μ / √(1 + πs²/8)) for z ~ N(μ, s²). */
    public static double expectedSigmoid(double mean, double variance) {
        if (!(variance >= 0)) {
            throw new IllegalArgumentException("FastDropout.expectedSigmoid: the variance must be ≥ 0, got " + variance);
        }
        double k = mean / Math.sqrt(1 + Math.PI * variance / 8);
        return 1 / (1 + Math.exp(-k));
    }
}
