package descent.compress;

import descent.nn.Param;

import java.util.ArrayList;
import java.util.List;

/**
 * Magnitude pruning (Aggarwal §3.7.3, "sparsifying weights"; Han et al. 2015): drop the connections whose weights
 * have the smallest absolute values, then fine-tune the survivors with the {@link Mask} applied after every step.
 * <pre>
 *   sparsity s ∈ [0, 1), n weights:  prune the ⌊s·n⌋ weights of smallest |w|  (ties: the lower index goes first)
 *   fine-tune:  θ ← step(θ);  θ ← θ ⊙ mask
 * </pre>
 * {@link #global} ranks all the given tensors together (one threshold); {@link #perTensor} prunes each tensor to the
 * same sparsity on its own (Han et al. choose a threshold per layer). Only {@link Param.Role#WEIGHT} tensors are
 * pruned by the convenience overloads that take a network's whole parameter list: biases are few and cheap to keep.
 */
public final class MagnitudePruning {

    private MagnitudePruning() {
    }

    /** The weight tensors of {@code params} (biases and scales left out). */
    public static List<Param> weights(List<Param> params) {
        return params.stream().filter(p -> p.role() == Param.Role.WEIGHT).toList();
    }

    /** One threshold over all of {@code weights}; the returned mask has already been applied. */
    public static Mask global(List<Param> weights, double sparsity) {
        checkSparsity(sparsity);
        int total = weights.stream().mapToInt(Param::size).sum();
        double[] all = new double[total];
        int at = 0;
        for (Param p : weights) {
            System.arraycopy(p.value().data, 0, all, at, p.size());
            at += p.size();
        }
        boolean[] keepAll = keepLargest(all, sparsity);
        List<boolean[]> keep = new ArrayList<>();
        at = 0;
        for (Param p : weights) {
            boolean[] k = new boolean[p.size()];
            System.arraycopy(keepAll, at, k, 0, p.size());
            keep.add(k);
            at += p.size();
        }
        return new Mask(weights, keep).apply();
    }

    /** Each tensor pruned to {@code sparsity} by its own threshold; the returned mask has already been applied. */
    public static Mask perTensor(List<Param> weights, double sparsity) {
        checkSparsity(sparsity);
        List<boolean[]> keep = new ArrayList<>();
        for (Param p : weights) {
            double[] w = new double[p.size()];
            System.arraycopy(p.value().data, 0, w, 0, p.size());
            keep.add(keepLargest(w, sparsity));
        }
        return new Mask(weights, keep).apply();
    }

    /**
     * keep[i] is false for the ⌊s·n⌋ entries of smallest |w[i]| (the lower index first among equal magnitudes) and true
     * for the rest.
     */
    public static boolean[] keepLargest(double[] w, double sparsity) {
        checkSparsity(sparsity);
        int n = w.length;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(w[i])) {
                throw new IllegalArgumentException("cannot rank weights by magnitude: entry " + i + " is NaN");
            }
        }
        int drop = (int) Math.floor(sparsity * n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(Math.abs(w[a]), Math.abs(w[b]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        for (int r = 0; r < drop; r++) {
            keep[order[r]] = false;
        }
        return keep;
    }

    static void checkSparsity(double s) {
        if (!(s >= 0 && s < 1)) {
            throw new IllegalArgumentException("sparsity (the fraction of weights pruned) must lie in [0, 1), got " + s);
        }
    }
}
