package descent.compress;

import descent.linalg.Blas;
import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Param;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * A linear layer whose n_in × n_out weights are hashed into K shared buckets (Aggarwal §3.7.3, "hash-based
 * compression"; Chen et al. 2015, HashedNets): position (i, j) uses the weight z_{h(i,j)} of bucket h(i, j), so the layer
 * stores K numbers instead of n_in·n_out (plus the biases). It is a layer with shared weights, so backprop gives each
 * bucket the sum of the gradients of its member positions (§3.2.9):
 * <pre>
 *   W_ij = z_{h(i,j)},   y = xW + b,   ∂L/∂z_k = Σ_{(i,j): h(i,j)=k} ∂L/∂W_ij,   ∂L/∂W = xᵀ ∂L/∂y
 * </pre>
 * h is a fixed seeded hash of the position (no table is stored: the bucket is recomputed from (i, j)). The book's
 * example: 100 × 100 = 10⁴ positions in 1000 buckets of about 10 each, 10 % of the space.
 */
public final class HashedLinear implements Layer {

    private final String name;
    private final int in;
    private final int out;
    private final int buckets;
    private final long seed;
    private final Param z;
    private final Param bias;
    private final int[] bucketOf;

    /** Bucket weights drawn from N(0, std²) with {@code rng}; biases zero. */
    public HashedLinear(String name, int in, int out, int buckets, long hashSeed, double std, Random rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("HashedLinear " + name + " needs positive sizes, got " + in + "→" + out);
        }
        if (buckets < 1 || buckets > (long) in * out) {
            throw new IllegalArgumentException("HashedLinear " + name + ": the bucket count K = " + buckets
                    + " must lie in 1 … n_in·n_out = " + (long) in * out);
        }
        if (!(std >= 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("HashedLinear " + name + ": initial std must be finite and ≥ 0, got " + std);
        }
        this.name = name;
        this.in = in;
        this.out = out;
        this.buckets = buckets;
        this.seed = hashSeed;
        this.z = new Param(name + ".z", new DMatrixRMaj(1, buckets));
        this.bias = new Param(name + ".b", new DMatrixRMaj(1, out), Param.Role.BIAS);
        for (int k = 0; k < buckets; k++) {
            z.value().data[k] = std * rng.nextGaussian();
        }
        // the hash is a pure function of (i, j, seed); the table is a cache of it for speed, not stored state
        this.bucketOf = new int[in * out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                bucketOf[i * out + j] = hash(i, j, hashSeed, buckets);
            }
        }
    }

    /** h(i, j) ∈ [0, K): SplitMix64's finalizer applied to the position and the seed. */
    public static int hash(int i, int j, long seed, int buckets) {
        long x = (((long) i << 32) ^ (j & 0xffffffffL)) + seed * 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return (int) Math.floorMod(x, (long) buckets);
    }

    public int bucket(int i, int j) {
        return bucketOf[i * out + j];
    }

    public int buckets() {
        return buckets;
    }

    public long hashSeed() {
        return seed;
    }

    public Param bucketWeights() {
        return z;
    }

    public Param bias() {
        return bias;
    }

    @Override
    public String name() {
        return name + " (HashedLinear " + in + "→" + out + ", K = " + buckets + ")";
    }

    @Override
    public List<Param> params() {
        return List.of(z, bias);
    }

    /** The full weight matrix W (n_in × n_out) the buckets stand for, written into {@code w}. */
    public void weight(DMatrixRMaj w) {
        Layer.requireShape(this, "weight buffer", w, in, out);
        double[] zd = z.value().data;
        for (int p = 0; p < in * out; p++) {
            w.data[p] = zd[bucketOf[p]];
        }
    }

    // cache buffers: 0 = W; 1 = ∂L/∂W

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Cache cache) {
        if (x.numCols != in) {
            throw new IllegalArgumentException(String.format("layer %s: input %s does not fit (the input needs %d columns)",
                    name(), Blas.shape(x), in));
        }
        cache.setInput(x);
        DMatrixRMaj w = cache.buffer(0, in, out);
        weight(w);
        DMatrixRMaj y = cache.output(x.numRows, out);
        for (int r = 0; r < x.numRows; r++) {
            System.arraycopy(bias.value().data, 0, y.data, r * out, out);
        }
        Blas.gemm(false, false, 1.0, x, w, 1.0, y);
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        DMatrixRMaj x = cache.input();
        Layer.requireShape(this, "upstream gradient", gradOut, x.numRows, out);
        DMatrixRMaj dw = cache.buffer(1, in, out);
        Blas.gemm(true, false, 1.0, x, gradOut, 0.0, dw);
        double[] dz = z.grad().data;
        for (int p = 0; p < in * out; p++) {
            dz[bucketOf[p]] += dw.data[p];
        }
        double[] db = bias.grad().data;
        for (int r = 0; r < x.numRows; r++) {
            for (int j = 0; j < out; j++) {
                db[j] += gradOut.data[r * out + j];
            }
        }
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj gin = cache.gradInput(x.numRows, in);
        Blas.gemm(false, true, 1.0, gradOut, cache.buffer(0, in, out), 0.0, gin);
        return gin;
    }
}
