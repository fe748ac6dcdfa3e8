package descent.regularize;

import descent.nn.Layer;
import descent.nn.Param;

import java.util.ArrayList;
import java.util.List;

/**
 * A penalty that is a sum over parameter tensors, each with its own coefficient and reference point:
 * αΩ(θ) = Σ_k α_k Ω(w_k − w_k⁽ᵒ⁾).
 *
 * <ul>
 *   <li><b>Which tensors.</b> The constructor takes a list of candidates (usually {@code net.params()}) and keeps the
 *   {@link Param.Role#WEIGHT} ones: biases are not penalized (Goodfellow et al. §7.1). {@link #include(Param)} adds
 *   a bias or another tensor on purpose; {@link #exclude(Param)} drops one.</li>
 *   <li><b>Per-layer coefficients.</b> Every tensor starts with the constructor's α; {@link #coefficient(Param,
 *   double)} and {@link #coefficient(Layer, double)} set another (Goodfellow et al. §7.1: a different α per layer is
 *   allowed; one α for all shrinks the search).</li>
 *   <li><b>Reference point.</b> {@link #reference(Param, double[])} penalizes the distance to w⁽ᵒ⁾ instead of to 0
 *   (Goodfellow et al. §7.1.1 footnote 1, §7.1.2 footnote 2); the default is 0.</li>
 * </ul>
 * Subclasses give Ω and its (sub)gradient for one tensor. Nothing allocates after the penalty is set up.
 *
 * @param <P> the concrete penalty, so that the configuration methods chain
 */
public abstract class ParamPenalty<P extends ParamPenalty<P>> implements Penalty {

    private final List<Param> params = new ArrayList<>();
    private final List<Double> alphas = new ArrayList<>();
    private final List<double[]> references = new ArrayList<>();
    private final double alpha;

    /** Selects the {@link Param.Role#WEIGHT} tensors of {@code candidates}, each with coefficient α. */
    protected ParamPenalty(List<Param> candidates, double alpha) {
        this.alpha = Checks.coefficient(getClass().getSimpleName() + ": coefficient α", alpha);
        if (candidates == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a list of parameters, got null");
        }
        for (Param p : candidates) {
            if (p.role() == Param.Role.WEIGHT && !params.contains(p)) {
                add(p);
            }
        }
    }

    private void add(Param p) {
        params.add(p);
        alphas.add(alpha);
        references.add(null);
    }

    @SuppressWarnings("unchecked")
    private P self() {
        return (P) this;
    }

    /** Also penalizes {@code p} (a bias, say), with the default coefficient. */
    public P include(Param p) {
        if (!params.contains(p)) {
            add(p);
        }
        return self();
    }

    /** Stops penalizing {@code p}. */
    public P exclude(Param p) {
        int k = params.indexOf(p);
        if (k >= 0) {
            params.remove(k);
            alphas.remove(k);
            references.remove(k);
        }
        return self();
    }

    /** The coefficient α_k of one tensor (per-layer weight decay). */
    public P coefficient(Param p, double alphaK) {
        alphas.set(indexOf(p), Checks.coefficient(name() + ": coefficient α for " + p.name(), alphaK));
        return self();
    }

    /** The coefficient of every penalized tensor of {@code layer}. */
    public P coefficient(Layer layer, double alphaK) {
        boolean any = false;
        for (Param p : layer.params()) {
            if (params.contains(p)) {
                coefficient(p, alphaK);
                any = true;
            }
        }
        if (!any) {
            throw new IllegalArgumentException(name() + " penalizes no parameter of layer " + layer.name()
                    + " (it penalizes " + params + ")");
        }
        return self();
    }

    /** Penalizes the distance of {@code p} to {@code w0} (copied) instead of its distance to 0. */
    public P reference(Param p, double[] w0) {
        references.set(indexOf(p), Checks.sized(name() + ": reference point w⁽ᵒ⁾", p, w0));
        return self();
    }

    /** The penalized tensors, in order. */
    public List<Param> params() {
        return List.copyOf(params);
    }

    /** α_k of {@code p}. */
    public double coefficient(Param p) {
        return alphas.get(indexOf(p));
    }

    /** The reference point of {@code p} (a copy), or null when it is 0. */
    public double[] reference(Param p) {
        double[] r = references.get(indexOf(p));
        return r == null ? null : r.clone();
    }

    /** Ω summed over the tensors without the coefficients: Σ_k Ω(w_k − w_k⁽ᵒ⁾). */
    public double omega() {
        double s = 0;
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            s += omega(p.value().data, references.get(k), p.size());
        }
        return s;
    }

    @Override
    public double value() {
        double s = 0;
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            s += alphas.get(k) * omega(p.value().data, references.get(k), p.size());
        }
        return s;
    }

    @Override
    public double addGradient() {
        return addScaledGradient(1.0);
    }

    /** Adds c·∇(αΩ) to the gradients and returns αΩ (for {@link DualAscent}, whose multiplier scales a penalty). */
    double addScaledGradient(double c) {
        double s = 0;
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            double a = alphas.get(k);
            double[] w = p.value().data, r = references.get(k);
            s += a * omega(w, r, p.size());
            if (a * c != 0) {
                addGradient(a * c, w, r, p.grad().data, p.size());
            }
        }
        return s;
    }

    /** Ω(w − r) for one tensor of {@code n} entries; {@code r} null means 0. */
    protected abstract double omega(double[] w, double[] r, int n);

    /** g ← g + α∇Ω(w − r) (a subgradient at kinks) for one tensor. */
    protected abstract void addGradient(double alpha, double[] w, double[] r, double[] g, int n);

    /** Number of penalized tensors. */
    protected final int terms() {
        return params.size();
    }

    /** The k-th penalized tensor. */
    protected final Param term(int k) {
        return params.get(k);
    }

    /** α_k of the k-th tensor. */
    protected final double alpha(int k) {
        return alphas.get(k);
    }

    /** The reference point of the k-th tensor, or null for 0 (not copied: do not modify). */
    protected final double[] referenceOf(int k) {
        return references.get(k);
    }

    private int indexOf(Param p) {
        int k = params.indexOf(p);
        if (k < 0) {
            throw new IllegalArgumentException(name() + " does not penalize " + p + " (it penalizes " + params
                    + "; biases and other non-weights are left out unless include(...) adds them)");
        }
        return k;
    }

    @Override
    public String toString() {
        return name() + " on " + params;
    }
}
