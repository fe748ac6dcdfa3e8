package descent.augment;

import java.util.Random;

/**
 * One image transform T used for dataset augmentation (Goodfellow et al. §7.4): a training pair (x, y) becomes
 * (T(x), y). A transform may be random (a shift drawn afresh for each image) and then draws from the {@code Random}
 * it is handed, so a seeded source gives the same images every run. Implementations allocate nothing in
 * {@link #apply}.
 */
public interface Augmentation {

    /**
     * Writes T(x) into {@code out[outOffset … outOffset + h·w)} for the h×w image x at
     * {@code in[inOffset … inOffset + h·w)}. The two ranges must not overlap.
     */
    void apply(double[] in, int inOffset, double[] out, int outOffset, int height, int width, Random rng);

    /**
     * True if the transform can turn an image of one class into an image of another on data where orientation is
     * part of the label (a horizontal flip makes b from d; a 180° rotation makes 9 from 6; Goodfellow et al. §7.4).
     */
    boolean mayChangeClass();

    /** A short name with the parameters, for figures and error messages. */
    String name();

    /**
     * Throws {@link IllegalArgumentException}, naming the transform and the size, if the transform cannot act on
     * h×w images (a shift as wide as the image, a crop larger than it). Called once by {@link Augmenter}.
     */
    default void requireFits(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(name() + ": an image needs height and width ≥ 1, got " + height + "×" + width);
        }
    }

    /** The transforms applied one after another, first to last. */
    static Augmentation compose(Augmentation... steps) {
        return new Compose(steps);
    }
}
