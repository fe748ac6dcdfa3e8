package datanoise;

/**
 * Exercise 06.1: the early-stopping meta-algorithm (Goodfellow et al. §7.8, Algorithm 7.1) on a recorded validation
 * trace. {@code validation[e]} is the validation error measured after (e + 1)·n training steps. Walk the trace as the
 * algorithm would:
 * <pre>
 *   i ← 0;  j ← 0;  v ← ∞;  i* ← 0
 *   while j &lt; p (and the trace has a next value):
 *       i ← i + n;  v' ← the next value of the trace
 *       if v' &lt; v:  j ← 0;  i* ← i;  v ← v'
 *       else:       j ← j + 1
 *   return i*, and the step i at which the loop ended
 * </pre>
 * (The parameter copy θ* ← θ of the box has nothing to copy here; {@code descent.train.EarlyStopping} does that part.)
 */
public final class EarlyStoppingTrace {

    private EarlyStoppingTrace() {
    }

    /**
     * @param validation the validation errors at steps n, 2n, 3n, …
     * @param n          the number of training steps between two evaluations, ≥ 1
     * @param patience   p ≥ 1, evaluations in a row without improvement before stopping
     * @return {i*, i}: the step of the best evaluation and the step at which the loop ended
     */
    public static int[] stop(double[] validation, int n, int patience) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.1 (early stopping on a validation trace) is not implemented yet");
    }
}
