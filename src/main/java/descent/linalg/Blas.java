package descent.linalg;

import dev.ludovic.netlib.blas.BLAS;
import org.ejml.data.DMatrixRMaj;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Matrix products for the hot paths, done by BLAS on EJML's row-major arrays.
 *
 * <p>{@code dev.ludovic.netlib:blas} loads the system BLAS through JNI when it can (on Debian,
 * {@code libopenblas0} provides {@code libblas.so.3}) and otherwise falls back to its own Java code.
 * Both give the same numbers up to rounding; {@link #implementation()} says which one is active.
 *
 * <p>BLAS is column-major. A row-major m×n array is the column-major n×m transpose, so
 * C = op(A)·op(B) is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ with the operands swapped, and no data is copied.
 */
public final class Blas {

    private static final String NATIVE_LIB_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
    private static final String NATIVE_LIB = "dev.ludovic.netlib.blas.nativeLib";
    private static final BLAS BLAS_INSTANCE = load();
    // netlib's dgemm checks that offset + columns·ld fits in the array, which a block of columns other than the first
    // never does (its last row ends before the array's end); the block gemm below checks the exact extent itself and
    // calls the kernel behind that check
    private static final MethodHandle DGEMM_KERNEL = kernel();

    // opt-in timing of gemm for benchmarks (only the thread that switched it on is timed; off by default, then a
    // branch and nothing else)
    private static boolean timing;
    private static Thread timedThread;
    private static long gemmNanos;
    private static long gemmCalls;

    private Blas() {
    }

    /**
     * Starts (true) or stops accumulating the wall time spent inside {@link #gemm}, for benchmarks that split a step
     * into GEMM and everything else; starting resets the totals. Only the calling thread's products are counted (with
     * data-parallel workers, the calling thread is worker 0, whose time stands for every worker's).
     */
    public static void timeGemm(boolean on) {
        if (on) {
            gemmNanos = 0;
            gemmCalls = 0;
            timedThread = Thread.currentThread();
        }
        timing = on;
    }

    /** Nanoseconds spent in {@link #gemm} since {@link #timeGemm}(true). */
    public static long gemmNanos() {
        return gemmNanos;
    }

    /** Calls of {@link #gemm} since {@link #timeGemm}(true). */
    public static long gemmCalls() {
        return gemmCalls;
    }

    private static BLAS load() {
        // netlib's JNI shim dlopens "libblas.so", which only the -dev packages install; the runtime
        // package libopenblas0 registers libblas.so.3, so ask for that unless the user chose a library.
        if (System.getProperty(NATIVE_LIB_PATH) == null && System.getProperty(NATIVE_LIB) == null) {
            System.setProperty(NATIVE_LIB_PATH, "libblas.so.3");
        }
        // The fallback chain logs a WARNING per rejected implementation; the choice is reported by
        // implementation() instead, so keep notebooks and test logs quiet.
        java.util.logging.Logger.getLogger("dev.ludovic.netlib.blas").setLevel(java.util.logging.Level.SEVERE);
        return BLAS.getInstance();
    }

    /** netlib's unchecked dgemm kernel bound to the instance in use, or null (then the checked dgemm is called). */
    private static MethodHandle kernel() {
        try {
            Class<?> base = Class.forName("dev.ludovic.netlib.blas.AbstractBLAS");
            if (!base.isInstance(BLAS_INSTANCE)) {
                return null;
            }
            MethodHandle h = MethodHandles.privateLookupIn(base, MethodHandles.lookup()).findVirtual(base, "dgemmK", MethodType.methodType(void.class, String.class, String.class, int.class,
                            int.class, int.class, double.class, double[].class, int.class, int.class, double[].class,
                            int.class, int.class, double.class, double[].class, int.class, int.class));
            return h.bindTo(BLAS_INSTANCE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The BLAS in use, e.g. {@code "native (JNIBLAS → libblas.so.3)"} or {@code "Java fallback (Java11BLAS)"}. */
    public static String implementation() {
        String cls = BLAS_INSTANCE.getClass().getSimpleName();
        if (cls.startsWith("JNI")) {
            return "native (" + cls + " → " + System.getProperty(NATIVE_LIB_PATH, "lib" + System.getProperty(NATIVE_LIB, "blas") + ".so") + ")";
        }
        return "Java fallback (" + cls + ")";
    }

    /** True when the JNI route to a system BLAS loaded. */
    public static boolean isNative() {
        return BLAS_INSTANCE.getClass().getSimpleName().startsWith("JNI");
    }

    /** The underlying netlib instance, for level-1/2 routines not wrapped here. */
    public static BLAS blas() {
        return BLAS_INSTANCE;
    }

    /**
     * C ← α·op(A)·op(B) + β·C, where op(X) is X or Xᵀ. C must already have the result's shape and must
     * not share its array with A or B.
     *
     * @throws IllegalArgumentException naming the three shapes when they do not fit together
     */
    public static void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
                            double beta, DMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (k != kb || c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException(String.format(
                    "gemm: %s%s · %s%s cannot be written into C %s (need inner dimensions equal and C %dx%d)",
                    shape(a), transA ? "ᵀ" : "", shape(b), transB ? "ᵀ" : "", shape(c), m, n));
        }
        if (c.data == a.data || c.data == b.data) {
            throw new IllegalArgumentException("gemm: the output C " + shape(c) + " shares its array with an input");
        }
        gemm(transA, transB, m, n, k, alpha, a.data, 0, Math.max(1, a.numCols), b.data, 0, Math.max(1, b.numCols),
                beta, c.data, 0, Math.max(1, n));
    }

    /**
     * The same product on blocks of row-major arrays: C ← α·op(A)·op(B) + β·C with op(A) m×k, op(B) k×n and C m×n,
     * where each operand starts at an offset of its array and the next row of each begins {@code ld} entries after
     * the previous one (ld ≥ the block's stored width). Tensor-parallel training multiplies some rows, or some
     * columns, of a matrix this way without copying them out.
     *
     * @throws IllegalArgumentException naming the block when it does not fit inside its array
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                            double beta, double[] c, int cOffset, int ldc) {
        requireBlock("A", a, aOffset, lda, transA ? k : m, transA ? m : k);
        requireBlock("B", b, bOffset, ldb, transB ? n : k, transB ? k : n);
        requireBlock("C", c, cOffset, ldc, m, n);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            // BLAS leaves C untouched when k = 0 and β = 1; make β·C explicit for every β.
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[cOffset + i * ldc + j] *= beta;
                }
            }
            return;
        }
        boolean timed = timing && Thread.currentThread() == timedThread;
        long t0 = timed ? System.nanoTime() : 0;
        String tb = transB ? "T" : "N", ta = transA ? "T" : "N";
        if (DGEMM_KERNEL != null) {
            try {
                DGEMM_KERNEL.invokeExact(tb, ta, n, m, k, alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset, ldc);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("BLAS dgemm failed", e);
            }
        } else {
            BLAS_INSTANCE.dgemm(tb, ta, n, m, k, alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset, ldc);
        }
        if (timed) {
            gemmNanos += System.nanoTime() - t0;
            gemmCalls++;
        }
    }

    /** A block of rows×cols with row stride ld starting at offset must lie inside the array. */
    private static void requireBlock(String name, double[] x, int offset, int ld, int rows, int cols) {
        if (x == null || offset < 0 || rows < 0 || cols < 0 || ld < Math.max(1, cols)
                || (rows > 0 && cols > 0 && (long) offset + (long) (rows - 1) * ld + cols > x.length)) {
            throw new IllegalArgumentException(String.format(
                    "gemm: block %s of %dx%d at offset %d with row stride %d does not fit in an array of %s entries",
                    name, rows, cols, offset, ld, x == null ? "null" : String.valueOf(x.length)));
        }
    }

    /** C ← A·B (β = 0). */
    public static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        gemm(false, false, 1.0, a, b, 0.0, c);
    }

    /** Dot product of the first n entries of x and y. */
    public static double dot(int n, double[] x, double[] y) {
        return BLAS_INSTANCE.ddot(n, x, 1, y, 1);
    }

    /** y ← α·x + y over the first n entries. */
    public static void axpy(int n, double alpha, double[] x, double[] y) {
        BLAS_INSTANCE.daxpy(n, alpha, x, 1, y, 1);
    }

    /** Euclidean norm of the first n entries. */
    public static double nrm2(int n, double[] x) {
        return BLAS_INSTANCE.dnrm2(n, x, 1);
    }

    /** "rows×cols", the way every shape message in Descent writes a shape. */
    public static String shape(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }
}
