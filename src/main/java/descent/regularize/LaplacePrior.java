package descent.regularize;

/**
 * Independent Laplace priors, Laplace(wᵢ; μᵢ, ηᵢ) with density exp(−|wᵢ − μᵢ|/ηᵢ)/(2ηᵢ) (Goodfellow et al. eq. 7.24;
 * the draft chapter 7, §7.2.3):
 * <pre>
 *   log p(w) = Σᵢ [ −|wᵢ − μᵢ|/ηᵢ − log(2ηᵢ) ]
 * </pre>
 * As a {@link PriorPenalty} it is the weighted L¹ penalty Σᵢ|wᵢ − μᵢ|/ηᵢ. With μ = 0 and ηᵢ = 1/α ({@link #isotropic})
 * it is α‖w‖₁ and log p(w) = −α‖w‖₁ + n log α − n log 2 (eq. 7.24): L¹ regularization is MAP estimation under a
 * Laplace prior. <b>Erratum:</b> the draft chapter writes the prior as Laplace(wᵢ; 0, λ⁻¹); the scale must be α⁻¹, the
 * inverse of the penalty's own coefficient.
 */
public final class LaplacePrior implements LogPrior {

    private final double[] mu;
    private final double[] eta;
    private final double logNormalizer;

    public LaplacePrior(double[] mu, double[] eta) {
        if (mu.length != eta.length) {
            throw new IllegalArgumentException("the prior means μ have " + mu.length + " entries but the scales η have "
                    + eta.length);
        }
        this.mu = Checks.finite("the prior means μ", mu.clone());
        this.eta = eta.clone();
        double z = 0;
        for (int i = 0; i < eta.length; i++) {
            Checks.positive("the Laplace scale η_" + i, eta[i]);
            z -= Math.log(2 * eta[i]);
        }
        this.logNormalizer = z;
    }

    /** Laplace(0, 1/α) on every coordinate: the prior behind α‖w‖₁. */
    public static LaplacePrior isotropic(int d, double alpha) {
        Checks.positive("the Laplace rate α", alpha);
        double[] eta = new double[d];
        java.util.Arrays.fill(eta, 1 / alpha);
        return new LaplacePrior(new double[d], eta);
    }

    @Override
    public int dimension() {
        return mu.length;
    }

    @Override
    public double logDensity(double[] w, double[] gradient) {
        double s = logNormalizer;
        for (int i = 0; i < mu.length; i++) {
            double d = w[i] - mu[i];
            s -= Math.abs(d) / eta[i];
            if (gradient != null) {
                gradient[i] = -Math.signum(d) / eta[i];
            }
        }
        return s;
    }

    @Override
    public double logNormalizer() {
        return logNormalizer;
    }

    @Override
    public String toString() {
        return "Laplace(μ, η) on " + mu.length + " weights";
    }
}
