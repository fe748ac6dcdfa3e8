package descent.optim;

import descent.nn.Param;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sliced step (beginSlicedStep, then stepSlice over ranges that cover the flat parameter vector) is Adam's or
 * AdamW's step, bit for bit, wherever the cuts fall: the one update loop of {@code AdaptiveMoments} serves both.
 */
class AdamSlicedStepTest {

    static List<Param> params(long seed) {
        Random rng = new Random(seed);
        Param a = Param.vector("a", new double[7]), b = Param.vector("b", new double[1]), c = Param.vector("c", new double[12]);
        for (Param p : List.of(a, b, c)) {
            for (int j = 0; j < p.size(); j++) {
                p.value().data[j] = rng.nextGaussian();
            }
        }
        return List.of(a, b, c);
    }

    static void gradients(List<Param> ps, int step) {
        Random rng = new Random(100 + step);
        for (Param p : ps) {
            for (int j = 0; j < p.size(); j++) {
                p.grad().data[j] = rng.nextGaussian() * (j + 1);
            }
        }
    }

    /** Runs 6 steps with step() and 6 with slices cut at random points; the values must be equal bit for bit. */
    static void sameAsStep(Function<List<Param>, Optimizer> make) {
        List<Param> whole = params(1), sliced = params(1);
        Optimizer a = make.apply(whole), b = make.apply(sliced);
        assertTrue(b.supportsSlicedSteps(), b.name());
        assertEquals(20, b.dimension());
        Random cuts = new Random(2);
        for (int s = 0; s < 6; s++) {
            gradients(whole, s);
            gradients(sliced, s);
            a.setLearningRate(a.learningRate() * 0.9);
            b.setLearningRate(b.learningRate() * 0.9);
            a.step();
            b.beginSlicedStep();
            // cut [0, 20) into pieces in a shuffled order (the order of slices does not matter either)
            int mid = 1 + cuts.nextInt(18);
            b.stepSlice(mid, 20);
            b.stepSlice(0, mid);
        }
        for (int i = 0; i < whole.size(); i++) {
            for (int j = 0; j < whole.get(i).size(); j++) {
                assertEquals(Double.doubleToRawLongBits(whole.get(i).value().data[j]),
                        Double.doubleToRawLongBits(sliced.get(i).value().data[j]), b.name() + " " + whole.get(i).name() + "[" + j + "]");
            }
        }
        assertEquals(a.steps(), b.steps());
    }

    @Test
    void adamSlicesAreAdamSteps() {
        sameAsStep(p -> new Adam(p, 0.05));
        sameAsStep(p -> new Adam(p, 0.05).withL2(0.01));
        sameAsStep(p -> new Adam(p, 0.05).withoutBiasCorrection());
    }

    @Test
    void adamWSlicesAreAdamWSteps() {
        sameAsStep(p -> new AdamW(p, 0.05, 0.9, 0.999, 1e-8, 0.02));
    }

    @Test
    void adamOnTheFirstStepMovesEveryCoordinateByTheStepSize() {
        // Alg. 8.7 at t = 1: ŝ = g, r̂ = g², so Δθ = −ε g/(|g| + δ) ≈ −ε sign(g), computed through the shared loop
        List<Param> ps = params(3);
        double[] before = ps.get(2).value().data.clone();
        gradients(ps, 0);
        new Adam(ps, 0.1, 0.9, 0.999, 0).step();
        for (int j = 0; j < before.length; j++) {
            double g = ps.get(2).grad().data[j];
            assertEquals(before[j] - 0.1 * Math.signum(g), ps.get(2).value().data[j], 1e-15);
        }
    }

    @Test
    void optimizersThatAreNotElementwiseRefuseSlices() {
        Optimizer sgd = new SGD(params(4), 0.1);
        assertFalse(sgd.supportsSlicedSteps());
        var e = assertThrows(UnsupportedOperationException.class, sgd::beginSlicedStep);
        assertTrue(e.getMessage().contains("slice by slice"), e.getMessage());
        Optimizer adam = new Adam(params(4));
        adam.beginSlicedStep();
        var r = assertThrows(IllegalArgumentException.class, () -> adam.stepSlice(5, 21));
        assertTrue(r.getMessage().contains("[5, 21)") && r.getMessage().contains("20"), r.getMessage());
    }
}
