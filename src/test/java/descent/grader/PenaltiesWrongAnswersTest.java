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
 * Chapter 05's graded tests against the typical wrong answers: each slip must lose points, and the tests written
 * for that slip must be among the failures.
 */
class PenaltiesWrongAnswersTest {

    static final List<Slip> SLIPS = List.of(
            new Slip("05.1", "WeightDecayStep.java", "decays the biases too",
                    """
                    for (int i = 0; i < w.length; i++) { w[i] = (1 - epsilon * alpha) * w[i] - epsilon * gw[i]; }
                    for (int i = 0; i < b.length; i++) { b[i] = (1 - epsilon * alpha) * b[i] - epsilon * gb[i]; }
                    """, "biasesTakeAPlainStep"),
            new Slip("05.1", "WeightDecayStep.java", "shrinks by (1 − α) instead of (1 − εα)",
                    """
                    for (int i = 0; i < w.length; i++) { w[i] = (1 - alpha) * w[i] - epsilon * gw[i]; }
                    for (int i = 0; i < b.length; i++) { b[i] -= epsilon * gb[i]; }
                    """, "weightsShrinkThenStep", "equalsGradientDescentOnThePenalizedLoss"),
            new Slip("05.1", "WeightDecayStep.java", "steps first, then shrinks the new weights",
                    """
                    for (int i = 0; i < w.length; i++) { w[i] = (1 - epsilon * alpha) * (w[i] - epsilon * gw[i]); }
                    for (int i = 0; i < b.length; i++) { b[i] -= epsilon * gb[i]; }
                    """, "weightsShrinkThenStep", "equalsGradientDescentOnThePenalizedLoss"),
            new Slip("05.2", "RidgeClosedForm.java", "the missing ½: eq. 7.17 as printed, (XᵀX + αI)⁻¹Xᵀy",
                    """
                    DMatrixRMaj xm = new DMatrixRMaj(x);
                    int n = xm.numCols;
                    DMatrixRMaj a = new DMatrixRMaj(n, n);
                    CommonOps_DDRM.multTransA(xm, xm, a);
                    for (int i = 0; i < n; i++) { a.add(i, i, alpha); }
                    DMatrixRMaj b = new DMatrixRMaj(n, 1);
                    CommonOps_DDRM.multTransA(xm, DMatrixRMaj.wrap(y.length, 1, y.clone()), b);
                    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
                    chol.setA(a);
                    DMatrixRMaj w = new DMatrixRMaj(n, 1);
                    chol.solve(b, w);
                    return w.data;
                    """, "matchesNumpy", "theGradientOfTheObjectiveVanishes", "fewerRowsThanColumns"),
            new Slip("05.3", "LassoDiagonal.java", "thresholds by α instead of α/H_ii",
                    """
                    double[] w = new double[wStar.length];
                    for (int i = 0; i < w.length; i++) { w[i] = Math.signum(wStar[i]) * Math.max(Math.abs(wStar[i]) - alpha, 0); }
                    return w;
                    """, "theThresholdIsAlphaOverTheCurvature", "eachCoordinateMinimizesItsOwnObjective"),
            new Slip("05.3", "LassoDiagonal.java", "uses the L² shrink H/(H + α)·w* (never exactly zero)",
                    """
                    double[] w = new double[wStar.length];
                    for (int i = 0; i < w.length; i++) { w[i] = hDiag[i] / (hDiag[i] + alpha) * wStar[i]; }
                    return w;
                    """, "theThresholdIsAlphaOverTheCurvature", "signsAndTheBoundary"),
            new Slip("05.3", "LassoDiagonal.java", "forgets the sign: max(w* − α/H, 0)",
                    """
                    double[] w = new double[wStar.length];
                    for (int i = 0; i < w.length; i++) { w[i] = Math.max(wStar[i] - alpha / hDiag[i], 0); }
                    return w;
                    """, "theThresholdIsAlphaOverTheCurvature", "signsAndTheBoundary"),
            new Slip("05.4", "IstaStep.java", "thresholds by α instead of εα",
                    istaBody("Math.signum(z) * Math.max(Math.abs(z) - alpha, 0)"), "oneStepByHand", "iteratedItSolvesTheLasso"),
            new Slip("05.4", "IstaStep.java", "a subgradient step w − ε(∇J + α·sign(w)) instead of the proximal step",
                    istaBody("z - epsilon * alpha * Math.signum(w[j])"), "oneStepByHand"),
            new Slip("05.5", "MaxNormProjection.java", "normalizes rows instead of columns",
                    """
                    for (double[] row : w) {
                        double s = 0;
                        for (double v : row) { s += v * v; }
                        double norm = Math.sqrt(s);
                        if (norm > c) { for (int j = 0; j < row.length; j++) { row[j] *= c / norm; } }
                    }
                    """, "everyColumnByHand", "noColumnEndsUpLongerThanC"),
            new Slip("05.5", "MaxNormProjection.java", "bounds the Frobenius norm of the whole matrix",
                    """
                    double s = 0;
                    for (double[] row : w) { for (double v : row) { s += v * v; } }
                    double norm = Math.sqrt(s);
                    if (norm > c) { for (double[] row : w) { for (int j = 0; j < row.length; j++) { row[j] *= c / norm; } } }
                    """, "everyColumnByHand"),
            new Slip("05.5", "MaxNormProjection.java", "rescales every column to norm c, also those inside the ball",
                    """
                    int cols = w.length == 0 ? 0 : w[0].length;
                    for (int j = 0; j < cols; j++) {
                        double s = 0;
                        for (double[] row : w) { s += row[j] * row[j]; }
                        double norm = Math.sqrt(s);
                        for (double[] row : w) { row[j] *= c / norm; }
                    }
                    """, "everyColumnByHand", "columnsInsideTheBallAreLeftAlone"),
            new Slip("05.6", "DualAscentUpdate.java", "forgets the clamp at 0", "return alpha + rho * (omega - k);",
                    "aSlackConstraintLowersItButNeverBelowZero"),
            new Slip("05.6", "DualAscentUpdate.java", "the sign is reversed: ρ(k − Ω)", "return Math.max(0, alpha + rho * (k - omega));",
                    "aViolatedConstraintRaisesTheMultiplier", "findsTheMultiplierOfAOneDimensionalProblem"),
            new Slip("05.7", "EffectiveParameters.java", "uses the singular values σ of X instead of λ = σ²",
                    """
                    double[] s = new org.ejml.simple.SimpleMatrix(x).svd().getSingularValues();
                    double g = 0;
                    for (double v : s) { g += v / (v + alpha); }
                    return g;
                    """, "matchesNumpy", "equalsTheTraceOfTheHatMatrix"),
            new Slip("05.7", "EffectiveParameters.java", "sums α/(λ + α), the part that is removed",
                    gammaBody("alpha / (lambda + alpha)", "true"), "matchesNumpy", "equalsTheTraceOfTheHatMatrix"),
            new Slip("05.7", "EffectiveParameters.java", "counts an eigenvalue that is zero up to rounding as a parameter at α = 0",
                    gammaBody("lambda / (lambda + alpha)", "lambda > 0"), "atZeroAlphaItIsTheRank"),
            new Slip("05.8", "PseudoInverseSvd.java", "inverts every singular value (no tolerance)", pinvBody("s[k] > 0"),
                    "rankDeficientMatchesNumpy", "theToleranceIsRelativeToTheLargestSingularValue"),
            new Slip("05.8", "PseudoInverseSvd.java", "uses the tolerance as an absolute bound, σ > tol", pinvBody("s[k] > tol"),
                    "theToleranceIsRelativeToTheLargestSingularValue"),
            new Slip("05.9", "BayesianPrediction.java", "ridge with α instead of ασ² for the mean", bayesBody("alpha", "1", "noiseVariance + "),
                    "matchesNumpy", "theMeanIsTheRidgePredictionWithAlphaTimesSigmaSquared"),
            new Slip("05.9", "BayesianPrediction.java", "leaves the noise σ² out of the predictive variance", bayesBody("alpha * noiseVariance", "noiseVariance", ""),
                    "matchesNumpy", "theVarianceHasANoiseAndAWeightPart"));

