package descent.preprocess;

import org.ejml.data.DMatrixRMaj;

/**
 * Mean-centring (Aggarwal §3.3.2, additive preprocessing): x_ij ← x_ij − μ_j with μ_j the training mean of column
 * j. On images with one pixel per column this subtracts the <em>mean image</em>, the AlexNet recipe of COMP541
 * lecture 4 ("for images: centre only"); {@link ChannelCenter} is the per-channel alternative.
 */
public final class Center extends ColumnAffine {

    @Override
    protected void fitColumns(DMatrixRMaj train) {
        offset = columnMeans(train);
        gain = new double[offset.length];
        java.util.Arrays.fill(gain, 1.0);
    }

    /** The training means μ_j. */
    public double[] means() {
        return offsets();
    }

    @Override
    public Center fit(DMatrixRMaj train) {
        super.fit(train);
        return this;
    }

    @Override
    public String name() {
        return "Center";
    }
}
