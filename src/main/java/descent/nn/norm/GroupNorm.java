package descent.nn.norm;

import descent.nn.Cache;
import org.ejml.data.DMatrixRMaj;


/**
 * Group normalization (Wu &amp; He, ECCV 2018; named in COMP541 lecture 4, slide "Other normalization schemes", which
 * calls it "Group Renormalization"). Formulas beyond the course's texts, marked as a supplement. An example has C
 * channels of S positions each (a row of the input holds channel 0's S values, then channel 1's, …; S = 1 for a fully
 * connected layer). The channels are split into G groups of C/G; each example's group of (C/G)·S values is
 * standardized by its own mean and variance, and channel c gets its own γ_c, β_c:
 * <pre>
 *   y = γ_c (x − μ_{n,g}) / √(σ²_{n,g} + ε) + β_c
 * </pre>
 * G = 1 is layer normalization over (C, S); G = C is {@link InstanceNorm}. Wu &amp; He's default is G = 32. Statistics
 * never cross examples, so training and inference give the same output.
 */
public class GroupNorm extends Normalization {

    private final int channels;
    private final int groups;
    private final int spatial;
    private final GroupStandardizer core;

    public GroupNorm(String name, int channels, int groups, int spatial, double eps) {
        super(name, requireShape(name, channels, groups, spatial));
        this.channels = channels;
        this.groups = groups;
        this.spatial = spatial;
        this.core = new GroupStandardizer(channels * spatial, channels / groups * spatial, spatial,
                requireEps(getClass().getSimpleName() + " " + name, eps));
    }

    /** ε = 10⁻⁵ (PyTorch's default). */
    public GroupNorm(String name, int channels, int groups, int spatial) {
        this(name, channels, groups, spatial, 1e-5);
    }

    /** Checks C, G and S; returns C, the number of (γ, β) pairs. */
    private static int requireShape(String name, int channels, int groups, int spatial) {
        if (channels <= 0 || spatial <= 0) {
            throw new IllegalArgumentException("GroupNorm " + name + " needs positive channels and positions, got C = "
                    + channels + ", S = " + spatial);
        }
        if (groups <= 0 || channels % groups != 0) {
            throw new IllegalArgumentException("GroupNorm " + name + ": the group count G = " + groups
                    + " must be positive and divide the C = " + channels + " channels");
        }
        if (channels / groups * spatial < 2) {
            throw new IllegalArgumentException("GroupNorm " + name + ": a group of C/G·S = " + (channels / groups * spatial)
                    + " value cannot be standardized (its variance is 0 and the output would be β); use fewer groups or more positions");
        }
        return channels;
    }

    @Override
    public String name() {
        return name + " (" + getClass().getSimpleName() + " C=" + channels + ", G=" + groups + ", S=" + spatial + ")";
    }

    public int channels() {
        return channels;
    }

    public int groups() {
        return groups;
    }

    public int spatial() {
        return spatial;
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
