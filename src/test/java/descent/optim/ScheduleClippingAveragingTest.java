package descent.optim;

import descent.nn.Param;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ScheduleClippingAveragingTest {

    @Test
    void linearDecayFollowsEquation814() {
        Schedule s = Schedule.linear(0.1, 0.001, 100);
        assertEquals(0.1, s.rate(0), 1e-15);
        assertEquals(0.0505, s.rate(50), 1e-15);  // ½·0.1 + ½·0.001
        assertEquals(0.001, s.rate(100), 1e-15);
        assertEquals(0.001, s.rate(10_000), 1e-15);
    }

    @Test
    void closedFormSchedulesAtHandPickedSteps() {
        assertEquals(0.025, Schedule.step(0.1, 0.5, 10).rate(25), 1e-15);      // halve every 10: two halvings
        assertEquals(0.1, Schedule.step(0.1, 0.5, 10).rate(9), 1e-15);
        assertEquals(0.36787944117144233, Schedule.exponential(1, 0.5).rate(2), 1e-15); // e⁻¹
        assertEquals(0.025, Schedule.inverseTime(0.1, 1).rate(3), 1e-15);
        assertEquals(0.005, Schedule.kerasTimeBased(0.01, 0.01).rate(100), 1e-15); // Srihari's slides (Keras time-based decay): halves after 100 updates
        assertEquals(1, Schedule.cosine(1, 0, 10).rate(0), 1e-15);
        assertEquals(0.5, Schedule.cosine(1, 0, 10).rate(5), 1e-15);
        assertEquals(0, Schedule.cosine(1, 0, 10).rate(10), 1e-15);
        assertEquals(0.2, Schedule.cosine(1, 0.2, 10).rate(50), 1e-15);
        assertArrayEquals(new double[]{0.025, 0.05, 0.075, 0.1, 0.1}, Schedule.values(Schedule.warmup(4, Schedule.constant(0.1)), 5), 1e-15);
        assertEquals(0.3, Schedule.constant(0.3).rate(123), 0);
    }

    @Test
    void decayingSchedulesNeverIncrease() {
        for (Schedule s : List.of(Schedule.linear(1, 0.01, 50), Schedule.step(1, 0.5, 3), Schedule.exponential(1, 0.1),
                Schedule.inverseTime(1, 0.3), Schedule.cosine(1, 0, 40))) {
            double[] v = Schedule.values(s, 100);
            for (int k = 1; k < v.length; k++) {
                assertTrue(v[k] <= v[k - 1], s.label() + " rose at k = " + k);
            }
        }
    }

    @Test
    void robbinsMonroSums() {
        Schedule.Sums c = Schedule.partialSums(Schedule.constant(0.1), 1000);
        assertEquals(100, c.sum(), 1e-9);
        assertEquals(10, c.sumOfSquares(), 1e-9);
        // ε_k = 1/(k+1): Σε ≈ ln K + γ grows without bound; Σε² → π²/6
        Schedule.Sums h = Schedule.partialSums(Schedule.inverseTime(1, 1), 1_000_000);
        assertEquals(Math.log(1e6) + 0.5772156649, h.sum(), 1e-5);
        assertEquals(Math.PI * Math.PI / 6 - 1e-6, h.sumOfSquares(), 1e-9);
    }

    @Test
    void schedulesValidateTheirArguments() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.step(0.1, 1.5, 10)).getMessage().contains("1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.linear(0.1, 0.001, 0)).getMessage().contains("0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.exponential(-1, 0.1)).getMessage().contains("-1"));
    }

    @Test
    void reduceOnPlateauCutsAfterPatienceRunsOut() {
        ReduceOnPlateau r = new ReduceOnPlateau(1, 0.5, 2, 0, 0.1);
        assertEquals(1, r.observe(1.0));
        assertEquals(1, r.observe(0.9));
        assertEquals(1, r.observe(0.9));   // 1 without improvement
        assertEquals(1, r.observe(0.95));  // 2
        assertEquals(0.5, r.observe(0.9)); // 3 > patience
        assertEquals(0.5, r.observe(0.5)); // improvement
        for (int k = 0; k < 20; k++) {
            r.observe(0.5);
        }
        assertEquals(0.1, r.rate(), 0);    // floored at minRate
    }

    @Test
    void clipByNormKeepsDirectionAndCapsTheNorm() {
        Param a = Param.vector("a", 0, 0), b = Param.vector("b", 0);
        a.grad().data[0] = 3;
        b.grad().data[0] = 4;
        assertEquals(5, Clipping.byNorm(List.of(a, b), 1), 1e-15);
        assertArrayEquals(new double[]{0.6, 0}, a.grad().data, 1e-15);
        assertEquals(0.8, b.grad().data[0], 1e-15);
        assertEquals(1, Clipping.byNorm(List.of(a, b), 10), 1e-15); // already inside: unchanged
        assertEquals(0.8, b.grad().data[0], 1e-15);
        double[] g = {-6, 8};
        assertEquals(10, Clipping.byNorm(g, 5), 1e-15);
        assertArrayEquals(new double[]{-3, 4}, g, 1e-15);
    }

    @Test
    void clipByValueIsComponentwise() {
        Param p = Param.vector("p", 0, 0, 0);
        p.grad().data[0] = 3;
        p.grad().data[1] = -4;
        p.grad().data[2] = 1;
        assertEquals(2, Clipping.byValue(List.of(p), 2));
        assertArrayEquals(new double[]{2, -2, 1}, p.grad().data, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Clipping.byValue(List.of(p), -1)).getMessage().contains("-1"));
    }

    @Test
    void runningMeanAndExponentialAverage() {
        Param p = Param.vector("θ", 0);
        Averaging mean = Averaging.runningMean(List.of(p));
        Averaging ema = Averaging.exponential(List.of(p), 0.5);
        for (double v : new double[]{1, 2, 3}) {
            p.value().data[0] = v;
            mean.update();
            ema.update();
        }
        assertEquals(2, mean.average(0)[0], 1e-15);
        assertEquals(2.25, ema.average(0)[0], 1e-15); // 1 → ½·2 + ½·1 = 1.5 → ½·3 + ½·1.5 = 2.25
        double[] seen = new double[1];
        ema.withAverage(() -> seen[0] = p.value().data[0]);
        assertEquals(2.25, seen[0], 0);
        assertEquals(3, p.value().data[0], 0); // restored
    }

    /** Aggarwal §3.5.7: the recursive and the explicit exponential averages agree up to a term decaying like βᵗ. */
    @Test
    void recursiveAndExplicitExponentialAveragesConverge() {
        Random rng = new Random(3);
        double beta = 0.9;
        Param p = Param.vector("θ", 0);
        Averaging ema = Averaging.exponential(List.of(p), beta);
        double[] w = new double[201];
        double walk = 0;
        for (int t = 1; t <= 200; t++) {
            walk += rng.nextGaussian();
            w[t] = walk;
            p.value().data[0] = walk;
            ema.update();
        }
        double num = 0, den = 0;
        for (int i = 1; i <= 200; i++) {
            num += Math.pow(beta, 200 - i) * w[i];
            den += Math.pow(beta, 200 - i);
        }
        assertEquals(num / den, ema.average(0)[0], 1e-6);
    }
}
