package descent.optim;

import descent.functions.Quadratic;
import descent.nn.Param;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DeltaBarDeltaTest {

    /** Hand calculation: f = x² from x = 1, ε₀ = 0.1, κ = 0.01, φ = 0.5, θ = 0.5. */
    @Test
    void threeStepsByHand() {
        // step 1: g = 2, d̄ = 0 → no change, ε = 0.1; d̄ = 1; x = 1 − 0.2 = 0.8
        // step 2: g = 1.6, g·d̄ > 0 → ε = 0.11; d̄ = 0.8 + 0.5 = 1.3; x = 0.8 − 0.176 = 0.624
        // step 3: g = 1.248 > 0 → ε = 0.12; d̄ = 0.624 + 0.65 = 1.274; x = 0.624 − 0.14976 = 0.47424
        Trajectory t = Trajectory.run(Quadratic.bowl(1), new double[]{1}, ps -> new DeltaBarDelta(ps, 0.1, 0.01, 0.5, 0.5), 3);
        assertEquals(0.8, t.points()[1][0], 1e-15);
        assertEquals(0.624, t.points()[2][0], 1e-15);
        assertEquals(0.47424, t.points()[3][0], 1e-15);
    }

    @Test
    void ratesGrowUnderASteadySignAndShrinkWhenItFlips() {
        Param p = Param.vector("θ", 0, 0);
        DeltaBarDelta dbd = new DeltaBarDelta(List.of(p), 0.1, 0.01, 0.5, 0.0);
        int[] k = {0};
        for (int s = 0; s < 5; s++) {
            dbd.step(() -> {
                p.grad().data[0] = 1;                          // always positive
                p.grad().data[1] = k[0]++ % 2 == 0 ? 1 : -1;   // alternating
                return 0;
            });
        }
        assertEquals(0.1 + 4 * 0.01, dbd.rates(0)[0], 1e-15);   // four agreeing comparisons after the first step
        assertEquals(0.1 * Math.pow(0.5, 4), dbd.rates(0)[1], 1e-15);
        dbd.reset();
        assertArrayEquals(new double[]{0.1, 0.1}, dbd.rates(0), 0);
        assertThrows(IllegalArgumentException.class, () -> new DeltaBarDelta(List.of(p), 0.1, 0.01, 1.0, 0.5));
    }
}
