package descent.nn.norm;

/**
 * Layer normalization (Ba, Kiros &amp; Hinton 2016; named in COMP541 lecture 4, slide "Other normalization schemes",
 * and Aggarwal §3.6 as the variant for recurrent networks). The formulas are not printed in the course's texts; this is
 * the paper's definition, marked as a supplement. Each example (row) is standardized over its own D features, then
 * every feature j gets its own scale and shift:
 * <pre>
 *   μ = (1/D) Σ_j x_j,   σ² = (1/D) Σ_j (x_j − μ)² + ε,   y_j = γ_j (x_j − μ)/σ + β_j
 * </pre>
 * No statistic crosses examples, so training and inference compute the same output and there is nothing to keep
 * between batches. It is {@link GroupNorm} with one group of D channels of one position each (G = 1, S = 1), and is
 * computed as such.
 */
public final class LayerNorm extends GroupNorm {

    public LayerNorm(String name, int features, double eps) {
        super(name, atLeastTwo(name, features), 1, 1, eps);
    }

    /** ε = 10⁻⁵ (PyTorch's default). */
    public LayerNorm(String name, int features) {
        this(name, features, 1e-5);
    }

    private static int atLeastTwo(String name, int features) {
        if (features < 2) {
            throw new IllegalArgumentException("LayerNorm " + name + " needs at least 2 features to standardize over, got "
                    + features);
        }
        return features;
    }

    @Override
    public String name() {
        return name + " (LayerNorm " + channels() + ")";
    }
}
