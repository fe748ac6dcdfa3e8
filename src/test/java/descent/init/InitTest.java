package descent.init;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class InitTest {

    private static double variance(DMatrixRMaj w) {
        double s = 0;
        double ss = 0;
        int n = w.getNumElements();
        for (int k = 0; k < n; k++) {
            s += w.data[k];
            ss += w.data[k] * w.data[k];
        }
        return ss / n - (s / n) * (s / n);
    }

    @Test
    void variancesMatchTheirRules() {
        DMatrixRMaj w = new DMatrixRMaj(200, 300);
        Init.xavier().fill(w, new Random(1));
        assertEquals(2.0 / 500, variance(w), 0.02 * 2.0 / 500);
        Init.xavierUniform().fill(w, new Random(1));
        assertEquals(2.0 / 500, variance(w), 0.02 * 2.0 / 500);
        Init.he().fill(w, new Random(1));
        assertEquals(2.0 / 200, variance(w), 0.02 * 2.0 / 200);
        Init.fanInNormal().fill(w, new Random(1));
        assertEquals(1.0 / 200, variance(w), 0.02 / 200);
        // §3.3.3 pitfall: U[−1/√r, 1/√r] has variance 1/(3r), not 1/r.
        Init.fanInUniform().fill(w, new Random(1));
        assertEquals(1.0 / 600, variance(w), 0.02 / 600);
    }

    @Test
    void sameSeedSameBits() {
        DMatrixRMaj a = new DMatrixRMaj(5, 5);
        DMatrixRMaj b = new DMatrixRMaj(5, 5);
        Init.he().fill(a, new Random(42));
        Init.he().fill(b, new Random(42));
        assertArrayEquals(a.data, b.data, 0);
        assertThrows(IllegalArgumentException.class, () -> Init.normal(-1));
    }
}
