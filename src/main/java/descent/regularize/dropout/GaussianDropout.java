package descent.regularize.dropout;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.RandomizedLayer;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * Gaussian dropout (Srivastava et al. 2014, §10; named with fast dropout among the variants in the draft of
 * Goodfellow et al. ch. 7, §7.11, where "stochasticity is not necessary" is the point): each unit is multiplied by
 * r ~ N(1, σ²) instead of the inverted Bernoulli factor μ/p, with σ² = (1 − p)/p, so the factor has the same mean
 * (1) and the same variance as inverted dropout's. Training: h = r ⊙ x, backward ∂L/∂x = r ⊙ ∂L/∂h with the same r;
 * inference: h = x. p = 1 gives σ = 0, the identity.
 */
public final class GaussianDropout implements RandomizedLayer {

    private final double p;
    private final double sigma;
    private Random rng;
    private boolean training = true;

    public GaussianDropout(double keep, Random rng) {
        this.p = Dropout.requireKeep("GaussianDropout", keep);
        if (rng == null) {
            throw new IllegalArgumentException("GaussianDropout needs a seeded Random, got null");
        }
        this.sigma = Math.sqrt((1 - p) / p);
        this.rng = rng;
    }

    @Override
    public Random generator() {
        return rng;
    }

    @Override
    public void setGenerator(Random rng) {
        this.rng = RandomizedLayer.requireGenerator(this, rng);
    }

    public double keep() {
        return p;
    }

    /** σ = √((1 − p)/p), the standard deviation of the multiplicative noise. */
    public double sigma() {
        return sigma;
    }

    @Override
    public String name() {
        return "GaussianDropout(p=" + p + ", σ=" + String.format("%.4g", sigma) + ")";
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        cache.setInput(x);
        int n = x.getNumElements();
        DMatrixRMaj out = cache.output(x.numRows, x.numCols);
        DMatrixRMaj r = cache.buffer(0, x.numRows, x.numCols);
        for (int i = 0; i < n; i++) {
            r.data[i] = training && sigma > 0 ? 1 + sigma * rng.nextGaussian() : 1.0;
            out.data[i] = r.data[i] * x.data[i];
        }
        return out;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        return Layer.backwardTimesMultiplier(this, gradOut, cache, needInputGradient, 0);
    }
}
