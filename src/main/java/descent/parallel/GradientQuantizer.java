package descent.parallel;

/**
 * 8-bit gradient exchange (Aggarwal §3.7.2 cites Dettmers 2016, "8-bit approximations for parallelism in deep
 * learning", for the idea; the code here is the simplest linear variant, a supplement). The vector is cut into blocks
 * of B entries; each block is sent as one 8-byte scale s = max|g|/127 and one signed byte per entry:
 * <pre>
 *   q_i = round(g_i / s) ∈ [−127, 127],   ĝ_i = s·q_i,   |g_i − ĝ_i| ≤ s/2
 *   bytes: n + 8⌈n/B⌉ instead of 8n for doubles (4n for floats)
 * </pre>
 * With error feedback (Seide et al. 2014) the rounding error of each step is remembered and added to the next step's
 * gradient before quantizing, so nothing is lost for good: Σ_t ĝ_t = Σ_t g_t − e_T, with e_T the last residual.
 * One instance holds the residual of one sender.
 */
public final class GradientQuantizer {

    private final int blockSize;
    private final boolean errorFeedback;
    private double[] residual = new double[0];
    private byte[] codes = new byte[0];
    private double[] scales = new double[0];

    public GradientQuantizer(int blockSize, boolean errorFeedback) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("8-bit quantization needs a block size ≥ 1, got " + blockSize);
        }
        this.blockSize = blockSize;
        this.errorFeedback = errorFeedback;
    }

    /** Blocks of 256, with error feedback. */
    public GradientQuantizer() {
        this(256, true);
    }

    public int blockSize() {
        return blockSize;
    }

    public boolean errorFeedback() {
        return errorFeedback;
    }

    /** The bytes sent for n entries: one per entry plus an 8-byte scale per block. */
    public long bytes(int n) {
        return n + 8L * ((n + blockSize - 1) / blockSize);
    }

    /** The codes of the last {@link #roundTrip} (what would go over the wire), a view valid until the next call. */
    public byte[] lastCodes() {
        return codes;
    }

    /** The residual e carried to the next call (zeros without error feedback). */
    public double[] residual() {
        return residual.clone();
    }

    /**
     * Replaces g[0..n) by what the receiver reconstructs from the 8-bit message: encode (with the residual added first
     * when error feedback is on), decode, and keep the new residual. Allocates only on the first call for a given n.
     */
    public void roundTrip(double[] g, int n) {
        if (residual.length != n) {
            residual = new double[n];
            codes = new byte[n];
            scales = new double[(n + blockSize - 1) / blockSize];
        }
        for (int from = 0, b = 0; from < n; from += blockSize, b++) {
            int to = Math.min(n, from + blockSize);
            double max = 0;
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(g[i])) {
                    throw new IllegalArgumentException("cannot quantize a gradient holding " + g[i] + " (entry " + i + ")");
                }
                if (errorFeedback) {
                    g[i] += residual[i];
                }
                max = Math.max(max, Math.abs(g[i]));
            }
            double s = max / 127;
            scales[b] = s;
            for (int i = from; i < to; i++) {
                int q = s == 0 ? 0 : (int) Math.round(g[i] / s);
                codes[i] = (byte) q;
                double back = s * q;
                if (errorFeedback) {
                    residual[i] = g[i] - back;
                }
                g[i] = back;
            }
        }
    }
}
