package descent.compress;

import java.util.PriorityQueue;

/**
 * Huffman coding's code lengths (Huffman 1952), for the size of quantized weights stored with a variable-length code
 * (the last stage of Han et al.'s pipeline cited in Aggarwal §3.7.3). Frequent codes get short code words; the total
 * Σ count·length is the smallest any prefix code achieves, and lies within one bit per symbol of the entropy.
 */
public final class Huffman {

    private Huffman() {
    }

    /**
     * Code-word length of every symbol with the given counts (0 for a symbol that never occurs; 1 when a single symbol
     * occurs, which still needs one bit per occurrence).
     */
    public static int[] codeLengths(long[] counts) {
        int n = counts.length;
        int[] parent = new int[2 * n];
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int i = 0; i < n; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("Huffman: count of symbol " + i + " is negative: " + counts[i]);
            }
            if (counts[i] > 0) {
                queue.add(new long[]{counts[i], i});
            }
        }
        int[] len = new int[n];
        if (queue.size() == 1) {
            len[(int) queue.peek()[1]] = 1;
            return len;
        }
        int next = n;
        java.util.Arrays.fill(parent, -1);
        while (queue.size() > 1) {
            long[] a = queue.poll(), b = queue.poll();
            parent[(int) a[1]] = next;
            parent[(int) b[1]] = next;
            queue.add(new long[]{a[0] + b[0], next++});
        }
        for (int i = 0; i < n; i++) {
            if (counts[i] > 0) {
                int d = 0;
                for (int p = parent[i]; p >= 0; p = parent[p]) {
                    d++;
                }
                len[i] = d;
            }
        }
        return len;
    }

    /** Σ count·length: the bits needed for the coded sequence (the code table not included). */
    public static long codedBits(long[] counts) {
        int[] len = codeLengths(counts);
        long bits = 0;
        for (int i = 0; i < counts.length; i++) {
            bits += counts[i] * len[i];
        }
        return bits;
    }

    /** The entropy bound Σ count·log₂(total/count), in bits. */
    public static double entropyBits(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                h += c * (Math.log((double) total / c) / Math.log(2));
            }
        }
        return h;
    }
}
