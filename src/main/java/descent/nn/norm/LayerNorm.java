package descent.nn.norm;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Param;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Layer normalization (Ba, Kiros &amp; Hinton 2016; named in COMP541 lecture 4, slide "Other normalization schemes",
 * and Aggarwal §3.6 as the variant for recurrent networks). The formulas are not printed in the course's texts; this is
 * the paper's definition, marked as a supplement. Each example (row) is standardized over its own D features, then
 * every feature j gets its own scale and shift:
 * <pre>
 *   μ = (1/D) Σ_j x_j,   σ² = (1/D) Σ_j (x_j − μ)² + ε,   y_j = γ_j (x_j − μ)/σ + β_j
 * </pre>
 * No statistic crosses examples, so training and inference compute the same output and there is nothing to keep
 * between batches. Equals {@link GroupNorm} with one group (and γ, β repeated over positions) exactly.
 */
public final class LayerNorm implements Layer {

    private final String name;
    private final int features;
    private final Param gamma;
    private final Param beta;
    private final GroupStandardizer core;

    public LayerNorm(String name, int features, double eps) {
        if (features < 2) {
            throw new IllegalArgumentException("LayerNorm " + name + " needs at least 2 features to standardize over, got "
                    + features);
        }
        this.name = name;
        this.features = features;
        this.gamma = GroupStandardizer.ones(name + ".γ", features);
        this.beta = GroupStandardizer.zeros(name + ".β", features);
        this.core = new GroupStandardizer(features, features, 1, GroupStandardizer.checkEps("LayerNorm " + name, eps));
    }

    /** ε = 10⁻⁵ (PyTorch's default). */
    public LayerNorm(String name, int features) {
        this(name, features, 1e-5);
    }

    @Override
    public String name() {
        return name + " (LayerNorm " + features + ")";
    }

    public Param gamma() {
        return gamma;
    }

    public Param beta() {
        return beta;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        return core.forward(this, x, cache, gamma, beta);
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        return core.backward(this, gradOut, cache, needInputGradient, gamma, beta);
    }
}
