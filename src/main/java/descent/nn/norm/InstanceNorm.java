package descent.nn.norm;

/**
 * Instance normalization (Ulyanov, Vedaldi &amp; Lempitsky 2016; named in COMP541 lecture 4, slide "Other
 * normalization schemes"; formulas a supplement): each channel of each example is standardized over its own S
 * positions, then gets γ_c, β_c. This is {@link GroupNorm} with one channel per group (G = C); with S = 1 (a fully
 * connected layer) there is nothing to standardize over, so it needs S ≥ 2.
 */
public final class InstanceNorm extends GroupNorm {

    public InstanceNorm(String name, int channels, int spatial, double eps) {
        super(name, channels, channels, spatial, eps);
    }

    /** ε = 10⁻⁵ (PyTorch's default). */
    public InstanceNorm(String name, int channels, int spatial) {
        this(name, channels, spatial, 1e-5);
    }
}
