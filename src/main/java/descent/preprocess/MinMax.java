package descent.preprocess;

import org.ejml.data.DMatrixRMaj;

/**
 * Min–max scaling, Aggarwal eq. 3.35: x_ij ← (x_ij − min_j)/(max_j − min_j), with the training minimum and maximum,
 * so the training data lies in [0, 1] (test data may fall outside). A column constant on the training data has
 * max_j = min_j and is refused, naming it.
 */
public final class MinMax extends ColumnAffine {

    @Override
    protected void fitColumns(DMatrixRMaj train) {
        int d = train.numCols;
        double[] min = new double[d];
        double[] max = new double[d];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < train.numRows; i++) {
            for (int j = 0; j < d; j++) {
                double v = train.data[i * d + j];
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        int[] flat = java.util.stream.IntStream.range(0, d).filter(j -> !(max[j] > min[j])).toArray();
        if (flat.length > 0) {
            throw new IllegalArgumentException(String.format(
                    "MinMax.fit: column%s %s ha%s max = min (= %s) on the %d training rows, so eq. 3.35 divides by zero",
                    flat.length == 1 ? "" : "s", Checks.list(flat), flat.length == 1 ? "s" : "ve",
                    descent.check.Expect.num(min[flat[0]]), train.numRows));
        }
        offset = min;
        gain = new double[d];
        for (int j = 0; j < d; j++) {
            gain[j] = 1 / (max[j] - min[j]);
        }
    }

    @Override
    public MinMax fit(DMatrixRMaj train) {
        super.fit(train);
        return this;
    }

    @Override
    public String name() {
        return "MinMax";
    }
}
