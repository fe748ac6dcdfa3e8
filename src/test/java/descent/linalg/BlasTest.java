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
}
