package descent.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class BlasTest {

    /** EJML's own products are the independent reference for every transpose combination. */
    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void gemmMatchesEjmlForEveryTransposeCombination(boolean ta, boolean tb) {
        Random rng = new Random(7);
        int m = 5, k = 3, n = 4;
        DMatrixRMaj a = ta ? RandomMatrices_DDRM.rectangle(k, m, rng) : RandomMatrices_DDRM.rectangle(m, k, rng);
        DMatrixRMaj b = tb ? RandomMatrices_DDRM.rectangle(n, k, rng) : RandomMatrices_DDRM.rectangle(k, n, rng);
        DMatrixRMaj c = RandomMatrices_DDRM.rectangle(m, n, rng);
        DMatrixRMaj expected = c.copy();
        DMatrixRMaj opA = ta ? CommonOps_DDRM.transpose(a, null) : a;
        DMatrixRMaj opB = tb ? CommonOps_DDRM.transpose(b, null) : b;
        DMatrixRMaj prod = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(opA, opB, prod);
        CommonOps_DDRM.add(2.0, prod, 0.5, expected, expected);

        Blas.gemm(ta, tb, 2.0, a, b, 0.5, c);

        for (int i = 0; i < m * n; i++) {
            assertEquals(expected.data[i], c.data[i], 1e-12, "entry " + i);
        }
    }

    @Test
    void shapeMismatchNamesAllThreeShapes() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3), b = new DMatrixRMaj(4, 5), c = new DMatrixRMaj(2, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Blas.mult(a, b, c));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("4x5") && e.getMessage().contains("2x5"),
                e.getMessage());
    }

    @Test
    void outputMayNotAliasAnInput() {
        DMatrixRMaj a = new DMatrixRMaj(3, 3);
        assertThrows(IllegalArgumentException.class, () -> Blas.mult(a, a.copy(), a));
    }

    @Test
    void emptyInnerDimensionScalesC() {
        DMatrixRMaj a = new DMatrixRMaj(2, 0), b = new DMatrixRMaj(0, 2);
        DMatrixRMaj c = new DMatrixRMaj(new double[][]{{1, 2}, {3, 4}});
        Blas.gemm(false, false, 1, a, b, 0.5, c);
        assertArrayEquals(new double[]{0.5, 1, 1.5, 2}, c.data, 0);
    }

    @Test
    void levelOneRoutines() {
        double[] x = {3, 4, 100}, y = {1, 2, 100};
        assertEquals(11, Blas.dot(2, x, y), 0);
        assertEquals(5, Blas.nrm2(2, x), 1e-15);
        Blas.axpy(2, 2, x, y);
        assertArrayEquals(new double[]{7, 10, 100}, y, 0);
    }

    @Test
    void reportsWhichImplementationIsActive() {
        String impl = Blas.implementation();
        assertTrue(impl.startsWith("native") || impl.startsWith("Java fallback"), impl);
        assertEquals(impl.startsWith("native"), Blas.isNative());
    }

    /** The block at rows [r0, r0+rows), columns [c0, c0+cols) of m, copied out (or transposed). */
    private static DMatrixRMaj block(DMatrixRMaj m, int r0, int c0, int rows, int cols, boolean transpose) {
        DMatrixRMaj b = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.extract(m, r0, r0 + rows, c0, c0 + cols, b, 0, 0);
        return transpose ? CommonOps_DDRM.transpose(b, null) : b;
    }

    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void blockGemmEqualsTheProductOfTheCopiedBlocks(boolean ta, boolean tb) {
        Random rng = new Random(11);
        // op(A) 5×4 from a block of a 9×10 array, op(B) 4×3 from an 8×7 array, C 5×3 into columns 4..6 of a 7×9 array:
        // the last two blocks do not start in column 0 (netlib's own check refuses those; Blas.gemm must not)
        int m = 5, k = 4, n = 3;
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(9, 10, -1, 1, rng), b = RandomMatrices_DDRM.rectangle(8, 7, -1, 1, rng);
        DMatrixRMaj c = RandomMatrices_DDRM.rectangle(7, 9, -1, 1, rng), c0 = c.copy();
        int ar = 2, ac = 1, br = 3, bc = 3, cr = 2, cc = 6;
        int aRows = ta ? k : m, aCols = ta ? m : k, bRows = tb ? n : k, bCols = tb ? k : n;
        Blas.gemm(ta, tb, m, n, k, 0.5, a.data, ar * 10 + ac, 10, b.data, br * 7 + bc, 7, 2.0, c.data, cr * 9 + cc, 9);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(block(a, ar, ac, aRows, aCols, ta), block(b, br, bc, bRows, bCols, tb), expected);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 9; j++) {
                boolean inside = i >= cr && i < cr + m && j >= cc && j < cc + n;
                double want = inside ? 0.5 * expected.get(i - cr, j - cc) + 2.0 * c0.get(i, j) : c0.get(i, j);
                assertEquals(want, c.get(i, j), 1e-14, "C(" + i + "," + j + ")" + (inside ? "" : " outside the block changed"));
            }
        }
    }

    @Test
    void aBlockOutsideItsArrayIsNamed() {
        double[] a = new double[12], b = new double[12], c = new double[12];
        // C of 3×3 at offset 4 with stride 4 needs entries up to 4 + 2·4 + 3 = 15 > 12
        var e = assertThrows(IllegalArgumentException.class,
                () -> Blas.gemm(false, false, 3, 3, 2, 1, a, 0, 2, b, 0, 3, 0, c, 4, 4));
        assertTrue(e.getMessage().contains("block C of 3x3 at offset 4 with row stride 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas.gemm(false, false, 2, 2, 2, 1, a, 0, 1, b, 0, 2, 0, c, 0, 2));
        assertTrue(e.getMessage().contains("block A") && e.getMessage().contains("row stride 1"), e.getMessage());
    }

    /**
     * What ShardedDataParallel's "the plain path's bits" rests on: with the system BLAS, the rows [0, s) and [s, m) of a
     * product, computed by two calls, equal the whole product's rows bit for bit when s is even (the splits two threads
     * make of a batch of 128 or 96 rows, and of W₁'s 784 rows). OpenBLAS here rounds some blocks that start at an odd row
     * differently, which docs/capstone.md reports; the Java fallback is not checked.
     */
    @ParameterizedTest
    @CsvSource({"128,784,256,64", "96,784,256,48", "128,256,128,64", "128,784,256,32"})
    void rowBlocksStartingAtAnEvenRowGiveTheWholeProductsBits(int m, int k, int n, int s) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Blas.isNative(), "the Java fallback BLAS is not checked");
        Random rng = new Random(5);
        double[] x = new double[m * k], w = new double[k * n], g = new double[m * n];
        for (double[] v : new double[][]{x, w, g}) {
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextGaussian();
            }
        }
        // forward: Z = X·W over the batch's rows, split at row s of the batch
        double[] whole = new double[m * n], parts = new double[m * n];
        Blas.gemm(false, false, m, n, k, 1.0, x, 0, k, w, 0, n, 0.0, whole, 0, n);
        Blas.gemm(false, false, s, n, k, 1.0, x, 0, k, w, 0, n, 0.0, parts, 0, n);
        Blas.gemm(false, false, m - s, n, k, 1.0, x, s * k, k, w, 0, n, 0.0, parts, s * n, n);
        assertArrayEquals(whole, parts, 0.0, "X·W split at batch row " + s);
        // weight gradient: ∂W = Xᵀ·G, split at row k/2 of ∂W (an even row for these shapes)
        int r = k / 2;
        double[] dWhole = new double[k * n], dParts = new double[k * n];
        Blas.gemm(true, false, k, n, m, 1.0, x, 0, k, g, 0, n, 0.0, dWhole, 0, n);
        Blas.gemm(true, false, r, n, m, 1.0, x, 0, k, g, 0, n, 0.0, dParts, 0, n);
        Blas.gemm(true, false, k - r, n, m, 1.0, x, r, k, g, 0, n, 0.0, dParts, r * n, n);
        assertArrayEquals(dWhole, dParts, 0.0, "Xᵀ·G split at row " + r);
    }
}
