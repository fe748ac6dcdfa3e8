package descent.augment;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * Applies one {@link Augmentation} to every row of a minibatch, each row an h×w image (row-major), drawing from a
 * seeded source: the same seed gives the same images. After the first call for a batch shape nothing is allocated
 * ({@link #applyInPlace} keeps one scratch image), so a training loop can augment every minibatch
 * ({@code Trainer.augment(augmenter)} does so after gathering each batch, in training only: validation and test data
 * are never augmented).
 * <pre>{@code
 * Augmenter aug = Augmenter.fashionMnist(new Compose(new Translation(2), new Rotation(10)), new Random(7));
 * aug.applyInPlace(batch);              // batch: m×784
 * }</pre>
 * Bad input fails with the shape in the message: a batch whose width is not h·w, a transform that does not fit the
 * image size (checked once, in the constructor).
 */
public final class Augmenter {

    /** Fashion-MNIST's image side. */
    public static final int FASHION_MNIST_SIDE = 28;

    private final Augmentation transform;
    private final int height;
    private final int width;
    private final Random rng;
    private final double[] scratch;

    public Augmenter(Augmentation transform, int height, int width, Random rng) {
        if (transform == null || rng == null) {
            throw new IllegalArgumentException("Augmenter needs a transform and a seeded Random, got " + transform + ", " + rng);
        }
        transform.requireFits(height, width);
        this.transform = transform;
        this.height = height;
        this.width = width;
        this.rng = rng;
        this.scratch = new double[height * width];
    }

    /** For 28×28 images (Fashion-MNIST, MNIST). */
    public static Augmenter fashionMnist(Augmentation transform, Random rng) {
        return new Augmenter(transform, FASHION_MNIST_SIDE, FASHION_MNIST_SIDE, rng);
    }

    public Augmentation transform() {
        return transform;
    }

    /** True if the transform may turn an image of one class into another class's (see {@link Augmentation#mayChangeClass()}). */
    public boolean mayChangeClass() {
        return transform.mayChangeClass();
    }

    /**
     * Throws if the transform may change the class, naming it: call this where orientation is part of the label
     * (digits, letters) to make sure no flip or 180° rotation slipped into a composition.
     */
    public Augmenter requireLabelPreserving() {
        if (transform.mayChangeClass()) {
            throw new IllegalArgumentException("Augmenter: " + transform.name() + " may change the class of an image "
                    + "(a flip turns b into d, a 180° rotation turns 6 into 9; Goodfellow et al. §7.4)");
        }
        return this;
    }

    private void requireBatch(String what, DMatrixRMaj x) {
        if (x == null) {
            throw new IllegalArgumentException("Augmenter: " + what + " is null");
        }
        if (x.numCols != height * width) {
            throw new IllegalArgumentException("Augmenter (" + transform.name() + "): " + what + " is " + x.numRows + "×"
                    + x.numCols + ", but each row must be a " + height + "×" + width + " image of " + height * width + " pixels");
        }
    }

    /** Writes T(row) for every row of {@code in} into {@code out} (reshaped to in's shape) and returns {@code out}. */
    public DMatrixRMaj apply(DMatrixRMaj in, DMatrixRMaj out) {
        requireBatch("the input batch", in);
        if (out == null) {
            throw new IllegalArgumentException("Augmenter: the output batch is null");
        }
        if (out == in) {
            applyInPlace(in);
            return in;
        }
        out.reshape(in.numRows, in.numCols);
        int n = height * width;
        for (int i = 0; i < in.numRows; i++) {
            transform.apply(in.data, i * n, out.data, i * n, height, width, rng);
        }
        return out;
    }

    /** Replaces every row of {@code batch} by its transform. */
    public void applyInPlace(DMatrixRMaj batch) {
        requireBatch("the batch", batch);
        int n = height * width;
        for (int i = 0; i < batch.numRows; i++) {
            System.arraycopy(batch.data, i * n, scratch, 0, n);
            transform.apply(scratch, 0, batch.data, i * n, height, width, rng);
        }
    }

    /** T(image) in a new array (for figures; a training loop uses the batch methods). */
    public double[] apply(double[] image) {
        if (image == null || image.length != height * width) {
            throw new IllegalArgumentException("Augmenter (" + transform.name() + "): the image has "
                    + (image == null ? "no" : String.valueOf(image.length)) + " pixels, need " + height + "×" + width
                    + " = " + height * width);
        }
        double[] out = new double[image.length];
        transform.apply(image, 0, out, 0, height, width, rng);
        return out;
    }

    /**
     * A new data set of {@code copies} transformed copies of every example (labels kept), for a fixed augmented set;
     * an online loop ({@code Trainer.augment}) draws fresh transforms every epoch instead.
     */
    public Dataset expand(Dataset data, int copies) {
        if (data == null || copies < 1) {
            throw new IllegalArgumentException("Augmenter.expand needs a data set and copies ≥ 1, got " + data + ", " + copies);
        }
        requireBatch(data.name() + "'s features", data.x());
        int m = data.size(), n = height * width;
        DMatrixRMaj x = new DMatrixRMaj(m * copies, n);
        int[] y = new int[m * copies];
        for (int k = 0; k < copies; k++) {
            for (int i = 0; i < m; i++) {
                int row = k * m + i;
                transform.apply(data.x().data, i * n, x.data, row * n, height, width, rng);
                y[row] = data.labels()[i];
            }
        }
        return new Dataset(data.name() + " × " + copies + " (" + transform.name() + ")", x, y, data.classes());
    }
}
