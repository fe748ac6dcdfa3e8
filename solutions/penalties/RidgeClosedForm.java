package penalties;

import org.ejml.simple.SimpleMatrix;

/**
 * Exercise 05.2: ridge regression in closed form for the objective exactly as Goodfellow et al. print it in
 * eqs. 7.14–7.15,
 * <pre>
 *   J̃(w) = (Xw − y)ᵀ(Xw − y) + ½ α wᵀw.
 * </pre>
 * Set its gradient to zero and solve. (Careful: eq. 7.17's printed answer belongs to a different scaling of the
 * objective; notebook 20 shows the erratum.) Use EJML for the linear solve (e.g. {@code SimpleMatrix}: {@code new
 * SimpleMatrix(x)}, {@code transpose()}, {@code mult}, {@code plus}, {@code solve}); X is m×n with any m, and α &gt; 0 makes the system solvable even when m &lt; n.
 */
public final class RidgeClosedForm {

    private RidgeClosedForm() {
    }

    /**
     * @param x the design matrix X, m rows × n columns
     * @param y the targets, length m
     * @param alpha the coefficient α &gt; 0
     * @return the minimizer w of J̃, length n
     * @throws IllegalArgumentException when α ≤ 0 or NaN
     */
    public static double[] solve(double[][] x, double[] y, double alpha) {
        // BEGIN SOLUTION 05.2 ridge closed form with the right factor
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("α must be > 0, got " + alpha);
        }
        SimpleMatrix xm = new SimpleMatrix(x);
        // 2Xᵀ(Xw − y) + αw = 0  ⇒  (XᵀX + (α/2)I)w = Xᵀy
        SimpleMatrix a = xm.transpose().mult(xm).plus(SimpleMatrix.identity(xm.getNumCols()).scale(alpha / 2));
        return a.solve(xm.transpose().mult(new SimpleMatrix(y))).getDDRM().data;
        // END SOLUTION
    }
}
