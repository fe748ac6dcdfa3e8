package descent.preprocess;

import org.ejml.data.DMatrixRMaj;

/**
 * Aggarwal §3.3.2: to make a feature non-negative, add the absolute value of its most negative training entry,
 * x_ij ← x_ij + |min_i x_ij| when the minimum is negative (columns with no negative entry are left alone). Test data
 * below the training minimum can still come out negative: the shift is fixed at fit time.
 */
public final class NonNegativeShift extends ColumnAffine {

    @Override
    protected void fitColumns(DMatrixRMaj train) {
        int d = train.numCols;
        offset = new double[d];
        gain = new double[d];
        java.util.Arrays.fill(gain, 1.0);
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < train.numRows; i++) {
                min = Math.min(min, train.get(i, j));
            }
            offset[j] = Math.min(min, 0.0);
        }
    }

    /** The shift added to each column, |min_j| or 0. */
    public double[] shifts() {
        double[] s = offsets();
        for (int j = 0; j < s.length; j++) {
            s[j] = -s[j];
        }
        return s;
    }

    @Override
    public NonNegativeShift fit(DMatrixRMaj train) {
        super.fit(train);
        return this;
    }

    @Override
    public String name() {
        return "NonNegativeShift";
    }
}
