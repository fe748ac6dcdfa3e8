package firstorder;

/**
 * Exercise 02.6: AdamW, Adam with decoupled weight decay (Loshchilov and Hutter 2019, Algorithm 2, AdamW lines;
 * COMP541 lecture 4, slide "AdamW"). The decay term does not go into the moments and is not divided by √v̂:
 * <pre>
 *   m ← β₁m + (1 − β₁) g,     v ← β₂v + (1 − β₂) g ⊙ g
 *   m̂ ← m/(1 − β₁ᵗ),          v̂ ← v/(1 − β₂ᵗ)
 *   θ ← θ − η (α m̂/(√v̂ + ε) + λθ)
 * </pre>
 * η is the schedule multiplier of this step (1 when there is no schedule); it scales both terms. The caller keeps
 * the state between steps: m and v (both start at 0) and the step number t (1 for the first step).
 */
public final class AdamWStep {

    private AdamWStep() {
    }

    /**
     * Step number {@code t} (1, 2, …) with schedule multiplier {@code eta}: updates θ, m and v in place from the data
     * gradient g at θ.
     */
    public static void step(double[] theta, double[] g, double[] m, double[] v, int t, double alpha, double beta1,
            double beta2, double epsilon, double lambda, double eta) {
        // BEGIN SOLUTION 02.6 AdamW step
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < theta.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double adam = alpha * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
            theta[i] -= eta * (adam + lambda * theta[i]);
        }
        // END SOLUTION
    }
}
