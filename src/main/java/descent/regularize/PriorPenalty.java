package descent.regularize;

import descent.nn.Param;

import java.util.List;

/**
 * A prior as a regularizer (the draft chapter 7, §7.1 and §7.2.3): the penalty Ω(w) = log Z − log p(w) of a
 * {@link LogPrior} over the given tensors, concatenated in list order. With {@link GaussianPrior} it is the generalized
 * Tikhonov penalty ½(w − μ)ᵀΣ⁻¹(w − μ); with {@link LaplacePrior} the weighted L¹ penalty Σᵢ|wᵢ − μᵢ|/ηᵢ; with a prior
 * of your own, whatever its negative log density is.
 *
 * <p>The tensors are taken as given (pass {@code Penalty.weights(net.params())} to leave the biases out). There is no
 * separate coefficient: the prior's own scale (precision α for a Gaussian, 1/η for a Laplace) plays that role.
 */
public final class PriorPenalty implements Penalty {

    private final Flat flat;
    private final LogPrior prior;
    private final double[] w;
    private final double[] g;

    public PriorPenalty(List<Param> params, LogPrior prior) {
        this.flat = new Flat("PriorPenalty", params);
        if (prior.dimension() != flat.dimension) {
            throw new IllegalArgumentException("the prior has dimension " + prior.dimension() + " but the parameters "
                    + flat + " have " + flat.dimension + " entries");
        }
        this.prior = prior;
        this.w = new double[flat.dimension];
        this.g = new double[flat.dimension];
    }

    @Override
    public double value() {
        flat.gather(w);
        return prior.logNormalizer() - prior.logDensity(w, null);
    }

    @Override
    public double addGradient() {
        flat.gather(w);
        double v = prior.logNormalizer() - prior.logDensity(w, g);
        flat.addToGrad(-1.0, g);
        return v;
    }

    public LogPrior prior() {
        return prior;
    }

    @Override
    public String name() {
        return "−log " + prior;
    }
}
