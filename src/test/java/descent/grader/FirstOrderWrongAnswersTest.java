package descent.grader;

import descent.grade.Project;
import descent.grader.WrongAnswers.Slip;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Exercise 02.10's graded tests against the typical wrong answers: each slip must lose points, and the tests written
 * for that slip must be among the failures.
 */
class FirstOrderWrongAnswersTest {

    private static String powerSum(String gx, String gy, String sign, boolean withStart) {
        return """
                double[][] path = new double[WITH ? steps + 1 : steps][];
                double x = x0, y = y0;
                int at = 0;
                if (WITH) { path[at++] = new double[]{x, y}; }
                for (int k = 1; k <= steps; k++) {
                    double gx = GX, gy = GY;
                    x SIGN= rate * gx;
                    y SIGN= rate * gy;
                    path[at++] = new double[]{x, y};
                }
                return path;
                """.replace("WITH", String.valueOf(withStart)).replace("GX", gx).replace("GY", gy).replace("SIGN", sign);
    }

    static final List<Slip> SLIPS = List.of(
            new Slip("02.10", "PowerSumDescent.java", "climbs: θ ← θ + α∇L",
                    powerSum("2 * x", "10 * Math.pow(y, 9)", "+", true),
                    "firstStepsByHand", "vanishingGradientNearTheOrigin", "smallRateIsStableFromBothStarts"),
            new Slip("02.10", "PowerSumDescent.java", "∂/∂y of y¹⁰ taken as 10y¹⁰",
                    powerSum("2 * x", "10 * Math.pow(y, 10)", "-", true),
                    "firstStepsByHand", "vanishingGradientNearTheOrigin", "explodingGradientFarAway"),
            new Slip("02.10", "PowerSumDescent.java", "the path without its starting point",
                    powerSum("2 * x", "10 * Math.pow(y, 9)", "-", false),
                    "pathStartsAtTheStartAndHasStepsPlusOnePoints", "firstStepsByHand"));

    @Test
    void everyTypicalSlipLosesPointsOnTheTestsMeantForIt() {
        assumeTrue(Files.isDirectory(Project.root().resolve("solutions")), "no solutions/ (a student release)");
        Map<Slip, GradeReport.ExerciseResult> results = WrongAnswers.grade(Project.root(), "firstorder", SLIPS);
        List<String> problems = new ArrayList<>();
        for (Slip s : SLIPS) {
            GradeReport.ExerciseResult r = results.get(s);
            List<String> failed = r.failures().stream().map(GradeReport.TestResult::method).toList();
            System.out.println(s.id() + " " + s.what() + ": " + r.earned() + "/" + r.possible() + " points, fails " + failed);
            if (r.earned() >= r.possible()) {
                problems.add(s.id() + " \"" + s.what() + "\" keeps full marks");
            }
            for (String m : s.mustFail()) {
                if (!failed.contains(m)) {
                    problems.add(s.id() + " \"" + s.what() + "\" passes " + m + " (failed: " + failed + ")");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
