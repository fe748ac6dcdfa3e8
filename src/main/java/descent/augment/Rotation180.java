package descent.augment;

import java.util.Random;

/**
 * Rotation by 180°, T(x)(r, c) = x(h − 1 − r, w − 1 − c), an exact permutation of the pixels, applied to each image
 * with probability p. Applying it twice gives the image back; it equals a horizontal flip followed by a vertical one.
 * <p><b>Class-changing</b> ({@link #mayChangeClass()} is true): it turns a 6 into a 9 (Goodfellow et al. §7.4). On
 * Fashion-MNIST no class becomes another one, but all garments are photographed upright, so upside-down images are
 * ones the test set never shows and the network spends capacity on them.
 */
public final class Rotation180 implements Augmentation {

    private final double p;

    /** @param probability p in [0, 1], the chance that an image is turned (1: always) */
    public Rotation180(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("Rotation180: the probability must be in [0, 1], got " + probability);
        }
        this.p = probability;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int height, int width, Random rng) {
        boolean turn = p == 1 || (p > 0 && rng.nextDouble() < p);
        int n = height * width;
        if (turn) {
            for (int k = 0; k < n; k++) {
                out[outOffset + k] = in[inOffset + n - 1 - k];
            }
        } else {
            System.arraycopy(in, inOffset, out, outOffset, n);
        }
    }

    @Override
    public boolean mayChangeClass() {
        return true;
    }

    @Override
    public String name() {
        return p == 1 ? "rotate 180°" : "rotate 180° p=" + Rotation.fmt(p);
    }
}
