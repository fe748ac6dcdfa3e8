package descent.compress;

import descent.nn.Param;

import java.util.Arrays;

/**
 * Weight quantization (Aggarwal §3.7.3, citing Han et al. 2016): store each weight as a b-bit index into a codebook of
 * 2ᵇ shared values. Two ways of choosing the codebook:
 * <ul>
 *   <li>{@link #uniform}: 2ᵇ equally spaced levels from min w to max w; a weight goes to the nearest level, so the
 *   error is at most half a step Δ = (max − min)/(2ᵇ − 1);</li>
 *   <li>{@link #kMeans}: one-dimensional k-means (Lloyd's algorithm) started from those uniform levels ("linear
 *   initialization", the one Han et al. found best). Each Lloyd step never increases Σ(w − c(w))², so k-means is never
 *   worse than uniform in squared error.</li>
 * </ul>
 * Sizes ({@link Quantized#denseBits}, {@link Quantized#fixedBits}, {@link Quantized#huffmanBits}) count 32-bit floats
 * for the uncompressed weights and the codebook, as Han et al. do.
 */
public final class Quantizer {

    private Quantizer() {
    }

    /**
     * A quantized tensor: {@code codes[i]} indexes {@code codebook}.
     */
    public record Quantized(double[] codebook, int[] codes, int bits) {

        /** The weights the codes stand for. */
        public double[] values() {
            double[] v = new double[codes.length];
            for (int i = 0; i < codes.length; i++) {
                v[i] = codebook[codes[i]];
            }
            return v;
        }

        /** How often each code occurs. */
        public long[] counts() {
            long[] c = new long[codebook.length];
            for (int code : codes) {
                c[code]++;
            }
            return c;
        }

        /** n weights as 32-bit floats. */
        public long denseBits() {
            return 32L * codes.length;
        }

        /** n·b bits of codes plus the codebook as 32-bit floats. */
        public long fixedBits() {
            return (long) bits * codes.length + 32L * codebook.length;
        }

        /** Huffman-coded codes plus the codebook as 32-bit floats (the code table itself, a few bytes, is not counted). */
        public long huffmanBits() {
            return Huffman.codedBits(counts()) + 32L * codebook.length;
        }

        /** Σ (w − c(w))² against the original weights. */
        public double squaredError(double[] w) {
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                double d = w[i] - codebook[codes[i]];
                s += d * d;
            }
            return s;
        }
    }

    /** Uniform quantization to 2ᵇ levels over [min w, max w], nearest level. */
    public static Quantized uniform(double[] w, int bits) {
        check(w, bits);
        double lo = Arrays.stream(w).min().orElseThrow(), hi = Arrays.stream(w).max().orElseThrow();
        int k = 1 << bits;
        double[] book = new double[k];
        for (int c = 0; c < k; c++) {
            book[c] = hi == lo ? lo : lo + (hi - lo) * c / (k - 1);
        }
        int[] codes = new int[w.length];
        double step = (hi - lo) / (k - 1);
        for (int i = 0; i < w.length; i++) {
            codes[i] = step == 0 ? 0 : (int) Math.min(k - 1, Math.max(0, Math.round((w[i] - lo) / step)));
        }
        return new Quantized(book, codes, bits);
    }

    /**
     * One-dimensional k-means with k = 2ᵇ, started from the uniform levels, iterated until no weight changes cluster
     * (or {@code maxIterations}). An empty cluster keeps its centre.
     */
    public static Quantized kMeans(double[] w, int bits, int maxIterations) {
        if (maxIterations < 0) {
            throw new IllegalArgumentException("k-means needs maxIterations ≥ 0, got " + maxIterations);
        }
        Quantized q = uniform(w, bits);
        double[] book = q.codebook().clone();
        int[] codes = q.codes().clone();
        int k = book.length;
        double[] sum = new double[k];
        long[] count = new long[k];
        for (int it = 0; it < maxIterations; it++) {
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            for (int i = 0; i < w.length; i++) {
                sum[codes[i]] += w[i];
                count[codes[i]]++;
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    book[c] = sum[c] / count[c];
                }
            }
            // the centres stay sorted (each is a mean of a contiguous run of sorted weights), so nearest = binary search
            boolean changed = false;
            for (int i = 0; i < w.length; i++) {
                int c = nearest(book, w[i]);
                if (c != codes[i]) {
                    codes[i] = c;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return new Quantized(book, codes, bits);
    }

    /** Replaces the values of {@code p} by their quantized values; returns the quantization. */
    public static Quantized apply(Param p, Quantized q) {
        if (q.codes().length != p.size()) {
            throw new IllegalArgumentException("quantization of " + q.codes().length + " weights does not fit " + p);
        }
        System.arraycopy(q.values(), 0, p.value().data, 0, p.size());
        return q;
    }

    private static int nearest(double[] sortedBook, double v) {
        int lo = 0, hi = sortedBook.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (sortedBook[mid] <= v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.abs(v - sortedBook[lo]) <= Math.abs(sortedBook[hi] - v) ? lo : hi;
    }

    private static void check(double[] w, int bits) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("quantization needs 1 to 16 bits per weight, got " + bits);
        }
        if (w.length == 0) {
            throw new IllegalArgumentException("nothing to quantize: the weight array is empty");
        }
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException("cannot quantize: weight " + i + " is " + w[i]);
            }
        }
    }
}
