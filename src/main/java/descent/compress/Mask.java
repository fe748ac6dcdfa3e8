package descent.compress;

import descent.nn.Param;
import descent.regularize.AfterStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Which weights survive pruning, per parameter tensor. As an {@link AfterStep} (wrap the optimizer in a
 * {@code descent.regularize.ProjectedOptimizer}) it puts the pruned weights back to zero after every step, so
 * fine-tuning trains the survivors only and the pruned connections stay removed (Aggarwal §3.7.3).
 */
public final class Mask implements AfterStep {

    private final List<Param> params;
    private final List<boolean[]> keep;

    /** {@code keep.get(t)[k]} says whether entry k of {@code params.get(t)} survives. */
    public Mask(List<Param> params, List<boolean[]> keep) {
        if (params.size() != keep.size()) {
            throw new IllegalArgumentException("a mask needs one keep-array per tensor, got " + params.size()
                    + " tensors and " + keep.size() + " arrays");
        }
        for (int t = 0; t < params.size(); t++) {
            if (keep.get(t).length != params.get(t).size()) {
                throw new IllegalArgumentException("mask for " + params.get(t) + " has " + keep.get(t).length
                        + " entries, the tensor has " + params.get(t).size());
            }
        }
        this.params = List.copyOf(params);
        List<boolean[]> copy = new ArrayList<>();
        keep.forEach(k -> copy.add(k.clone()));
        this.keep = Collections.unmodifiableList(copy);
    }

    public List<Param> params() {
        return params;
    }

    /** A copy of the keep-array of tensor {@code t}. */
    public boolean[] keep(int t) {
        return keep.get(t).clone();
    }

    /** Zeroes every pruned weight. */
    public Mask apply() {
        for (int t = 0; t < params.size(); t++) {
            double[] w = params.get(t).value().data;
            boolean[] k = keep.get(t);
            for (int i = 0; i < k.length; i++) {
                if (!k[i]) {
                    w[i] = 0;
                }
            }
        }
        return this;
    }

    @Override
    public void afterStep(double learningRate) {
        apply();
    }

    /** Weights kept. */
    public long kept() {
        long c = 0;
        for (boolean[] k : keep) {
            for (boolean b : k) {
                c += b ? 1 : 0;
            }
        }
        return c;
    }

    /** Weights in the masked tensors. */
    public long total() {
        return keep.stream().mapToLong(k -> k.length).sum();
    }

    /** The fraction pruned. */
    public double sparsity() {
        return 1 - (double) kept() / total();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "mask (%.1f %% of %d weights pruned)", 100 * sparsity(), total())
                + (params.size() <= 4 ? " on " + Arrays.toString(params.stream().map(Param::name).toArray()) : "");
    }
}
