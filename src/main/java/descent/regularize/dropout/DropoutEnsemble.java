package descent.regularize.dropout;

import descent.nn.Layer;
import descent.nn.Sequential;
import descent.nn.Softmax;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/**
 * Three ways to predict with a network trained with {@link Dropout} (the draft of Goodfellow et al. ch. 7, §7.11;
 * COMP541 lecture 4, slides 54–57). The network's output is read as logits; each prediction is a matrix of class
 * probabilities, one row per example.
 * <ul>
 *   <li>{@link #weightScaling}: one pass in inference mode (units scaled by p, or nothing for inverted dropout);</li>
 *   <li>{@link #monteCarlo}: the arithmetic mean of softmax over N passes with random masks (Gal &amp; Ghahramani use
 *   about 20; Goodfellow et al. 2013a compare up to 1,000);</li>
 *   <li>{@link #exact}: every one of the 2ⁿ sub-networks (n = the units of all dropout layers together), each with
 *   its probability p^{|μ|}(1 − p)^{n − |μ|}, combined by the arithmetic mean or by the renormalized geometric mean
 *   of eq. 7.30:
 *   <pre>
 *     P̃_ens(y | v) = Π_μ P(y | v; μ)^{π(μ)},     P_ens(y | v) = P̃_ens(y | v) / Σ_{y'} P̃_ens(y' | v)
 *   </pre>
 *   (the draft writes π(μ) = 1/2ⁿ for p = ½). For softmax regression on the dropped units the geometric mean equals
 *   weight scaling exactly: the denominator of each softmax does not depend on y, and the exponent averages to
 *   pWᵀv + b_y. With nonlinear hidden units weight scaling is only an approximation.</li>
 * </ul>
 * Each method restores the network's training/inference mode and releases fixed masks before returning.
 */
public final class DropoutEnsemble {

    /** The most units {@link #exact} enumerates (2²⁰ sub-networks). */
    public static final int MAX_EXACT_UNITS = 20;

    /** How {@link #exact} combines the sub-networks' class probabilities. */
    public enum Mean {
        ARITHMETIC,
        /** The renormalized geometric mean of eq. 7.30. */
        GEOMETRIC
    }

    private DropoutEnsemble() {
    }

    /** softmax of the network's output in inference mode: the weight scaling rule. */
    public static DMatrixRMaj weightScaling(Sequential net, DMatrixRMaj x) {
        boolean was = requireNet(net, x).isTraining();
        try {
            net.setTraining(false);
            return softmax(net.forward(x));
        } finally {
            net.setTraining(was);
        }
    }

    /** The arithmetic mean of softmax over {@code passes} forward passes with fresh random masks. */
    public static DMatrixRMaj monteCarlo(Sequential net, DMatrixRMaj x, int passes) {
        requireNet(net, x);
        if (passes < 1) {
            throw new IllegalArgumentException("Monte-Carlo dropout needs at least one pass, got " + passes);
        }
        boolean was = net.isTraining();
        try {
            net.setTraining(true);
            DMatrixRMaj sum = null;
            for (int s = 0; s < passes; s++) {
                DMatrixRMaj pr = softmax(net.forward(x));
                if (sum == null) {
                    sum = pr;
                } else {
                    for (int i = 0; i < sum.data.length; i++) {
                        sum.data[i] += pr.data[i];
                    }
                }
            }
            for (int i = 0; i < sum.getNumElements(); i++) {
                sum.data[i] /= passes;
            }
            return sum;
        } finally {
            net.setTraining(was);
        }
    }

    /** Every sub-network, weighted by its probability, combined by {@code mean} (see the class comment). */
    public static DMatrixRMaj exact(Sequential net, DMatrixRMaj x, Mean mean) {
        requireNet(net, x);
        if (mean == null) {
            throw new IllegalArgumentException("DropoutEnsemble.exact needs a mean (ARITHMETIC or GEOMETRIC), got null");
        }
        List<Dropout> drops = new ArrayList<>();
        for (Layer l : net.layers()) {
            if (l instanceof Dropout d) {
                drops.add(d);
            }
        }
        if (drops.isEmpty()) {
            throw new IllegalArgumentException("network " + net + " has no Dropout layer to enumerate");
        }
        boolean was = net.isTraining();
        try {
            net.setTraining(false);
            net.forward(x);  // every Dropout learns its width
            int n = 0;
            for (Dropout d : drops) {
                n += d.units();
            }
            if (n > MAX_EXACT_UNITS) {
                throw new IllegalArgumentException("exact dropout enumeration over " + n + " units would visit 2^" + n
                        + " sub-networks; the limit is " + MAX_EXACT_UNITS + " units (use monteCarlo)");
            }
            net.setTraining(true);
            DMatrixRMaj acc = null;
            double[][] masks = new double[drops.size()][];
            for (int j = 0; j < drops.size(); j++) {
                masks[j] = new double[drops.get(j).units()];
            }
            for (long code = 0; code < (1L << n); code++) {
                double weight = 1;
                int bit = 0;
                for (int j = 0; j < drops.size(); j++) {
                    double p = drops.get(j).keep();
                    for (int u = 0; u < masks[j].length; u++, bit++) {
                        boolean on = ((code >> bit) & 1) == 1;
                        masks[j][u] = on ? 1 : 0;
                        weight *= on ? p : 1 - p;
                    }
                    drops.get(j).fixMask(masks[j]);
                }
                if (weight == 0) {
                    continue;  // p = 1: only the full network has mass
                }
                DMatrixRMaj out = net.forward(x);
                DMatrixRMaj pr = mean == Mean.ARITHMETIC ? softmax(out) : logSoftmax(out);
                if (acc == null) {
                    acc = new DMatrixRMaj(pr.numRows, pr.numCols);
                }
                for (int i = 0; i < pr.data.length; i++) {
                    acc.data[i] += weight * pr.data[i];
                }
            }
            if (mean == Mean.GEOMETRIC) {
                return softmax(acc);  // exp of the weighted mean log, renormalized per row
            }
            return acc;
        } finally {
            for (Dropout d : drops) {
                d.releaseMask();
            }
            net.setTraining(was);
        }
    }

    /** Row-wise softmax into a new matrix. */
    public static DMatrixRMaj softmax(DMatrixRMaj logits) {
        DMatrixRMaj out = new DMatrixRMaj(logits.numRows, logits.numCols);
        for (int i = 0; i < logits.numRows; i++) {
            Softmax.softmax(logits.data, i * logits.numCols, out.data, i * logits.numCols, logits.numCols);
        }
        return out;
    }

    /** Row-wise log softmax, v − log Σ exp v, computed without underflow. */
    static DMatrixRMaj logSoftmax(DMatrixRMaj logits) {
        int k = logits.numCols;
        DMatrixRMaj out = new DMatrixRMaj(logits.numRows, k);
        for (int i = 0; i < logits.numRows; i++) {
            double m = Double.NEGATIVE_INFINITY, s = 0;
            for (int j = 0; j < k; j++) {
                m = Math.max(m, logits.data[i * k + j]);
            }
            for (int j = 0; j < k; j++) {
                s += Math.exp(logits.data[i * k + j] - m);
            }
            double lse = m + Math.log(s);
            for (int j = 0; j < k; j++) {
                out.data[i * k + j] = logits.data[i * k + j] - lse;
            }
        }
        return out;
    }

    private static Sequential requireNet(Sequential net, DMatrixRMaj x) {
        if (net == null || x == null) {
            throw new IllegalArgumentException("dropout prediction needs a network and an input, got "
                    + (net == null ? "no network" : "no input"));
        }
        return net;
    }
}
