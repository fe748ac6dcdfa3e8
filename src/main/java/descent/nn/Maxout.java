package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Maxout over groups of k consecutive inputs (Aggarwal §3.4.3.2): output j is max(z_{jk}, …, z_{jk+k−1}).
 * Put after a {@link Linear} layer with k·m outputs it gives m maxout units max{W₁·X + b₁, …}. Backward copies
 * the gradient to the winning input of each group and sends 0 to the others, the "Max" row of Table 3.1; a tie
 * goes to the first maximal input.
 */
public class Maxout implements Layer {

    private final int pieces;

    public Maxout(int pieces) {
        if (pieces < 1) {
            throw new IllegalArgumentException("Maxout needs at least 1 piece per unit, got " + pieces);
        }
        this.pieces = pieces;
    }

    /** Pieces per unit for an input with {@code cols} columns. */
    protected int groupSize(int cols) {
        return pieces;
    }

    @Override
    public String name() {
        return "Maxout(" + pieces + ")";
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        int k = groupSize(x.numCols);
        if (k < 1 || x.numCols % k != 0) {
            throw new IllegalArgumentException(String.format(
                    "layer %s: input %dx%d has a column count that is not a multiple of %d pieces",
                    name(), x.numRows, x.numCols, k));
        }
        int n = x.numRows;
        int m = x.numCols / k;
        DMatrixRMaj y = cache.output(n, m);
        int[] arg = cache.indices(n * m);
        cache.setInput(x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int start = i * x.numCols + j * k;
                int best = start;
                for (int t = start + 1; t < start + k; t++) {
                    if (x.data[t] > x.data[best]) {
                        best = t;
                    }
                }
                arg[i * m + j] = best;
                y.data[i * m + j] = x.data[best];
            }
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        DMatrixRMaj y = cache.output();
        Layer.requireShape(this, "upstream gradient", gradOut, y.numRows, y.numCols);
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(x.numRows, x.numCols);
        java.util.Arrays.fill(gin.data, 0, gin.getNumElements(), 0.0);
        int[] arg = cache.indices(0);
        int count = y.getNumElements();
        for (int t = 0; t < count; t++) {
            gin.data[arg[t]] += gradOut.data[t];
        }
        return gin;
    }
}
