package descent.nn.norm;

import descent.nn.Layer;
import descent.nn.Param;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.List;

/**
 * What every normalization layer here ends with, written once: the learned per-feature scale and shift
 * y = γ x̂ + β (Aggarwal eq. 3.61). γ starts at 1 and is a {@link Param.Role#OTHER}, β starts at 0 and is a
 * {@link Param.Role#BIAS}, so neither is penalized unless a penalty includes it. The subclasses differ in what x̂ is
 * standardized over: the batch ({@link BatchNorm}, {@link BatchRenorm}) or the example's own values
 * ({@link GroupNorm}, and so {@link LayerNorm} and {@link InstanceNorm}).
 */
public abstract class Normalization implements Layer {

    final String name;
    final Param gamma;
    final Param beta;

    /** γ = 1 and β = 0, one per feature, named {@code name.γ} and {@code name.β}. */
    Normalization(String name, int features) {
        double[] ones = new double[features];
        Arrays.fill(ones, 1.0);
        this.name = name;
        this.gamma = new Param(name + ".γ", new DMatrixRMaj(1, features, true, ones), Param.Role.OTHER);
        this.beta = new Param(name + ".β", new DMatrixRMaj(1, features), Param.Role.BIAS);
    }

    /** Throws "{@code layer} needs a positive number of features" unless {@code features} &gt; 0; returns it. */
    static int requireFeatures(String layer, int features) {
        if (features <= 0) {
            throw new IllegalArgumentException(layer + " needs a positive number of features, got " + features);
        }
        return features;
    }

    /** Throws "{@code layer}: ε must be positive and finite" unless it is; returns ε. */
    static double requireEps(String layer, double eps) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException(layer + ": ε must be positive and finite, got " + eps);
        }
        return eps;
    }

    /** The scale γ, 1 × features. */
    public Param gamma() {
        return gamma;
    }

    /** The shift β, 1 × features. */
    public Param beta() {
        return beta;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }
}
