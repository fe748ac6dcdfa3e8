package descent.augment;

import java.util.Random;

/**
 * Mirror image left to right, T(x)(r, c) = x(r, w − 1 − c), applied to each image with probability p (Krizhevsky et
 * al. 2012 flip half of the images; Erdem, COMP541 lecture 4, slide 44). Flipping twice gives the image back.
 * <p><b>Class-changing</b> ({@link #mayChangeClass()} is true): in optical character recognition a flip turns b into
 * d (Goodfellow et al. §7.4), so it must not be used where the mirror image of a class is another class. On
 * Fashion-MNIST no class is the mirror image of another, but every shoe, sandal and boot points left; flipped ones are
 * images the test set never shows.
 */
public final class HorizontalFlip implements Augmentation {

    private final double p;

    /** @param probability p in [0, 1], the chance that an image is flipped (1: always) */
    public HorizontalFlip(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("HorizontalFlip: the probability must be in [0, 1], got " + probability);
        }
        this.p = probability;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int height, int width, Random rng) {
        boolean flip = p == 1 || (p > 0 && rng.nextDouble() < p);
        for (int r = 0; r < height; r++) {
            int o = outOffset + r * width, i = inOffset + r * width;
            if (flip) {
                for (int c = 0; c < width; c++) {
                    out[o + c] = in[i + width - 1 - c];
                }
            } else {
                System.arraycopy(in, i, out, o, width);
            }
        }
    }

    @Override
    public boolean mayChangeClass() {
        return true;
    }

    @Override
    public String name() {
        return p == 1 ? "flip" : "flip p=" + Rotation.fmt(p);
    }
}