    /** The solution with the ridge added to XᵀX/s, the scale s of the data term, and the noise term of the variance. */
    private static String bayesBody(String ridge, String scale, String noise) {
        return """
                DMatrixRMaj xm = new DMatrixRMaj(x);
                int n = xm.numCols;
                DMatrixRMaj precision = new DMatrixRMaj(n, n);
                CommonOps_DDRM.multTransA(1 / SCALE, xm, xm, precision);
                for (int i = 0; i < n; i++) { precision.add(i, i, RIDGE / SCALE); }
                DMatrixRMaj cov = new DMatrixRMaj(n, n);
                CommonOps_DDRM.invert(precision, cov);
                DMatrixRMaj xty = new DMatrixRMaj(n, 1), mean = new DMatrixRMaj(n, 1);
                CommonOps_DDRM.multTransA(1 / SCALE, xm, DMatrixRMaj.wrap(y.length, 1, y.clone()), xty);
                CommonOps_DDRM.mult(cov, xty, mean);
                DMatrixRMaj xs = DMatrixRMaj.wrap(n, 1, xStar.clone()), cx = new DMatrixRMaj(n, 1);
                CommonOps_DDRM.mult(cov, xs, cx);
                return new double[]{CommonOps_DDRM.dot(xs, mean), NOISECommonOps_DDRM.dot(xs, cx)};
                """.replace("RIDGE", ridge).replace("SCALE", scale).replace("NOISE", noise);
    }

