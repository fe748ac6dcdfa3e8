package descent.check;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Param;
import descent.nn.GradientOracle;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Checking backpropagation against finite differences (Aggarwal §3.2.10).
 *
 * <p>The book's estimate is the forward difference of eq. 3.33, (L(w+h) − L(w))/h, whose truncation error is O(h);
 * the central difference (L(w+h) − L(w−h))/(2h) has error O(h²) and is the default here. The two gradients are
 * compared by the relative error of eq. 3.34, ρ = |G_e − G_a| / |G_e + G_a|, which should be below 10⁻⁶
 * ({@link #STRICT}); near the kinks of ReLU-like units 10⁻³ ({@link #KINK}) is acceptable. The denominator vanishes
 * when both gradients are ≈ 0, so differences below an absolute floor count as agreement.
 *
 * <p>{@link #run} checks a network: at the current parameters it records the backprop gradient, then for a
 * seeded sample of entries of every parameter tensor perturbs that entry alone and re-evaluates the loss.
 */
public final class GradientCheck {

    /** ρ threshold for smooth functions (§3.2.10). */
    public static final double STRICT = 1e-6;
    /** ρ threshold tolerated with kinks (ReLU, hard tanh, max). */
    public static final double KINK = 1e-3;
    /** |G_e − G_a| at or below which the two count as equal (guards the zero denominator of eq. 3.34). */
    public static final double ABSOLUTE_FLOOR = 1e-12;

    /** Which finite difference. */
    public enum Scheme {
        /** (L(w+h) − L(w))/h, eq. 3.33, error O(h). */
        FORWARD,
        /** (L(w+h) − L(w−h))/(2h), error O(h²). */
        CENTRAL
    }

    private GradientCheck() {
    }

    /** ρ of eq. 3.34 with the default absolute floor. */
    public static double relativeError(double backprop, double estimate) {
        return relativeError(backprop, estimate, ABSOLUTE_FLOOR);
    }

    /**
     * ρ = |G_e − G_a|/|G_e + G_a|; 0 when |G_e − G_a| ≤ floor; +∞ when the denominator is 0 but the difference
     * is not (equal and opposite gradients); NaN inputs give NaN.
     */
    public static double relativeError(double backprop, double estimate, double floor) {
        if (Double.isNaN(backprop) || Double.isNaN(estimate)) {
            return Double.NaN;
        }
        double diff = Math.abs(backprop - estimate);
        if (diff <= floor) {
            return 0.0;
        }
        double denom = Math.abs(backprop + estimate);
        return denom == 0 ? Double.POSITIVE_INFINITY : diff / denom;
    }

    /** The finite-difference derivative of a scalar function at w. */
    public static double derivative(DoubleUnaryOperator f, double w, double h, Scheme scheme) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("finite-difference step h must be positive, got " + h);
        }
        return scheme == Scheme.CENTRAL
                ? (f.applyAsDouble(w + h) - f.applyAsDouble(w - h)) / (2 * h)
                : (f.applyAsDouble(w + h) - f.applyAsDouble(w)) / h;
    }

    /** The finite-difference gradient of f: ℝᵈ → ℝ at x (x is restored afterwards). */
    public static double[] gradient(java.util.function.ToDoubleFunction<double[]> f, double[] x, double h, Scheme scheme) {
        double[] g = new double[x.length];
        double f0 = scheme == Scheme.FORWARD ? f.applyAsDouble(x) : 0;
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double plus = f.applyAsDouble(x);
            if (scheme == Scheme.CENTRAL) {
                x[i] = keep - h;
                double minus = f.applyAsDouble(x);
                g[i] = (plus - minus) / (2 * h);
            } else {
                g[i] = (plus - f0) / h;
            }
            x[i] = keep;
        }
        return g;
    }

    /** One checked entry. */
    public record Entry(String param, int index, int row, int col, double backprop, double estimate, double rho) {
    }

    /** The result of a sampled check: every entry plus the worst ρ per tensor. */
    public static final class Report {
        private final List<Entry> entries;
        private final Scheme scheme;
        private final double h;

        Report(List<Entry> entries, Scheme scheme, double h) {
            this.entries = List.copyOf(entries);
            this.scheme = scheme;
            this.h = h;
        }

        public List<Entry> entries() {
            return entries;
        }

        /** The largest ρ over all checked entries (NaN if any entry is NaN). */
        public double maxError() {
            double worst = 0;
            for (Entry e : entries) {
                if (Double.isNaN(e.rho())) {
                    return Double.NaN;
                }
                worst = Math.max(worst, e.rho());
            }
            return worst;
        }

        /** The worst entry. */
        public Entry worst() {
            Entry w = entries.get(0);
            for (Entry e : entries) {
                if (!(e.rho() <= w.rho())) {
                    w = e;
                }
            }
            return w;
        }

        /** True when every ρ is below {@code threshold}. */
        public boolean passes(double threshold) {
            double m = maxError();
            return m < threshold;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "gradient check (%s differences, h = %.0e, ρ of eq. 3.34): %d entries, max ρ = %.2e%n",
                    scheme == Scheme.CENTRAL ? "central" : "forward", h, entries.size(), maxError()));
            sb.append(String.format(Locale.ROOT, "%-16s %7s %12s %9s %s%n", "tensor", "checked", "max ρ", "verdict", "worst entry (backprop vs estimate)"));
            java.util.LinkedHashMap<String, List<Entry>> by = new java.util.LinkedHashMap<>();
            for (Entry e : entries) {
                by.computeIfAbsent(e.param(), k -> new ArrayList<>()).add(e);
            }
            for (var kv : by.entrySet()) {
                Entry w = kv.getValue().get(0);
                for (Entry e : kv.getValue()) {
                    if (!(e.rho() <= w.rho())) {
                        w = e;
                    }
                }
                String verdict = w.rho() < STRICT ? "ok" : (w.rho() < KINK ? "kink-ok" : "WRONG");
                sb.append(String.format(Locale.ROOT, "%-16s %7d %12.2e %9s [%d,%d] %.6e vs %.6e%n", kv.getKey(),
                        kv.getValue().size(), w.rho(), verdict, w.row(), w.col(), w.backprop(), w.estimate()));
            }
            return sb.toString();
        }
    }

    /**
     * Checks up to {@code samplesPerTensor} distinct entries of every tensor (all of them when the tensor is
     * smaller), chosen with {@code rng}. The oracle must compute the loss at the parameters' current values and write the
     * gradients; parameter values are restored, and gradients hold the backprop gradient again on return.
     */
    public static Report run(List<Param> params, GradientOracle oracle, Scheme scheme, double h,
                             int samplesPerTensor, Random rng) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("finite-difference step h must be positive, got " + h);
        }
        if (params == null || params.isEmpty() || oracle == null || scheme == null || rng == null || samplesPerTensor < 1) {
            throw new IllegalArgumentException("a gradient check needs parameters, an oracle, a scheme, a seeded Random and "
                    + "≥ 1 sample per tensor, got " + params + ", " + oracle + ", " + scheme + ", " + rng + ", " + samplesPerTensor);
        }
        double base = oracle.evaluate();
        List<double[]> backprop = new ArrayList<>();
        for (Param p : params) {
            backprop.add(p.grad().data.clone());
        }
        List<Entry> entries = new ArrayList<>();
        for (int t = 0; t < params.size(); t++) {
            Param p = params.get(t);
            int size = p.size();
            int[] idx;
            if (size <= samplesPerTensor) {
                idx = new int[size];
                for (int i = 0; i < size; i++) {
                    idx[i] = i;
                }
            } else {
                // distinct entries: a partial Fisher–Yates shuffle of 0..size−1
                int[] all = new int[size];
                for (int i = 0; i < size; i++) {
                    all[i] = i;
                }
                for (int i = 0; i < samplesPerTensor; i++) {
                    int j = i + rng.nextInt(size - i);
                    int tmp = all[i];
                    all[i] = all[j];
                    all[j] = tmp;
                }
                idx = java.util.Arrays.copyOf(all, samplesPerTensor);
            }
            double[] w = p.value().data;
            for (int i : idx) {
                double keep = w[i];
                w[i] = keep + h;
                double plus = oracle.evaluate();
                double estimate;
                if (scheme == Scheme.CENTRAL) {
                    w[i] = keep - h;
                    double minus = oracle.evaluate();
                    estimate = (plus - minus) / (2 * h);
                } else {
                    estimate = (plus - base) / h;
                }
                w[i] = keep;
                double ge = backprop.get(t)[i];
                int cols = p.value().numCols;
                entries.add(new Entry(p.name(), i, i / cols, i % cols, ge, estimate, relativeError(ge, estimate)));
            }
        }
        oracle.evaluate();
        return new Report(entries, scheme, h);
    }

    /** {@link #run} with central differences, h = 10⁻⁵, 20 samples per tensor. */
    public static Report run(List<Param> params, GradientOracle oracle, Random rng) {
        return run(params, oracle, Scheme.CENTRAL, 1e-5, 20, rng);
    }

    /** The absolute floor {@link #layer} uses: central differences of a sum of O(1) terms carry ~10⁻¹⁰ of round-off. */
    public static final double LAYER_FLOOR = 1e-9;

    /**
     * Checks one layer by itself, every entry (Aggarwal §3.2.10 applied to a row of Table 3.1). With a fixed random
     * matrix R of the output's shape (drawn from {@code rng}), the scalar L = Σ R ⊙ layer(x) has ∂L/∂(output) = R, so
     * {@code backward(R)} must return ∂L/∂x and add ∂L/∂θ into the parameters' gradients; both are compared with
     * central differences of L, step h = 10⁻⁶, by ρ of eq. 3.34 with the floor {@link #LAYER_FLOOR}. Entries of the
     * input are reported under the tensor name {@code "input"}. {@code x} and the parameter values are restored;
     * the parameters' gradients are zeroed first and hold the backprop gradient of L on return.
     */
    public static Report layer(Layer layer, DMatrixRMaj x, Random rng) {
        if (layer == null || x == null) {
            throw new IllegalArgumentException("GradientCheck.layer needs a layer and an input, got "
                    + (layer == null ? "no layer" : "no input"));
        }
        double h = 1e-6;
        Cache cache = new Cache();
        DMatrixRMaj y = layer.forward(x, cache);
        DMatrixRMaj r = new DMatrixRMaj(y.numRows, y.numCols);
        for (int i = 0; i < r.getNumElements(); i++) {
            r.data[i] = rng.nextGaussian();
        }
        for (Param p : layer.params()) {
            p.zeroGrad();
        }
        DMatrixRMaj gin = layer.backward(r, cache, true).copy();
        List<Entry> entries = new ArrayList<>();
        addLayerEntries(entries, "input", x, gin.data, layer, x, r, h);
        for (Param p : layer.params()) {
            addLayerEntries(entries, p.name(), p.value(), p.grad().data.clone(), layer, x, r, h);
        }
        return new Report(entries, Scheme.CENTRAL, h);
    }

    private static void addLayerEntries(List<Entry> entries, String name, DMatrixRMaj values, double[] backprop,
                                        Layer layer, DMatrixRMaj x, DMatrixRMaj r, double h) {
        double[] w = values.data;
        for (int k = 0; k < values.getNumElements(); k++) {
            double keep = w[k];
            w[k] = keep + h;
            double plus = probe(layer, x, r);
            w[k] = keep - h;
            double minus = probe(layer, x, r);
            w[k] = keep;
            double estimate = (plus - minus) / (2 * h);
            entries.add(new Entry(name, k, k / values.numCols, k % values.numCols, backprop[k], estimate,
                    relativeError(backprop[k], estimate, LAYER_FLOOR)));
        }
    }

    /** L = Σ R ⊙ layer(x). */
    private static double probe(Layer layer, DMatrixRMaj x, DMatrixRMaj r) {
        DMatrixRMaj y = layer.forward(x, new Cache());
        double s = 0;
        for (int k = 0; k < y.getNumElements(); k++) {
            s += r.data[k] * y.data[k];
        }
        return s;
    }
}
