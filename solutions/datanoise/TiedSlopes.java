package datanoise;

/**
 * Exercise 06.8: two tied regressions in closed form (Goodfellow et al. §7.9; notebook 28, section 1). Task A has
 * examples (x_i, y_i), i = 1 … m_A, task B its own m_B examples; each fits a line through the origin, ŷ = w·x, and the
 * two slopes are tied by the penalty λ(w_A − w_B)² (no ½, as printed):
 * <pre>
 *   J(w_A, w_B) = (1/m_A) Σ_A ½(w_A x_i − y_i)² + (1/m_B) Σ_B ½(w_B x_i − y_i)² + λ(w_A − w_B)²
 * </pre>
 * Return the minimizer {w_A, w_B}. Setting both partial derivatives to zero gives two linear equations in w_A and w_B.
 */
public final class TiedSlopes {

    private TiedSlopes() {
    }

    /**
     * @param xa     task A's inputs (at least one nonzero)
     * @param ya     task A's targets, same length
     * @param xb     task B's inputs (at least one nonzero)
     * @param yb     task B's targets, same length
     * @param lambda λ ≥ 0
     * @return {w_A, w_B}
     * @throws IllegalArgumentException when λ is negative or not finite (the message names the value)
     */
    public static double[] fit(double[] xa, double[] ya, double[] xb, double[] yb, double lambda) {
        // BEGIN SOLUTION 06.8 tied slopes in closed form
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("λ must be finite and ≥ 0, got " + lambda);
        }
        double a = 0, ca = 0, b = 0, cb = 0;
        for (int i = 0; i < xa.length; i++) {
            a += xa[i] * xa[i];
            ca += xa[i] * ya[i];
        }
        for (int i = 0; i < xb.length; i++) {
            b += xb[i] * xb[i];
            cb += xb[i] * yb[i];
        }
        a /= xa.length;
        ca /= xa.length;
        b /= xb.length;
        cb /= xb.length;
        // [a + 2λ, −2λ; −2λ, b + 2λ] (w_A, w_B) = (ca, cb), by Cramer's rule
        double t = 2 * lambda;
        double det = (a + t) * (b + t) - t * t;
        double wa = (ca * (b + t) + t * cb) / det;
        double wb = ((a + t) * cb + t * ca) / det;
        return new double[]{wa, wb};
        // END SOLUTION
    }
}
