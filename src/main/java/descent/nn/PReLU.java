package descent.nn;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Parametric ReLU (He et al. 2015; COMP541 lecture 4, "PReLU"): the leaky ReLU of Aggarwal eq. 3.39 with its slope
 * learned by backpropagation. For unit j with slope α_j,
 * <pre>
 *   forward:   y = x          if x &gt; 0,     y = α_j·x    otherwise
 *   backward:  ∂L/∂x = g      if x &gt; 0,     α_j·g        otherwise
 *              ∂L/∂α_j += Σ_i [x_ij ≤ 0] · x_ij · g_ij     (sum over the examples of the batch)
 * </pre>
 * The slopes are one parameter per unit ({@link #PReLU(String, int, double)}) or a single slope shared by every unit
 * ({@link #PReLU(String, double)}). They are a {@link Param.Role#OTHER} parameter: norm penalties leave them alone by
 * default, as He et al. did. Unlike {@link LeakyReLU} the slope is not confined to (0, 1).
 */
public final class PReLU implements Layer {

    private final String name;
    private final int units;
    private final Param slope;

    /** One learned slope per unit, each starting at {@code alpha}. */
    public PReLU(String name, int units, double alpha) {
        if (units < 1) {
            throw new IllegalArgumentException("PReLU " + name + " needs at least 1 unit, got " + units);
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("PReLU " + name + ": the initial slope must be finite, got " + alpha);
        }
        this.name = name;
        this.units = units;
        DMatrixRMaj a = new DMatrixRMaj(1, units);
        a.fill(alpha);
        this.slope = new Param(name + ".α", a, Param.Role.OTHER);
    }

    /** One learned slope shared by every unit, starting at {@code alpha} (0.25 in He et al.). */
    public PReLU(String name, double alpha) {
        this(name, 1, alpha);
    }

    /** The slope parameter (1 × units, or 1 × 1 when shared). */
    public Param slope() {
        return slope;
    }

    @Override
    public String name() {
        return name + " (PReLU" + (units == 1 ? ", shared slope" : " " + units) + ")";
    }

    @Override
    public List<Param> params() {
        return List.of(slope);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        if (units > 1 && x.numCols != units) {
            throw new IllegalArgumentException(String.format("layer %s: input %dx%d has %d columns but the layer has %d slopes",
                    name(), x.numRows, x.numCols, x.numCols, units));
        }
        DMatrixRMaj y = cache.output(x.numRows, x.numCols);
        cache.setInput(x);
        double[] a = slope.value().data;
        int cols = x.numCols;
        int n = x.getNumElements();
        for (int k = 0; k < n; k++) {
            double v = x.data[k];
            y.data[k] = v > 0 ? v : a[units == 1 ? 0 : k % cols] * v;
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        Layer.requireShape(this, "upstream gradient", gradOut, x.numRows, x.numCols);
        double[] a = slope.value().data;
        double[] ga = slope.grad().data;
        int cols = x.numCols;
        int n = x.getNumElements();
        for (int k = 0; k < n; k++) {
            double v = x.data[k];
            if (v <= 0) {
                ga[units == 1 ? 0 : k % cols] += v * gradOut.data[k];
            }
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(x.numRows, x.numCols);
        for (int k = 0; k < n; k++) {
            double g = gradOut.data[k];
            gin.data[k] = x.data[k] > 0 ? g : a[units == 1 ? 0 : k % cols] * g;
        }
        return gin;
    }
}
