package descent.regularize.ensemble;

import descent.data.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bootstrap replicates for bagging (the draft of Goodfellow et al. ch. 7, §7.10, after Breiman 1994): k data sets of
 * the same size m as the original, each drawn <em>with replacement</em>, so that each misses some examples and repeats
 * others. The expected fraction of distinct examples in a replicate is
 * <pre>
 *   1 − (1 − 1/m)^m  →  1 − 1/e ≈ 0.632   (m → ∞)
 * </pre>
 * (the draft rounds it to "about 2/3"). Indices are drawn as {@code rng.nextInt(m)}, m times in order.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** m indices in [0, m), drawn with replacement. */
    public static int[] sample(int m, Random rng) {
        if (m < 1) {
            throw new IllegalArgumentException("a bootstrap replicate needs m ≥ 1 examples, got " + m);
        }
        if (rng == null) {
            throw new IllegalArgumentException("Bootstrap.sample needs a seeded Random, got null");
        }
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = rng.nextInt(m);
        }
        return idx;
    }

    /** One replicate of {@code data}, named "{name} bootstrap". */
    public static Dataset replicate(Dataset data, Random rng) {
        if (data == null) {
            throw new IllegalArgumentException("Bootstrap.replicate needs a data set, got null");
        }
        return data.select(sample(data.size(), rng), data.name() + " bootstrap");
    }

    /** k replicates of {@code data} (bagging's training sets). */
    public static List<Dataset> replicates(Dataset data, int k, Random rng) {
        if (k < 1) {
            throw new IllegalArgumentException("bagging needs k ≥ 1 replicates, got " + k);
        }
        List<Dataset> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(replicate(data, rng));
        }
        return out;
    }

    /** The fraction of the m examples that occur at least once in {@code idx}. */
    public static double uniqueFraction(int[] idx, int m) {
        if (idx == null || m < 1) {
            throw new IllegalArgumentException("uniqueFraction needs indices and m ≥ 1, got " + (idx == null ? "null" : idx.length + " indices") + ", m = " + m);
        }
        boolean[] seen = new boolean[m];
        int unique = 0;
        for (int i : idx) {
            if (i < 0 || i >= m) {
                throw new IllegalArgumentException("index " + i + " is outside [0, " + m + ")");
            }
            if (!seen[i]) {
                seen[i] = true;
                unique++;
            }
        }
        return (double) unique / m;
    }

    /** 1 − (1 − 1/m)^m, the expected fraction of distinct examples in a replicate of size m. */
    public static double expectedUniqueFraction(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("m must be ≥ 1, got " + m);
        }
        return 1 - Math.pow(1 - 1.0 / m, m);
    }
}
