package descent.augment;

import java.util.Random;

/**
 * Random crop, resized back (Erdem, COMP541 lecture 4, slide 44, after Krizhevsky et al. 2012, who trained on random
 * 224×224 windows of 256×256 images): a k×k window at a uniformly random position (i, j), 0 ≤ i ≤ h − k,
 * 0 ≤ j ≤ w − k, stretched to the full h×w by {@linkplain Bilinear bilinear interpolation} with the corners aligned:
 * output pixel (r, c) reads the input at (i + r(k − 1)/(h − 1), j + c(k − 1)/(w − 1)). The image keeps its size, so
 * the network needs no centre crop at test time. (Padding and cropping without resizing is {@link Translation}.)
 * For non-square images the window is k_h×k_w with the same proportions as the image, k_h = k.
 */
public final class RandomCrop implements Augmentation {

    private final int size;

    /** @param size k ≥ 2, the side of the window (at most the image's side) */
    public RandomCrop(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("RandomCrop: the window needs a side of at least 2 pixels, got " + size);
        }
        this.size = size;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int height, int width, Random rng) {
        int kh = size, kw = cropWidth(height, width);
        int i = rng.nextInt(height - kh + 1), j = rng.nextInt(width - kw + 1);
        double sr = height == 1 ? 0 : (kh - 1) / (double) (height - 1), sc = width == 1 ? 0 : (kw - 1) / (double) (width - 1);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                out[outOffset + r * width + c] = Bilinear.sample(in, inOffset, height, width, i + r * sr, j + c * sc);
            }
        }
    }

    private int cropWidth(int height, int width) {
        return height == width ? size : Math.max(2, (int) Math.round(size * (double) width / height));
    }

    @Override
    public void requireFits(int height, int width) {
        Augmentation.super.requireFits(height, width);
        if (size > height || cropWidth(height, width) > width) {
            throw new IllegalArgumentException(name() + ": a " + size + "-pixel window does not fit in a " + height + "×"
                    + width + " image");
        }
    }

    @Override
    public boolean mayChangeClass() {
        return false;
    }

    @Override
    public String name() {
        return "crop " + size + " px";
    }
}
