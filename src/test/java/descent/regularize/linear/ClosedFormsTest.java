package descent.regularize.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closed forms of chapter 05 against numpy/scipy (src/test/python/regularize_fixtures.py), against each other (the
 * identities of Goodfellow et al. §7.1–7.3) and against optimality conditions.
 */
class ClosedFormsTest {

    static final DMatrixRMaj X = new DMatrixRMaj(new double[][]{{1, 2, 0.5}, {0, 1, -1}, {2, -1, 1}, {1, 1, 1},
            {-1, 0.5, 2}, {0.5, -2, 1}});
    static final double[] Y = {1, -2, 3, 0.5, 2, -1};
    static final double ALPHA = 0.8;

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void ridgeBothConventionsMatchNumpyAndTheErratum() {
        assertArrayEquals(new double[]{0.40070730241500335, 0.13453447110060276, 0.9207867255547619},
                Ridge.solve(X, Y, ALPHA, Ridge.Convention.HALF), 1e-13);
        double[] printedObjective = Ridge.solve(X, Y, ALPHA, Ridge.Convention.AS_PRINTED);
        assertArrayEquals(new double[]{0.41148106491006503, 0.14314258413807313, 0.9618705727535195}, printedObjective, 1e-13);
        // identity 1: the gradient of (Xw − y)ᵀ(Xw − y) + ½αwᵀw vanishes at (XᵀX + ½αI)⁻¹Xᵀy, not at eq. 7.17 as printed
        double[] printed717 = Ridge.solve(X, Y, ALPHA, Ridge.Convention.HALF);
        assertEquals(0.8105362412944727, norm(Ridge.gradient(X, Y, printed717, ALPHA, Ridge.Convention.AS_PRINTED)), 1e-12);
        assertTrue(norm(Ridge.gradient(X, Y, printedObjective, ALPHA, Ridge.Convention.AS_PRINTED)) < 1e-13);
        assertTrue(norm(Ridge.gradient(X, Y, printed717, ALPHA, Ridge.Convention.HALF)) < 1e-13);
        // the objective is minimal there: every small move raises it
        double f0 = Ridge.objective(X, Y, printedObjective, ALPHA, Ridge.Convention.AS_PRINTED);
        for (int i = 0; i < 3; i++) {
            for (double h : new double[]{1e-4, -1e-4}) {
                double[] w = printedObjective.clone();
                w[i] += h;
                assertTrue(Ridge.objective(X, Y, w, ALPHA, Ridge.Convention.AS_PRINTED) > f0);
            }
        }
    }

