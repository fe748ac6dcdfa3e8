package firstorder;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The graded checks of exercise 02.10 against the reference solution and against typical wrong answers: each wrong
 * answer must fail at least one check, and each check must tell at least one wrong answer from the right one.
 */
class PowerSumDescentWrongAnswersTest {

    /** A descent with a configurable gradient and bookkeeping. */
    static PowerSumDescentTest.Descent descent(double cx, double powY, double cy, int sign, boolean includeStart) {
        return (x0, y0, rate, steps) -> {
            double[][] p = new double[includeStart ? steps + 1 : steps][];
            double x = x0, y = y0;
            int at = 0;
            if (includeStart) {
                p[at++] = new double[]{x, y};
            }
            for (int k = 0; k < steps; k++) {
                double gx = cx * x, gy = cy * Math.pow(y, powY);
                x -= sign * rate * gx;
                y -= sign * rate * gy;
                p[at++] = new double[]{x, y};
            }
            return p;
        };
    }

    static final List<Consumer<PowerSumDescentTest.Descent>> CHECKS = List.of(
            PowerSumDescentTest::firstStepsByHand,
            PowerSumDescentTest::pathStartsAtTheStartAndHasStepsPlusOnePoints,
            PowerSumDescentTest::vanishingGradientNearTheOrigin,
            PowerSumDescentTest::explodingGradientFarAway,
            PowerSumDescentTest::smallRateIsStableFromBothStarts);

    @Test
    void theSolutionPassesEveryCheck() {
        for (Consumer<PowerSumDescentTest.Descent> check : CHECKS) {
            assertDoesNotThrow(() -> check.accept(PowerSumDescent::path));
        }
    }

    @Test
    void typicalWrongAnswersFail() {
        // ascent instead of descent; derivative of y¹⁰ taken as 9y⁹ or 10y¹⁰; x's derivative without the 2;
        // the path without its start point
        assertThrows(AssertionError.class, () -> PowerSumDescentTest.firstStepsByHand(descent(2, 9, 10, -1, true)));
        assertThrows(AssertionError.class, () -> PowerSumDescentTest.firstStepsByHand(descent(2, 9, 9, 1, true)));
        assertThrows(AssertionError.class, () -> PowerSumDescentTest.firstStepsByHand(descent(2, 10, 10, 1, true)));
        assertThrows(AssertionError.class, () -> PowerSumDescentTest.firstStepsByHand(descent(1, 9, 10, 1, true)));
        assertThrows(Throwable.class,
                () -> PowerSumDescentTest.pathStartsAtTheStartAndHasStepsPlusOnePoints(descent(2, 9, 10, 1, false)));
        // the long runs catch the same mistakes even when the first step is not looked at
        assertThrows(AssertionError.class, () -> PowerSumDescentTest.vanishingGradientNearTheOrigin(descent(2, 9, 9, 1, true)));
        assertThrows(AssertionError.class, () -> PowerSumDescentTest.smallRateIsStableFromBothStarts(descent(1, 9, 10, 1, true)));
        assertThrows(AssertionError.class, () -> PowerSumDescentTest.explodingGradientFarAway(descent(2, 9, 9, 1, true)));
        assertDoesNotThrow(() -> PowerSumDescentTest.explodingGradientFarAway(descent(2, 9, 10, 1, true)));
    }
}
