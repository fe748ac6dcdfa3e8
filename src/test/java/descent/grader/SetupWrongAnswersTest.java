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
 * Chapter 04's graded tests against the typical wrong answers (variance for standard deviation, a missing square
 * root or factor 2, Φ' at the output, ≤ vs &lt;, a forgotten bias, uniform instead of log-uniform, …): each slip must
 * lose points, and the tests written for that slip must be among the failures.
 */
class SetupWrongAnswersTest {

    private static final String GLOROT_LOOP = """
            Random rng = new Random(seed);
            double[][] w = new double[fanIn][fanOut];
            for (int i = 0; i < fanIn; i++) { for (int j = 0; j < fanOut; j++) { w[i][j] = %s; } }
            return w;
            """;

    private static final String WHITEN = """
            int n = train.length, d = train[0].length;
            double[] mu = new double[d];
            for (double[] row : train) { for (int j = 0; j < d; j++) { mu[j] += row[j] / n; } }
            DMatrixRMaj c = new DMatrixRMaj(d, d);
            for (double[] row : train) { for (int a = 0; a < d; a++) { for (int b = 0; b < d; b++) {
                c.add(a, b, (row[a] - mu[a]) * (row[b] - mu[b]) / n); } } }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
            eig.decompose(c);
            double[][] a = new double[d][d];
            for (int j = 0; j < d; j++) {
                double lambda = eig.getEigenvalue(j).getReal();
                for (int i = 0; i < d; i++) { a[i][j] = eig.getEigenVector(j).get(i, 0) / %s; }
            }
            return new Model(%s, a);
            """;

    private static final String CHAIN = """
            int m = w.length;
            double[] h = new double[m + 1];
            h[0] = x;
            for (int t = 1; t <= m; t++) { h[t] = 1 / (1 + Math.exp(-w[t - 1] * h[t - 1])); }
            double[] g = new double[m + 1];
            g[m] = 1;
            for (int t = m - 1; t >= 0; t--) { %s }
            return g;
            """;

    private static final String DEAD = """
            int d = w.length, m = b.length;
            boolean[] alive = new boolean[m];
            for (int r = 0; r < x.length; r++) {
                if (x[r].length != d) { throw new IllegalArgumentException("width"); }
                for (int j = 0; j < m; j++) {
                    if (w[0].length != m) { throw new IllegalArgumentException("width"); }
                    double a = %s;
                    for (int i = 0; i < d; i++) { a += x[r][i] * w[i][j]; }
                    %s
                }
            }
            return java.util.stream.IntStream.range(0, m).filter(j -> !alive[j]).toArray();
            """;

    private static final String PRELU = """
            int n = x.length, m = alpha.length;
            if (upstream.length != n) { throw new IllegalArgumentException("rows"); }
            double[][] dx = new double[n][m];
            double[] da = new double[m];
            for (int i = 0; i < n; i++) {
                if (x[i].length != m || upstream[i].length != m) { throw new IllegalArgumentException("cols"); }
                for (int j = 0; j < m; j++) {
                    double g = upstream[i][j], v = x[i][j];
                    %s
                }
            }
            return new Gradients(dx, da);
            """;

    private static final String LOG = """
            if (!(lo < hi) || n < 0) { throw new IllegalArgumentException("range"); }
            %s
            Random rng = new Random(seed);
            double a = Math.log10(lo), b = Math.log10(hi);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) { double u = rng.nextDouble(); v[i] = %s; }
            return v;
            """;

    private static final String BIAS = """
            int[] count = new int[classes];
            for (int y : labels) { if (y < 0 || y >= classes) { throw new IllegalArgumentException("label"); } count[y]++; }
            double[] b = new double[classes];
            for (int k = 0; k < classes; k++) {
                %s
                double c = count[k] / (double) labels.length;
                b[k] = %s;
            }
            return b;
            """;

    private static final String CHECK_ZERO = "if (count[k] == 0) { throw new IllegalArgumentException(\"class\"); }";

