package descent.preprocess;

import org.ejml.data.DMatrixRMaj;

/**
 * Standardisation (Aggarwal §3.3.2): x_ij ← (x_ij − μ_j)/σ_j with the training mean μ_j and standard deviation σ_j
 * (population form, divided by n), so every training column has mean 0 and variance 1.
 *
 * <p>A column that is constant on the training data has σ_j = 0. By default {@code fit} refuses it, naming the
 * column(s); {@link #keepConstantColumns()} instead centres such columns and leaves them unscaled (scikit-learn's
 * choice), listing them in {@link #constantColumns()}.
 */
public final class Standardize extends ColumnAffine {

    private boolean keepConstant;
    private int[] constant = new int[0];

    /** Centre constant columns instead of refusing them. */
    public Standardize keepConstantColumns() {
        this.keepConstant = true;
        return this;
    }

    @Override
    protected void fitColumns(DMatrixRMaj train) {
        double[] mean = columnMeans(train);
        double[] std = columnStds(train, mean);
        int d = mean.length;
        int[] zero = java.util.stream.IntStream.range(0, d).filter(j -> !(std[j] > 0)).toArray();
        if (zero.length > 0 && !keepConstant) {
            throw new IllegalArgumentException(String.format(
                    "Standardize.fit: column%s %s ha%s zero variance on the %d training rows (constant value %s), so "
                            + "dividing by its standard deviation is a division by zero; drop the column or call "
                            + "keepConstantColumns()", zero.length == 1 ? "" : "s", Checks.list(zero),
                    zero.length == 1 ? "s" : "ve", train.numRows, descent.check.Expect.num(mean[zero[0]])));
        }
        offset = mean;
        gain = new double[d];
        for (int j = 0; j < d; j++) {
            gain[j] = std[j] > 0 ? 1 / std[j] : 1.0;
        }
        constant = zero;
    }

    /** Columns that were constant on the training data (empty unless {@link #keepConstantColumns()}). */
    public int[] constantColumns() {
        return constant.clone();
    }

    /** The training means μ_j. */
    public double[] means() {
        return offsets();
    }

    /** The training standard deviations σ_j (1 for a kept constant column). */
    public double[] stds() {
        double[] g = gains();
        for (int j = 0; j < g.length; j++) {
            g[j] = 1 / g[j];
        }
        return g;
    }

    @Override
    public Standardize fit(DMatrixRMaj train) {
        super.fit(train);
        return this;
    }

    @Override
    public String name() {
        return "Standardize";
    }
}