    private static String istaBody(String next) {
        return """
                int m = x.length, n = w.length;
                double[] r = new double[m];
                for (int i = 0; i < m; i++) { for (int j = 0; j < n; j++) { r[i] += x[i][j] * w[j]; } r[i] -= y[i]; }
                double[] next = new double[n];
                for (int j = 0; j < n; j++) {
                    double g = 0;
                    for (int i = 0; i < m; i++) { g += x[i][j] * r[i]; }
                    double z = w[j] - epsilon * g;
                    next[j] = NEXT;
                }
                return next;
                """.replace("NEXT", next);
    }

    private static String gammaBody(String term, String keep) {
        return """
                DMatrixRMaj xm = new DMatrixRMaj(x);
                DMatrixRMaj h = new DMatrixRMaj(xm.numCols, xm.numCols);
                CommonOps_DDRM.multTransA(xm, xm, h);
                EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(h.numRows, false, true);
                eig.decompose(h);
                double gamma = 0;
                for (int i = 0; i < h.numRows; i++) {
                    double lambda = Math.abs(eig.getEigenvalue(i).getReal());
                    if (KEEP) { gamma += TERM; }
                }
                return gamma;
                """.replace("TERM", term).replace("KEEP", keep);
    }

    private static String pinvBody(String keep) {
        return """
                DMatrixRMaj xm = new DMatrixRMaj(x);
                int m = xm.numRows, n = xm.numCols;
                SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
                svd.decompose(xm.copy());
                DMatrixRMaj u = svd.getU(null, false), v = svd.getV(null, false);
                double[] s = svd.getSingularValues();
                double[][] out = new double[n][m];
                for (int k = 0; k < s.length; k++) {
                    if (KEEP) {
                        for (int i = 0; i < n; i++) { for (int j = 0; j < m; j++) { out[i][j] += v.get(i, k) * u.get(j, k) / s[k]; } }
                    }
                }
                return out;
                """.replace("KEEP", keep);
    }

    @Test
    void everyTypicalSlipLosesPointsOnTheTestsMeantForIt() {
        assumeTrue(Files.isDirectory(Project.root().resolve("solutions")), "no solutions/ (a student release)");
        Map<Slip, GradeReport.ExerciseResult> results = WrongAnswers.grade(Project.root(), "penalties", SLIPS);
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
