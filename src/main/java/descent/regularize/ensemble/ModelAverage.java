package descent.regularize.ensemble;

import descent.nn.Sequential;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/**
 * Combining the members of an ensemble (the draft of Goodfellow et al. ch. 7, §7.10, "model averaging"; COMP541
 * lecture 4, slides 48–49). Each member gives class probabilities, one row per example; the ensemble's
 * probabilities are
 * <ul>
 *   <li>{@link Rule#ARITHMETIC}: the mean (1/k) Σ_i P_i(y | x);</li>
 *   <li>{@link Rule#GEOMETRIC}: the renormalized geometric mean, Π_i P_i(y | x)^{1/k} / Σ_{y'} Π_i P_i(y' | x)^{1/k}
 *   (the combination dropout's weight scaling rule reproduces, eq. 7.30);</li>
 *   <li>{@link Rule#VOTE}: the share of members whose most probable class is y (majority vote; {@link #predict}
 *   breaks a tie toward the smallest class).</li>
 * </ul>
 * Members of different output sizes cannot be averaged: the error names both shapes.
 */
public final class ModelAverage {

    /** How the members' probabilities are combined. */
    public enum Rule {
        ARITHMETIC, GEOMETRIC, VOTE
    }

    private ModelAverage() {
    }

    /** The combined probabilities (or vote shares) of the members' probability matrices. */
    public static DMatrixRMaj combine(List<DMatrixRMaj> members, Rule rule) {
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member, got " + members);
        }
        if (rule == null) {
            throw new IllegalArgumentException("ModelAverage.combine needs a rule (ARITHMETIC, GEOMETRIC or VOTE), got null");
        }
        DMatrixRMaj first = members.get(0);
        int n = first.numRows, k = first.numCols;
        for (int m = 1; m < members.size(); m++) {
            DMatrixRMaj p = members.get(m);
            if (p.numRows != n || p.numCols != k) {
                throw new IllegalArgumentException(String.format("ensemble member %d gives %dx%d probabilities but member 0 gives %dx%d: "
                        + "members must see the same examples and have the same output size", m, p.numRows, p.numCols, n, k));
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(n, k);
        double inv = 1.0 / members.size();
        for (DMatrixRMaj p : members) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int y = 0; y < k; y++) {
                    double v = p.data[i * k + y];
                    if (rule == Rule.ARITHMETIC) {
                        out.data[i * k + y] += inv * v;
                    } else if (rule == Rule.GEOMETRIC) {
                        out.data[i * k + y] += inv * Math.log(Math.max(v, Double.MIN_NORMAL));
                    }
                    if (v > p.data[i * k + best]) {
                        best = y;
                    }
                }
                if (rule == Rule.VOTE) {
                    out.data[i * k + best] += inv;
                }
            }
        }
        if (rule == Rule.GEOMETRIC) {
            for (int i = 0; i < n; i++) {
                double m = Double.NEGATIVE_INFINITY, s = 0;
                for (int y = 0; y < k; y++) {
                    m = Math.max(m, out.data[i * k + y]);
                }
                for (int y = 0; y < k; y++) {
                    out.data[i * k + y] = Math.exp(out.data[i * k + y] - m);
                    s += out.data[i * k + y];
                }
                for (int y = 0; y < k; y++) {
                    out.data[i * k + y] /= s;
                }
            }
        }
        return out;
    }

    /** softmax of each network's output on {@code x}, in inference mode (each net's mode is restored). */
    public static List<DMatrixRMaj> probabilities(List<Sequential> nets, DMatrixRMaj x) {
        if (nets == null || nets.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one network, got " + nets);
        }
        List<DMatrixRMaj> out = new ArrayList<>();
        for (Sequential net : nets) {
            boolean was = net.isTraining();
            net.setTraining(false);
            try {
                out.add(descent.regularize.dropout.DropoutEnsemble.softmax(net.forward(x)));
            } finally {
                net.setTraining(was);
            }
        }
        return out;
    }

    /** The ensemble's class for each example: the row-wise argmax of {@link #combine}, ties to the smallest class. */
    public static int[] predict(List<Sequential> nets, DMatrixRMaj x, Rule rule) {
        return argmax(combine(probabilities(nets, x), rule));
    }

    /** Row-wise argmax, ties to the smallest index. */
    public static int[] argmax(DMatrixRMaj p) {
        int[] cls = new int[p.numRows];
        for (int i = 0; i < p.numRows; i++) {
            int best = 0;
            for (int y = 1; y < p.numCols; y++) {
                if (p.get(i, y) > p.get(i, best)) {
                    best = y;
                }
            }
            cls[i] = best;
        }
        return cls;
    }

    /** The fraction of examples whose predicted class differs from the label. */
    public static double error(int[] predicted, int[] labels) {
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + labels.length + " labels");
        }
        int wrong = 0;
        for (int i = 0; i < labels.length; i++) {
            wrong += predicted[i] != labels[i] ? 1 : 0;
        }
        return (double) wrong / labels.length;
    }
}