    @Test
    void ridgeRefusesSingularLeastSquaresButSolvesWithAPositiveAlpha() {
        DMatrixRMaj dup = new DMatrixRMaj(new double[][]{{1, 1, 2}, {2, 2, 0}, {0, 0, 1}, {1, 1, -1}});
        double[] y = {1, 2, 3, 4};
        var e = assertThrows(IllegalArgumentException.class, () -> Ridge.solve(dup, y, 0, Ridge.Convention.HALF));
        assertTrue(e.getMessage().contains("rank 2 < 3"), e.getMessage());
        double[] w = Ridge.solve(dup, y, 1e-3, Ridge.Convention.HALF);
        assertEquals(w[0], w[1], 1e-12, "duplicated columns share the weight");
        e = assertThrows(IllegalArgumentException.class, () -> Ridge.solve(X, Y, -1, Ridge.Convention.HALF));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ridge.solve(X, new double[5], 1, Ridge.Convention.HALF));
        assertTrue(e.getMessage().contains("6x3") && e.getMessage().contains("5 entries"), e.getMessage());
    }

    @Test
    void eigenFormEqualsTheSolveAndGradientDescent() {
        L2Shrinkage s = L2Shrinkage.ofDesign(X);
        assertArrayEquals(new double[]{5.679171408492872, 9.223049379539338, 11.847779211967797}, s.eigenvalues(), 1e-12);
        double[] wStar = {0.4223883979152504, 0.1527305687740766, 1.0070246997507364};
        double[] expected = {0.40070730241500335, 0.1345344711006028, 0.9207867255547619};
        // identity 2: eq. 7.10 = eq. 7.13 = numpy
        assertArrayEquals(expected, s.solve(wStar, ALPHA), 1e-13);
        assertArrayEquals(expected, s.shrink(wStar, ALPHA), 1e-13);
        // and gradient descent on J̃ = ½(w − w*)ᵀH(w − w*) + (α/2)‖w‖² from 0 converges there
        DMatrixRMaj h = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(X, X, h);
        double[] w = new double[3];
        for (int k = 0; k < 2000; k++) {
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    g[i] += h.get(i, j) * (w[j] - wStar[j]);
                }
                g[i] += ALPHA * w[i];
            }
            for (int i = 0; i < 3; i++) {
                w[i] -= 0.05 * g[i];
            }
        }
        assertArrayEquals(expected, w, 1e-12);
        // each eigen-component is scaled by λ/(λ + α)
        double[] f = s.factors(ALPHA);
        for (int i = 0; i < 3; i++) {
            assertEquals(s.eigenvalues()[i] / (s.eigenvalues()[i] + ALPHA), f[i], 1e-15);
        }
    }

    @Test
    void effectiveParametersThreeWays() {
        L2Shrinkage s = L2Shrinkage.ofDesign(X);
        // identity 3: Σλ/(λ + α) = tr(X(XᵀX + αI)⁻¹Xᵀ) = numpy's 2.733459181500928
        assertEquals(2.733459181500928, s.effectiveParameters(ALPHA), 1e-13);
        assertEquals(2.733459181500928, L2Shrinkage.hatTrace(X, ALPHA), 1e-13);
        assertEquals(2.733459181500928, L2Shrinkage.effectiveParameters(s.eigenvalues(), ALPHA), 1e-13);
        assertEquals(3, s.effectiveParameters(0), 1e-15);
        assertTrue(s.effectiveParameters(1e6) < 1e-4);
        // a zero eigenvalue never counts
        assertEquals(1.0 / 1.5, L2Shrinkage.effectiveParameters(new double[]{0, 1}, 0.5), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> L2Shrinkage.effectiveParameters(new double[]{-1}, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> new L2Shrinkage(new DMatrixRMaj(new double[][]{{1, 0}, {0, -2}})));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
    }

    @Test
    void softThresholdCasesOfEquation723() {
        // α/H = 0.5 for every coordinate below
        double[] w = SoftThreshold.lasso(new double[]{2, 0.3, -0.5, -3, 0.5000001}, new double[]{2, 2, 2, 2, 2}, 1);
        assertArrayEquals(new double[]{1.5, 0, 0, -2.5, 1e-7}, w, 1e-12);
        // the threshold is α/H_ii, not α: a flat direction (H = 0.5) is cut at 2
        assertArrayEquals(new double[]{0, 0.5}, SoftThreshold.lasso(new double[]{1.5, 2.5}, new double[]{0.5, 0.5}, 1), 1e-15);
        assertArrayEquals(new double[]{4.0 / 3}, SoftThreshold.ridgeDiagonal(new double[]{2}, new double[]{2}, 1), 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> SoftThreshold.lasso(new double[]{1}, new double[]{0}, 1));
        assertTrue(e.getMessage().contains("H_00 = 0"), e.getMessage());
    }

    @Test
    void lassoCoordinateDescentAndIstaAgreeWithScipyAndTheKktConditions() {
        double a = 1.5;
        double[] scipy = {0.24860022396347398, 0.0, 0.8488241881297144};
        Lasso.Fit cd = Lasso.coordinateDescent(X, Y, a, 1e-14, 10000);
        Lasso.Fit ista = Lasso.ista(X, Y, a, 1e-14, 100000);
        assertTrue(cd.converged() && ista.converged());
        assertArrayEquals(scipy, cd.w(), 1e-6);
        assertArrayEquals(cd.w(), ista.w(), 1e-10);
        assertEquals(6.006858902575589, cd.objective(), 1e-9);
        assertEquals(0.0, cd.w()[1], 0, "an exact zero");
        // KKT: Xᵀ(y − Xw) = α sign(wⱼ) where wⱼ ≠ 0, and |Xᵀ(y − Xw)|ⱼ ≤ α where wⱼ = 0
        double[] r = Ridge.residual(X, Y, cd.w());
        for (int j = 0; j < 3; j++) {
            double c = 0;
            for (int i = 0; i < 6; i++) {
                c -= X.get(i, j) * r[i];
            }
            if (cd.w()[j] != 0) {
                assertEquals(a * Math.signum(cd.w()[j]), c, 1e-10);
            } else {
                assertTrue(Math.abs(c) <= a);
            }
        }
    }

    @Test
    void oneSweepOfCoordinateDescentOnOrthogonalColumnsIsEquation723() {
        // columns orthogonal: XᵀX = diag(H) exactly, so the problem separates (identity 4)
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{1, 1, 0}, {1, -1, 0}, {0, 0, 2}, {0, 0, 0}});
        double[] y = {3, -1, 1, 5};
        double[] hDiag = {2, 2, 4};
        double[] wStar = {1, 2, 0.5};                   // (XᵀX)⁻¹Xᵀy
        for (double a : new double[]{0.5, 1.5, 3, 5}) {
            Lasso.Fit fit = Lasso.coordinateDescent(x, y, a, 0, 1);
            assertArrayEquals(SoftThreshold.lasso(wStar, hDiag, a), fit.w(), 1e-14);
        }
        assertFalse(Lasso.coordinateDescent(X, Y, 0.1, 0, 1).converged());
    }

    @Test
    void pseudoInverseMatchesNumpyAndThePenroseConditions() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][]{{1, 2, 3}, {0, 1, 1}, {2, 0, 2}, {1, -1, 0}});
        assertEquals(2, PseudoInverse.rank(a));
        DMatrixRMaj p = PseudoInverse.of(a);
        double[][] numpy = {{-0.028571428571428706, -0.07619047619047621, 0.24761904761904766, 0.20000000000000012},
                {0.17142857142857149, 0.12380952380952376, -0.15238095238095237, -0.20000000000000004},
                {0.1428571428571429, 0.04761904761904761, 0.09523809523809526, 2.794206769854197e-17}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(numpy[i][j], p.get(i, j), 1e-13);
            }
        }
        // Penrose: A A⁺ A = A, A⁺ A A⁺ = A⁺, A A⁺ and A⁺ A symmetric
        DMatrixRMaj aap = mult(a, p), apa = mult(p, a);
        assertTrue(maxDiff(mult(aap, a), a) < 1e-13);
        assertTrue(maxDiff(mult(apa, p), p) < 1e-13);
        assertTrue(maxDiff(aap, transpose(aap)) < 1e-13);
        assertTrue(maxDiff(apa, transpose(apa)) < 1e-13);
        assertArrayEquals(new double[]{-0.38095238095238126, 0.6190476190476191, 0.23809523809523808},
                PseudoInverse.solve(a, new double[]{1, 2, 0, -1}), 1e-13);
        // without a tolerance the zero singular value (≈ 1e-16 here) would be inverted into ~1e16
        DMatrixRMaj noTol = PseudoInverse.of(a, 0);
        assertTrue(CommonOps_DDRM.elementMaxAbs(noTol) > 1e10 || PseudoInverse.singularValues(a)[2] == 0);
    }

    @Test
    void pseudoInverseThreeCasesAndTheRidgeLimit() {
        Random rng = new Random(5);
        // square invertible: X⁺ = X⁻¹
        DMatrixRMaj sq = random(3, 3, rng), inv = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.invert(sq, inv);
        assertTrue(maxDiff(PseudoInverse.of(sq), inv) < 1e-12);
        // overdetermined: least squares (the normal equations)
        DMatrixRMaj tall = random(8, 3, rng);
        double[] y8 = new double[8];
        for (int i = 0; i < 8; i++) {
            y8[i] = rng.nextGaussian();
        }
        assertArrayEquals(Ridge.solve(tall, y8, 0, Ridge.Convention.HALF), PseudoInverse.solve(tall, y8), 1e-12);
        // underdetermined: an exact solution of least norm (any null-space move makes it longer)
        DMatrixRMaj wide = random(3, 6, rng);
        double[] y3 = {1, -2, 0.5};
        double[] w = PseudoInverse.solve(wide, y3);
        assertArrayEquals(y3, mult(wide, w), 1e-12);
        double[] z = PseudoInverse.solve(wide, new double[3]);
        assertArrayEquals(new double[6], z, 1e-15);
        DMatrixRMaj proj = mult(PseudoInverse.of(wide), wide);          // projector onto the row space
        for (int k = 0; k < 20; k++) {
            double[] v = new double[6];
            for (int i = 0; i < 6; i++) {
                v[i] = rng.nextGaussian();
            }
            double[] pv = mult(proj, v);
            double[] moved = new double[6];
            for (int i = 0; i < 6; i++) {
                moved[i] = w[i] + v[i] - pv[i];             // still solves Xw = y
            }
            assertArrayEquals(y3, mult(wide, moved), 1e-11);
            assertTrue(norm(moved) >= norm(w) - 1e-12);
        }
        // identity 5: the ridge solution tends to X⁺y as α ↘ 0 (eq. 7.29)
        double prev = Double.POSITIVE_INFINITY;
        for (double alpha : new double[]{1, 1e-2, 1e-4, 1e-6}) {
            double[] r = Ridge.solve(wide, y3, alpha, Ridge.Convention.HALF);
            double d = 0;
            for (int i = 0; i < 6; i++) {
                d = Math.max(d, Math.abs(r[i] - w[i]));
            }
            assertTrue(d < prev);
            prev = d;
        }
        assertTrue(prev < 1e-5);
        var e = assertThrows(IllegalArgumentException.class, () -> PseudoInverse.of(new DMatrixRMaj(2, 0)));
        assertTrue(e.getMessage().contains("2x0"), e.getMessage());
    }

    @Test
    void bayesianLinearRegressionMatchesNumpyMapIsRidgeAndSequentialUpdatesAgree() {
        DMatrixRMaj s0 = new DMatrixRMaj(new double[][]{{0.5, 0, 0}, {0, 0.5, 0}, {0, 0, 0.5}});
        BayesianLinearRegression blr = BayesianLinearRegression.fit(X, Y, new double[3], s0, 0.25);
        assertArrayEquals(new double[]{0.40877019313801904, 0.14090439983992925, 0.951241601550159}, blr.mean(), 1e-13);
        assertEquals(0.3865235156595548, blr.predictiveVariance(new double[]{1, -1, 2}), 1e-13);
        // MAP = ridge: prior precision α = 2, σ² = 0.25 → ridge coefficient ασ² = 0.5 (½ convention)
        assertArrayEquals(Ridge.solve(X, Y, 0.5, Ridge.Convention.HALF), blr.mean(), 1e-13);
        assertArrayEquals(blr.mean(), BayesianLinearRegression.fitIsotropic(X, Y, 2, 0.25).mean(), 1e-14);
        // sequential: one row at a time, the posterior becomes the next prior
        double[] mu = new double[3];
        DMatrixRMaj cov = s0.copy();
        for (int i = 0; i < 6; i++) {
            DMatrixRMaj row = new DMatrixRMaj(1, 3);
            for (int j = 0; j < 3; j++) {
                row.set(0, j, X.get(i, j));
            }
            BayesianLinearRegression step = BayesianLinearRegression.fit(row, new double[]{Y[i]}, mu, cov, 0.25);
            mu = step.mean();
            cov = step.covariance();
        }
        assertArrayEquals(blr.mean(), mu, 1e-12);
        assertTrue(maxDiff(blr.covariance(), cov) < 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> BayesianLinearRegression.fit(X, Y, new double[3],
                new DMatrixRMaj(new double[][]{{1, 0, 0}, {0, -0.5, 0}, {0, 0, 1}}), 1));
        assertTrue(e.getMessage().contains("-0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BayesianLinearRegression.fitIsotropic(X, Y, 1, 0));
        assertTrue(e.getMessage().contains("σ²"), e.getMessage());
    }

    static DMatrixRMaj random(int r, int c, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    static double[] mult(DMatrixRMaj a, double[] v) {
        return mult(a, DMatrixRMaj.wrap(v.length, 1, v.clone())).data;
    }

    static DMatrixRMaj transpose(DMatrixRMaj a) {
        DMatrixRMaj t = new DMatrixRMaj(a.numCols, a.numRows);
        CommonOps_DDRM.transpose(a, t);
        return t;
    }

    static double maxDiff(DMatrixRMaj a, DMatrixRMaj b) {
        double d = 0;
        for (int i = 0; i < a.data.length; i++) {
            d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
        }
        return d;
    }
}
