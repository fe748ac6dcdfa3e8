package descent.augment;

import java.util.Random;

/**
 * Gaussian noise on every pixel, clipped to the pixel range: T(x)ᵢ = min(hi, max(lo, xᵢ + σzᵢ)), zᵢ ~ N(0, 1)
 * independently (Goodfellow et al. §7.4: input noise as augmentation, after Sietsma &amp; Dow 1991). The clipping
 * keeps the image a valid image (in [0, 1] for Fashion-MNIST) at the price of a small bias near the ends of the
 * range; without it ({@code lo = −∞, hi = ∞}) this is the input noise of
 * {@link descent.regularize.noise.GaussianNoise} with variance ν = σ².
 */
public final class PixelNoise implements Augmentation {

    private final double sigma;
    private final double lo;
    private final double hi;

    /** Noise of standard deviation σ ≥ 0, clipped to [0, 1]. */
    public PixelNoise(double sigma) {
        this(sigma, 0, 1);
    }

    /** Noise of standard deviation σ ≥ 0, clipped to [lo, hi] (lo &lt; hi; infinite ends allowed). */
    public PixelNoise(double sigma, double lo, double hi) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("PixelNoise: the standard deviation σ must be finite and ≥ 0, got " + sigma);
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("PixelNoise: the pixel range needs lo < hi, got [" + lo + ", " + hi + "]");
        }
        this.sigma = sigma;
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int height, int width, Random rng) {
        int n = height * width;
        for (int k = 0; k < n; k++) {
            double v = in[inOffset + k] + (sigma == 0 ? 0 : sigma * rng.nextGaussian());
            out[outOffset + k] = v < lo ? lo : (v > hi ? hi : v);
        }
    }

    @Override
    public boolean mayChangeClass() {
        return false;
    }

    @Override
    public String name() {
        return "noise σ=" + Rotation.fmt(sigma);
    }
}
