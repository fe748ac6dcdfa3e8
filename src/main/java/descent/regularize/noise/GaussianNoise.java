package descent.regularize.noise;

import descent.nn.Cache;
import descent.nn.Layer;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * Additive Gaussian noise on a layer's input, x ↦ x + ε with ε ~ N(0, νI) drawn afresh for every example of every
 * forward pass in training mode, and the identity in inference mode (Goodfellow et al. §7.4–7.5; the draft chapter 7,
 * §7.6.1). Put first in a network it is input-noise injection (a form of data augmentation, Sietsma &amp; Dow 1991);
 * after a hidden layer it is hidden-unit noise. The noise does not depend on x, so ∂L/∂x = ∂L/∂(x + ε): the backward
 * pass hands the gradient through.
 *
 * <p>ν is the <em>variance</em>, as in the books. For linear regression with squared error the expected loss is the
 * clean loss plus a penalty (the draft chapter 7, §7.6.1):
 * <pre>
 *   E_ε[(wᵀ(x + ε) − y)²] = (wᵀx − y)² + ν‖w‖²,
 * </pre>
 * so training with input noise is ridge regression; for a nonlinear model it is, to first order in ν, the penalty
 * ν‖∇ₓŷ‖².
 */
public final class GaussianNoise implements Layer {

    private final double nu;
    private final double sigma;
    private final Random rng;
    private boolean training = true;

    /**
     * @param variance ν ≥ 0 (finite), the variance of each noise coordinate
     * @param rng      the seeded source of the noise
     */
    public GaussianNoise(double variance, Random rng) {
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("GaussianNoise: the variance ν must be finite and ≥ 0, got " + variance);
        }
        if (rng == null) {
            throw new IllegalArgumentException("GaussianNoise needs a seeded Random, got null");
        }
        this.nu = variance;
        this.sigma = Math.sqrt(variance);
        this.rng = rng;
    }

    public double variance() {
        return nu;
    }

    @Override
    public String name() {
        return "GaussianNoise(ν=" + nu + ")";
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        cache.setInput(x);
        DMatrixRMaj out = cache.output(x.numRows, x.numCols);
        int n = x.getNumElements();
        double[] a = x.data, b = out.data;
        if (training && sigma > 0) {
            for (int i = 0; i < n; i++) {
                b[i] = a[i] + sigma * rng.nextGaussian();
            }
        } else {
            System.arraycopy(a, 0, b, 0, n);
        }
        return out;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        return Layer.backwardPassThrough(this, gradOut, cache, needInputGradient);
    }
}
