package setup;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Exercise 04.3: PCA whitening fitted on training data only (Aggarwal §3.3.2, eqs. 3.36–3.37), with the additive
 * floor ε:
 * <pre>
 *   μ = column means of the training rows,  D = X − 1μᵀ
 *   C = DᵀD/n = P Λ Pᵀ                       (eq. 3.36; use EJML: DecompositionFactory_DDRM.eig(d, true, true))
 *   A = P (Λ + εI)^{−1/2}                    column j of A is the j-th eigenvector divided by √(λ_j + ε)
 *   whiten(x) = (x − μ) A                    (eq. 3.37 followed by the division by √λ)
 * </pre>
 * Write {@link #fit}: it estimates μ and A from the training rows. {@link #apply} (given) maps any rows with them —
 * never with statistics of its own input, which is the point of fitting on training data only. Keep all d
 * directions, in any order.
 */
public final class Whitening {

    private Whitening() {
    }

    /** The fitted statistics: the training means μ (length d) and the whitening matrix A (d × d). */
    public record Model(double[] mean, double[][] transform) {
    }

    /** Fits μ and A on {@code train} (n × d, n ≥ 2) with floor ε ≥ 0. */
    public static Model fit(double[][] train, double epsilon) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 04.3 (PCA whitening) is not implemented yet");
    }

    /** (x − μ)·A for every row of {@code x} (given: it only uses the fitted statistics, never those of x). */
    public static double[][] apply(Model model, double[][] x) {
        int d = model.mean().length;
        double[][] out = new double[x.length][d];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != d) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " columns but the model was fitted on " + d);
            }
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += (x[r][i] - model.mean()[i]) * model.transform()[i][j];
                }
                out[r][j] = s;
            }
        }
        return out;
    }
}
