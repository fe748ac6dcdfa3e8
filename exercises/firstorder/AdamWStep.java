package firstorder;

/**
 * Exercise 02.6: AdamW, Adam with decoupled weight decay (Loshchilov and Hutter 2019, Algorithm 2, AdamW lines;
 * COMP541 lecture 4, slide "AdamW"). The decay term does not go into the moments and is not divided by √v̂:
 * <pre>
 *   t ← t + 1
 *   m ← β₁m + (1 − β₁) g,     v ← β₂v + (1 − β₂) g ⊙ g
 *   m̂ ← m/(1 − β₁ᵗ),          v̂ ← v/(1 − β₂ᵗ)
 *   θ ← θ − η (α m̂/(√v̂ + ε) + λθ)
 * </pre>
 * η is the schedule multiplier of this step (1 when there is no schedule); it scales both terms.
 */
public final class AdamWStep {

    final double alpha;
    final double beta1;
    final double beta2;
    final double epsilon;
    final double lambda;
    final double[] m;
    final double[] v;
    int t;

    public AdamWStep(int n, double alpha, double beta1, double beta2, double epsilon, double lambda) {
        this.alpha = alpha;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.lambda = lambda;
        this.m = new double[n];
        this.v = new double[n];
    }

    public int t() {
        return t;
    }

    /** One step with schedule multiplier {@code eta}: updates θ in place from the data gradient g at θ. */
    public void step(double[] theta, double[] g, double eta) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 02.6 (AdamW step) is not implemented yet");
    }
}
