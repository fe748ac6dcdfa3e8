package descent.init.datadependent;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Linear;
import descent.nn.Sequential;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;

/**
 * Layer-sequential unit-variance initialisation (Mishkin and Matas 2015), the automated form of the manual rule
 * of Goodfellow et al. §8.4: look at the activations of one minibatch, find the first layer whose outputs are too
 * small (or too large), rescale its weights, and move on.
 * <pre>
 *   for each Linear layer l, first to last:
 *       repeat at most T times:
 *           B ← output of layer l on the minibatch (the layers below are already fixed)
 *           v ← Var(B) over all its entries
 *           if |v − v*| ≤ tol: stop
 *           W_l ← W_l · √(v* / v)
 * </pre>
 * With zero biases one rescaling already gives Var(B) = v* exactly; a non-zero bias needs a few rounds. The weights
 * are usually drawn first by an orthogonal or fan-in rule; LSUV only fixes their scale. The layers' own weights are
 * changed in place; nothing else in the network is touched.
 */
public final class Lsuv {

    /** What LSUV did to one layer: its output standard deviation before and after, and the rescalings it took. */
    public record Step(String layer, double stdBefore, double stdAfter, int rescalings) {
    }

    private final double targetVariance;
    private final double tolerance;
    private final int maxRescalings;

    /**
     * @param targetVariance v* &gt; 0, 1 in the paper
     * @param tolerance      |Var − v*| at which a layer is done, &gt; 0
     * @param maxRescalings  rounds per layer, ≥ 1
     */
    public Lsuv(double targetVariance, double tolerance, int maxRescalings) {
        if (!(targetVariance > 0) || !Double.isFinite(targetVariance)) {
            throw new IllegalArgumentException("LSUV target variance must be positive and finite, got " + targetVariance);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("LSUV tolerance must be positive and finite, got " + tolerance);
        }
        if (maxRescalings < 1) {
            throw new IllegalArgumentException("LSUV needs at least 1 rescaling per layer, got " + maxRescalings);
        }
        this.targetVariance = targetVariance;
        this.tolerance = tolerance;
        this.maxRescalings = maxRescalings;
    }

    /** v* = 1, tolerance 0.01, at most 10 rounds per layer (the paper's choices). */
    public Lsuv() {
        this(1.0, 0.01, 10);
    }

    /** Rescales every {@link Linear} layer of {@code net} in order using the minibatch {@code batch}. */
    public List<Step> apply(Sequential net, DMatrixRMaj batch) {
        List<Step> steps = new ArrayList<>();
        DMatrixRMaj z = batch;
        for (Layer layer : net.layers()) {
            Cache cache = new Cache();
            if (layer instanceof Linear fc) {
                DMatrixRMaj out = fc.forward(z, cache);
                double before = Math.sqrt(variance(out));
                int rounds = 0;
                double v = before * before;
                while (Math.abs(v - targetVariance) > tolerance && rounds < maxRescalings) {
                    if (!(v > 0) || !Double.isFinite(v)) {
                        throw new IllegalStateException("LSUV: layer " + fc.name() + " has output variance " + v
                                + " on the batch; it cannot be rescaled to " + targetVariance);
                    }
                    CommonOps_DDRM.scale(Math.sqrt(targetVariance / v), fc.weight().value());
                    out = fc.forward(z, cache);
                    v = variance(out);
                    rounds++;
                }
                steps.add(new Step(fc.name(), before, Math.sqrt(v), rounds));
                z = out.copy();
            } else {
                z = layer.forward(z, cache).copy();
            }
        }
        return steps;
    }

    static double variance(DMatrixRMaj m) {
        int n = m.getNumElements();
        double mean = 0;
        for (int k = 0; k < n; k++) {
            mean += m.data[k];
        }
        mean /= n;
        double s = 0;
        for (int k = 0; k < n; k++) {
            double d = m.data[k] - mean;
            s += d * d;
        }
        return s / n;
    }
}
