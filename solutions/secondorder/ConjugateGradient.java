package secondorder;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 03.12: linear conjugate gradient on the quadratic f(x) = ½xᵀHx − bᵀx (H symmetric positive definite),
 * Aggarwal §3.5.6.1 and exercise 12. Its gradient is g = Hx − b.
 * <pre>
 *   g₀ = Hx₀ − b,  q₀ = −g₀
 *   for t = 0, 1, …  while ‖gₜ‖₂ &gt; tolerance and t &lt; maxSteps:
 *     αₜ = −gₜᵀqₜ / qₜᵀHqₜ                  (exact line search)
 *     xₜ₊₁ = xₜ + αₜqₜ,   gₜ₊₁ = Hxₜ₊₁ − b
 *     βₜ = qₜᵀH gₜ₊₁ / qₜᵀHqₜ                (eq. 3.50)
 *     qₜ₊₁ = −gₜ₊₁ + βₜqₜ                    (eq. 3.49)
 * </pre>
 */
public final class ConjugateGradient {

    private ConjugateGradient() {
    }

    /**
     * What one run produced: the final point, every gradient g₀, g₁, …, g_T (T + 1 of them) and every direction
     * actually stepped along q₀, …, q_{T−1} (T of them).
     */
    public record Trace(double[] x, List<double[]> gradients, List<double[]> directions) {
    }

    /**
     * @param h         symmetric positive definite d×d matrix (not modified)
     * @param b         length-d vector
     * @param x0        the start (not modified)
     * @param maxSteps  at most this many steps
     * @param tolerance stop as soon as ‖gₜ‖₂ ≤ tolerance (checked before every step, including the first)
     */
    public static Trace solve(double[][] h, double[] b, double[] x0, int maxSteps, double tolerance) {
        // BEGIN SOLUTION 03.12 linear conjugate gradient
        int d = b.length;
        double[] x = x0.clone();
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = dot(h[i], x) - b[i];
        }
        double[] q = new double[d];
        for (int i = 0; i < d; i++) {
            q[i] = -g[i];
        }
        List<double[]> gradients = new ArrayList<>();
        List<double[]> directions = new ArrayList<>();
        gradients.add(g.clone());
        for (int t = 0; t < maxSteps && Math.sqrt(dot(g, g)) > tolerance; t++) {
            double[] hq = new double[d];
            for (int i = 0; i < d; i++) {
                hq[i] = dot(h[i], q);
            }
            double qhq = dot(q, hq);
            double alpha = -dot(g, q) / qhq;
            for (int i = 0; i < d; i++) {
                x[i] += alpha * q[i];
                g[i] += alpha * hq[i];            // Hx − b changes by αHq
            }
            double beta = dot(hq, g) / qhq;        // eq. 3.50 (H symmetric: qᵀHg = (Hq)ᵀg)
            directions.add(q.clone());
            gradients.add(g.clone());
            for (int i = 0; i < d; i++) {
                q[i] = -g[i] + beta * q[i];
            }
        }
        return new Trace(x, gradients, directions);
        // END SOLUTION
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