    static final List<Slip> SLIPS = List.of(
            new Slip("04.1", "GlorotUniform.java", "the variance 2/(m+n) used as the limit",
                    GLOROT_LOOP.formatted("Math.sqrt(2.0 / (fanIn + fanOut)) * (2 * rng.nextDouble() - 1)"),
                    "hasVarianceTwoOverFanInPlusFanOut"),
            new Slip("04.1", "GlorotUniform.java", "the square root missing from the limit",
                    GLOROT_LOOP.formatted("6.0 / (fanIn + fanOut) * (2 * rng.nextDouble() - 1)"),
                    "hasVarianceTwoOverFanInPlusFanOut"),
            new Slip("04.1", "GlorotUniform.java", "a normal draw with the right variance",
                    GLOROT_LOOP.formatted("Math.sqrt(2.0 / (fanIn + fanOut)) * rng.nextGaussian()"),
                    "isUniformInsideTheLimit"),
            new Slip("04.1", "GlorotUniform.java", "Aggarwal's U(±1/√r) instead of eq. 8.23",
                    GLOROT_LOOP.formatted("(2 * rng.nextDouble() - 1) / Math.sqrt(fanIn)"),
                    "hasVarianceTwoOverFanInPlusFanOut"),
            new Slip("04.2", "HeNormal.java", "the variance 2/r used as the standard deviation",
                    GLOROT_LOOP.formatted("2.0 / fanIn * rng.nextGaussian()"), "hasVarianceTwoOverFanIn"),
            new Slip("04.2", "HeNormal.java", "the factor 2 missing (LeCun's rule)",
                    GLOROT_LOOP.formatted("Math.sqrt(1.0 / fanIn) * rng.nextGaussian()"), "hasVarianceTwoOverFanIn"),
            new Slip("04.2", "HeNormal.java", "fan-out instead of fan-in",
                    GLOROT_LOOP.formatted("Math.sqrt(2.0 / fanOut) * rng.nextGaussian()"), "hasVarianceTwoOverFanIn"),
            new Slip("04.2", "HeNormal.java", "a uniform draw with the right variance",
                    GLOROT_LOOP.formatted("Math.sqrt(6.0 / fanIn) * (2 * rng.nextDouble() - 1)"), "isGaussian"),
            new Slip("04.3", "Whitening.java", "divides by λ instead of √λ",
                    WHITEN.formatted("(lambda + epsilon)", "mu"),
                    "heldOutRowsAreMappedWithTheTrainingStatistics", "whitenedTrainingDataHasIdentityCovariance"),
            new Slip("04.3", "Whitening.java", "ignores ε",
                    WHITEN.formatted("Math.sqrt(lambda)", "mu"), "heldOutRowsAreMappedWithTheTrainingStatistics"),
            new Slip("04.3", "Whitening.java", "keeps no means (the data is never centred)",
                    WHITEN.formatted("Math.sqrt(lambda + epsilon)", "new double[d]"),
                    "heldOutRowsAreMappedWithTheTrainingStatistics"),
            new Slip("04.4", "ChainGradient.java", "Φ'(h) read literally: σ(h)(1 − σ(h)) of the output",
                    CHAIN.formatted("double s = 1 / (1 + Math.exp(-h[t + 1])); g[t] = s * (1 - s) * w[t] * g[t + 1];"),
                    "matchesAutograd", "agreesWithCentralDifferences"),
            new Slip("04.4", "ChainGradient.java", "the weight factor missing",
                    CHAIN.formatted("g[t] = h[t + 1] * (1 - h[t + 1]) * g[t + 1];"),
                    "matchesAutograd", "agreesWithCentralDifferences"),
            new Slip("04.4", "ChainGradient.java", "the derivative of the unit below (h_t instead of h_{t+1})",
                    CHAIN.formatted("g[t] = h[t] * (1 - h[t]) * w[t] * g[t + 1];"),
                    "matchesAutograd", "agreesWithCentralDifferences"),
            new Slip("04.5", "DeadUnits.java", "dead only if the pre-activation is < 0 (ReLU(0) = 0 forgotten)",
                    DEAD.formatted("b[j]", "if (a >= 0) { alive[j] = true; }"), "handExample"),
            new Slip("04.5", "DeadUnits.java", "the bias forgotten",
                    DEAD.formatted("0", "if (a > 0) { alive[j] = true; }"), "handExample"),
            new Slip("04.5", "DeadUnits.java", "dead when inactive on any row, not on every row",
                    DEAD.formatted("b[j]", "if (a <= 0) { alive[j] = false; } else if (r == 0) { alive[j] = true; }"),
                    "handExample"),
            new Slip("04.6", "PReLUBackward.java", "∂L/∂α summed over every entry, positive ones too",
                    PRELU.formatted("dx[i][j] = v > 0 ? g : alpha[j] * g; da[j] += v * g;"),
                    "matchesAutograd", "agreesWithCentralDifferences"),
            new Slip("04.6", "PReLUBackward.java", "∂L/∂α without the factor x",
                    PRELU.formatted("dx[i][j] = v > 0 ? g : alpha[j] * g; if (v <= 0) { da[j] += g; }"),
                    "matchesAutograd", "agreesWithCentralDifferences"),
            new Slip("04.6", "PReLUBackward.java", "∂L/∂x as for a ReLU (0 on the negative side)",
                    PRELU.formatted("dx[i][j] = v > 0 ? g : 0; if (v <= 0) { da[j] += v * g; }"),
                    "matchesAutograd", "agreesWithCentralDifferences"),
            new Slip("04.7", "LogUniform.java", "uniform instead of log-uniform",
                    LOG.formatted("if (!(lo > 0)) { throw new IllegalArgumentException(\"lo\"); }", "lo + u * (hi - lo)"),
                    "everyDecadeGetsTheSameShare"),
            new Slip("04.7", "LogUniform.java", "log₁₀ in, e^ out",
                    LOG.formatted("if (!(lo > 0)) { throw new IllegalArgumentException(\"lo\"); }", "Math.exp(a + u * (b - a))"),
                    "everyDecadeGetsTheSameShare"),
            new Slip("04.7", "LogUniform.java", "a non-positive lower end accepted",
                    LOG.formatted("", "Math.pow(10, a + u * (b - a))"), "refusesEmptyOrNonPositiveRanges"),
            new Slip("04.8", "OutputBias.java", "the frequencies themselves as the bias",
                    BIAS.formatted(CHECK_ZERO, "c"), "softmaxOfTheBiasIsTheClassFrequencies", "initialLossIsTheEntropy"),
            new Slip("04.8", "OutputBias.java", "the sign flipped: −log c",
                    BIAS.formatted(CHECK_ZERO, "-Math.log(c)"), "softmaxOfTheBiasIsTheClassFrequencies", "initialLossIsTheEntropy"),
            new Slip("04.8", "OutputBias.java", "a missing class accepted (bias −∞)",
                    BIAS.formatted("", "Math.log(c)"), "refusesMissingClassesAndBadLabels"));

    @Test
    void everyTypicalSlipLosesPointsOnTheTestsMeantForIt() {
        assumeTrue(Files.isDirectory(Project.root().resolve("solutions")), "no solutions/ (a student release)");
        Map<Slip, GradeReport.ExerciseResult> results = WrongAnswers.grade(Project.root(), "setup", SLIPS);
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
