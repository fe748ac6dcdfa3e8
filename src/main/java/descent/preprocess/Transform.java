package descent.preprocess;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * A feature transform fitted on training data and then applied, unchanged, to any data of the same width: the
 * fit/transform split of scikit-learn. Every statistic (means, deviations, minima, eigenvectors) comes from the
 * training rows passed to {@link #fit}; {@link #transform} never looks at its input's own statistics, so
 * validation and test data are mapped with the training set's numbers (COMP541 lecture 4, "Data preprocessing":
 * statistics from the training set only).
 *
 * <p>Both methods refuse data containing NaN or ±∞ (naming the row and the column) and {@code transform} refuses a
 * width other than the fitted one (naming both). Rows are examples.
 */
public interface Transform {

    /** Estimates the transform's statistics from {@code train} (n × d, n ≥ 1); returns this. */
    Transform fit(DMatrixRMaj train);

    /** Writes the transform of {@code x} (n × d) into {@code out} (n × {@link #outputWidth()}), which it reshapes. */
    void transform(DMatrixRMaj x, DMatrixRMaj out);

    /** The transform of {@code x} in a new matrix. */
    default DMatrixRMaj transform(DMatrixRMaj x) {
        DMatrixRMaj out = new DMatrixRMaj(Math.max(0, x.numRows), 1);
        transform(x, out);
        return out;
    }

    /** {@code fit(train)} then {@code transform(train)}. */
    default DMatrixRMaj fitTransform(DMatrixRMaj train) {
        return fit(train).transform(train);
    }

    /** A copy of {@code data} with its features transformed (labels unchanged). */
    default Dataset transform(Dataset data) {
        return new Dataset(data.name() + " | " + name(), transform(data.x()), data.labels(), data.classes());
    }

    /** Columns the transform was fitted on; throws before {@link #fit}. */
    int inputWidth();

    /** Columns it produces; throws before {@link #fit}. */
    int outputWidth();

    /** A short name for messages, e.g. {@code "Standardize"}. */
    String name();
}
