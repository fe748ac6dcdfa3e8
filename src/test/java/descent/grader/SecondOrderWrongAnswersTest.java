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
 * The graded tests of exercises 03.7 and 03.8 against the typical wrong answers: each slip must lose points, and the
 * tests written for that slip must be among the failures.
 */
class SecondOrderWrongAnswersTest {

    private static String coefficients(String numerator, String denominator, boolean guard) {
        return """
                int d = v.length;
                double[] c = new double[q.length];
                for (int j = 0; j < q.length; j++) {
                    double[] hq = times(h, q[j]), hv = times(h, v);
                    double qhq = 0, qq = 0, qhv = 0, qv = 0;
                    for (int i = 0; i < d; i++) { qhq += q[j][i] * hq[i]; qq += q[j][i] * q[j][i]; qhv += q[j][i] * hv[i]; qv += q[j][i] * v[i]; }
                    if (GUARD && qhq == 0) { throw new IllegalArgumentException("direction " + j); }
                    c[j] = NUM / DEN;
                }
                return c;
                """.replace("GUARD", String.valueOf(guard)).replace("NUM", numerator).replace("DEN", denominator);
    }

    private static final String SEPARATE_PROJECTIONS = """
            double[] out = v.clone();
            for (double[] a : vectors) {
                double coef = dot(v, a) / dot(a, a);
                for (int i = 0; i < v.length; i++) { out[i] -= coef * a[i]; }
            }
            return out;
            """;

    private static final String NO_SKIP = """
            java.util.List<double[]> basis = new java.util.ArrayList<>();
            for (double[] a : vectors) {
                double[] b = a.clone();
                for (double[] e : basis) {
                    double coef = dot(a, e) / dot(e, e);
                    for (int i = 0; i < v.length; i++) { b[i] -= coef * e[i]; }
                }
                basis.add(b);
            }
            double[] out = v.clone();
            for (double[] e : basis) {
                double coef = dot(v, e) / dot(e, e);
                for (int i = 0; i < v.length; i++) { out[i] -= coef * e[i]; }
            }
            return out;
            """;

    private static final String IN_PLACE = NO_SKIP.replace("basis.add(b);", "if (dot(b, b) > 1e-20 * dot(a, a)) { basis.add(b); }")
            .replace("double[] out = v.clone();", "double[] out = v;");

    static final List<Slip> SLIPS = List.of(
            new Slip("03.7", "ConjugateCoefficients.java", "an ordinary projection, q_jᵀv / q_jᵀq_j",
                    coefficients("qv", "qq", true), "handExamples", "aRandomVectorIsRebuiltFromItsCoefficients"),
            new Slip("03.7", "ConjugateCoefficients.java", "q_jᵀHv / q_jᵀq_j (H on one side only)",
                    coefficients("qhv", "qq", true), "handExamples", "aRandomVectorIsRebuiltFromItsCoefficients"),
            new Slip("03.7", "ConjugateCoefficients.java", "divides by q_jᵀHq_j = 0 without checking",
                    coefficients("qhv", "qhq", false), "aSelfConjugateDirectionIsRejected"),
            new Slip("03.8", "OrthogonalPart.java", "projects on each vector separately, without Gram–Schmidt",
                    SEPARATE_PROJECTIONS, "handExamples", "dIndependentVectorsLeaveNothing", "fewerVectorsLeaveTheOrthogonalComplement"),
            new Slip("03.8", "OrthogonalPart.java", "keeps dependent vectors (divides by a zero residual)",
                    NO_SKIP, "handExamples", "aZeroVectorOrNoVectorsChangeNothing"),
            new Slip("03.8", "OrthogonalPart.java", "works on v in place and returns it",
                    IN_PLACE, "theInputsAreNotModified", "aZeroVectorOrNoVectorsChangeNothing"));

    @Test
    void everyTypicalSlipLosesPointsOnTheTestsMeantForIt() {
        assumeTrue(Files.isDirectory(Project.root().resolve("solutions")), "no solutions/ (a student release)");
        Map<Slip, GradeReport.ExerciseResult> results = WrongAnswers.grade(Project.root(), "secondorder", SLIPS);
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
