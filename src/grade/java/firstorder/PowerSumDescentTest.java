package firstorder;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/**
 * Steepest descent on x² + y¹⁰ (Aggarwal exercise 6). Fixture values: first steps by hand; long runs computed
 * independently in NumPy by src/test/python/reproductions.py. The typical wrong answers these tests must reject are
 * in descent.grader.FirstOrderWrongAnswersTest.
 */
@Exercise(id = "02.10", title = "steepest descent on x² + y¹⁰")
class PowerSumDescentTest {

    static final String REREAD = "Aggarwal §3.4 and exercise 6: ∇(x² + y¹⁰) = (2x, 10y⁹), "
            + "and a step is (x, y) ← (x, y) − α∇L; notebook 07";

    @Test
    @Points(3)
    void firstStepsByHand() {
        // from (2, 2) with α = 0.01: ∇L = (4, 5120), so (2 − 0.04, 2 − 51.2)
        double[][] far = PowerSumDescent.path(2, 2, 0.01, 1);
        allClose("point after step 1", "start (2, 2), α = 0.01", new double[]{1.96, -49.2}, far[1], 1e-12, REREAD);
        // from (0.5, 0.5) with α = 0.1: ∇L = (1, 10/512), so (0.4, 0.5 − 1/512); then ∇L = (0.8, 10·(0.5 − 1/512)⁹)
        double[][] near = PowerSumDescent.path(0.5, 0.5, 0.1, 2);
        allClose("point after step 1", "start (0.5, 0.5), α = 0.1", new double[]{0.4, 0.498046875}, near[1], 1e-12, REREAD);
        double y2 = 0.498046875 - 0.1 * 10 * Math.pow(0.498046875, 9);
        allClose("point after step 2", "start (0.5, 0.5), α = 0.1", new double[]{0.32, y2}, near[2], 1e-12, REREAD);
    }

    @Test
    @Points(1)
    void pathStartsAtTheStartAndHasStepsPlusOnePoints() {
        double[][] p = PowerSumDescent.path(0.3, -0.7, 0.05, 5);
        that(p != null && p.length == 6, "number of points", "5 steps from (0.3, −0.7)",
                "expected 6 (the start and one point per step), got " + (p == null ? "null" : p.length), REREAD);
        allClose("the first point", "5 steps from (0.3, −0.7)", new double[]{0.3, -0.7}, p[0], 0, REREAD);
        double[][] none = PowerSumDescent.path(1.5, 2.5, 0.01, 0);
        that(none != null && none.length == 1, "number of points", "0 steps from (1.5, 2.5)",
                "expected 1 (just the start), got " + (none == null ? "null" : none.length), REREAD);
        allClose("the only point", "0 steps from (1.5, 2.5)", new double[]{1.5, 2.5}, none[0], 0, REREAD);
    }

    @Test
    @Points(2)
    void vanishingGradientNearTheOrigin() {
        double[][] p = PowerSumDescent.path(0.5, 0.5, 0.01, 10_000);
        String input = "start (0.5, 0.5), α = 0.01, 10,000 steps";
        that(p != null && p.length == 10_001, "number of points", input,
                "expected 10001, got " + (p == null ? "null" : p.length), REREAD);
        close("y after 10,000 steps (it has barely moved)", input, 0.32388699392978193, p[10_000][1], 1e-9, REREAD);
        that(Math.abs(p[10_000][0]) < 1e-80, "|x| after 10,000 steps", input,
                "expected below 1e-80 (x shrinks by 1 − 2α = 0.98 per step), got " + p[10_000][0], REREAD);
    }

    @Test
    @Points(2)
    void explodingGradientFarAway() {
        double[][] p = PowerSumDescent.path(2, 2, 0.01, 4);
        String input = "start (2, 2), α = 0.01";
        close("y after step 2", input, 168921887268522.2, p[2][1], 1e-9, REREAD);
        close("y after step 3", input, -1.1198847331410812e127, p[3][1], 1e-9, REREAD);
        that(!Double.isFinite(p[4][1]), "y after step 4", input,
                "expected an overflow (±∞ or NaN: the step is 0.1·y⁹ with |y| ≈ 1e127), got " + p[4][1], REREAD);
        close("x after step 4 (unaffected: (1 − 2α)⁴·2)", input, 2 * Math.pow(0.98, 4), p[4][0], 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void smallRateIsStableFromBothStarts() {
        double[][] far = PowerSumDescent.path(2, 2, 1e-4, 10_000);
        String input = "start (2, 2), α = 1e-4, 10,000 steps";
        close("y after step 1", input, 1.488, far[1][1], 1e-12, REREAD);
        allClose("point after 10,000 steps", input, new double[]{0.270616430555459, 0.578186099107642}, far[10_000], 1e-9,
                REREAD);
        double[][] near = PowerSumDescent.path(0.5, 0.5, 1e-4, 10_000);
        allClose("point after 10,000 steps", "start (0.5, 0.5), α = 1e-4, 10,000 steps",
                new double[]{0.06765410763886474, 0.4832895366101948}, near[10_000], 1e-9, REREAD);
    }
}
