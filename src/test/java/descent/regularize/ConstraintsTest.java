package descent.regularize;

import descent.functions.Quadratic;
import descent.nn.Param;
import descent.nn.ObjectiveParam;
import descent.optim.Adam;
import descent.optim.AdamW;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import descent.optim.SGD;
import descent.regularize.linear.L2Shrinkage;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static descent.regularize.PenaltiesTest.param;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Projections, the projected optimizer, dual ascent and decoupled weight decay. */
class ConstraintsTest {

    @Test
    void l2BallScalesOntoTheSphereAndLeavesInsidePointsAndBiasesAlone() {
        Param w = param("W", Param.Role.WEIGHT, 3, 0);
        Param v = param("V", Param.Role.WEIGHT, 0, 4);
        Param b = param("b", Param.Role.BIAS, 100);
        L2Ball ball = new L2Ball(List.of(w, v, b), 2.5);          // joint norm 5 → scaled by 1/2
        assertEquals(2.5, ball.violation(), 1e-15);
        ball.project();
        assertArrayEquals(new double[]{1.5, 0}, w.value().data, 1e-15);
        assertArrayEquals(new double[]{0, 2}, v.value().data, 1e-15);
        assertArrayEquals(new double[]{100}, b.value().data, 0);
        assertEquals(0, ball.violation(), 1e-15);
        ball.project();
        assertArrayEquals(new double[]{1.5, 0}, w.value().data, 0, "inside: untouched");
    }

    @Test
    void maxNormScalesEachColumnByHand() {
        // W is 2×3 (n_in = 2 rows, n_out = 3 units); column norms 5, 1, 13
        Param w = new Param("W", new DMatrixRMaj(new double[][]{{3, 1, 5}, {4, 0, 12}}));
        MaxNorm mn = new MaxNorm(List.of(w), 2);
        assertEquals(11, mn.violation(), 1e-14);
        mn.project();
        assertArrayEquals(new double[]{1.2, 1, 10.0 / 13, 1.6, 0, 24.0 / 13}, w.value().data, 1e-15);
        assertEquals(2, mn.maxColumnNorm(), 1e-15);
    }

    @Test
    void frobeniusBallActsPerMatrix() {
        Param a = new Param("A", new DMatrixRMaj(new double[][]{{3, 4}}));
        Param c = new Param("C", new DMatrixRMaj(new double[][]{{0.6, 0.8}}));
        FrobeniusBall f = new FrobeniusBall(List.of(a, c), 1);
        f.project();
        assertArrayEquals(new double[]{0.6, 0.8}, a.value().data, 1e-15);
        assertArrayEquals(new double[]{0.6, 0.8}, c.value().data, 1e-15);
    }

    @Test
    void l1BallProjectionIsTheNearestPointAndHitsTheRadius() {
        Random rng = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[7];
            for (int i = 0; i < x.length; i++) {
                x[i] = 3 * rng.nextGaussian();
            }
            Param w = param("W", Param.Role.WEIGHT, x);
            L1Ball ball = new L1Ball(List.of(w), 2.0);
            ball.project();
            double[] p = w.value().data;
            assertEquals(2.0, ball.norm(), 1e-12);
            // independent check: the projection is x − clip(x, −τ, τ)-shrunk; compare with bisection on τ
            double lo = 0, hi = 100;
            for (int it = 0; it < 200; it++) {
                double tau = 0.5 * (lo + hi), s = 0;
                for (double v : x) {
                    s += Math.max(Math.abs(v) - tau, 0);
                }
                if (s > 2.0) {
                    lo = tau;
                } else {
                    hi = tau;
                }
            }
            for (int i = 0; i < x.length; i++) {
                assertEquals(Math.signum(x[i]) * Math.max(Math.abs(x[i]) - lo, 0), p[i], 1e-10);
            }
            // and no random point of the ball is closer to x
            double best = dist(x, p);
            for (int k = 0; k < 200; k++) {
                double[] q = new double[7];
                double s = 0;
                for (int i = 0; i < 7; i++) {
                    q[i] = rng.nextGaussian();
                    s += Math.abs(q[i]);
                }
                double r = 2.0 * rng.nextDouble() / s;
                for (int i = 0; i < 7; i++) {
                    q[i] *= r;
                }
                assertTrue(dist(x, q) >= best - 1e-12);
            }
        }
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void tieProjectsOntoTheMeanAndProjectedSgdIsSharingAtHalfTheRate() {
        Param a = param("A", Param.Role.WEIGHT, 1, 2);
        Param b = param("B", Param.Role.WEIGHT, 3, -2);
        Tie tie = new Tie(a, b);
        assertEquals(Math.sqrt(4 + 16), tie.violation(), 1e-15);
        tie.project();
        assertArrayEquals(new double[]{2, 0}, a.value().data, 0);
        assertArrayEquals(new double[]{2, 0}, b.value().data, 0);
        // gradients g_A, g_B: projected SGD moves the shared value by −(ε/2)(g_A + g_B)
        a.grad().data[0] = 1;
        a.grad().data[1] = -1;
        b.grad().data[0] = 3;
        b.grad().data[1] = 5;
        new ProjectedOptimizer(new SGD(List.of(a, b), 0.1), tie).step();
        assertArrayEquals(new double[]{2 - 0.05 * 4, 0 - 0.05 * 4}, a.value().data, 1e-15);
        assertArrayEquals(a.value().data, b.value().data, 0);
    }

    @Test
    void projectedOptimizerStepsThenProjectsAndDelegatesTheRate() {
        Param w = param("W", Param.Role.WEIGHT, 1, 1);
        w.grad().data[0] = -10;
        w.grad().data[1] = 0;
        ProjectedOptimizer opt = new ProjectedOptimizer(new SGD(List.of(w), 0.1), new L2Ball(List.of(w), 1));
        opt.step();                                  // (2, 1) then scaled to norm 1
        assertArrayEquals(new double[]{2 / Math.sqrt(5), 1 / Math.sqrt(5)}, w.value().data, 1e-15);
        opt.setLearningRate(0.5);
        assertEquals(0.5, opt.inner().learningRate(), 0);
        assertEquals(0.5, opt.learningRate(), 0);
        assertEquals(1, opt.steps());
        // with a look-ahead optimizer the projection follows the whole step
        ObjectiveParam p = new ObjectiveParam(Quadratic.bowl(1, 10), new double[]{3, 3});
        ProjectedOptimizer nag = new ProjectedOptimizer(new Nesterov(List.of(p.param()), 0.05, 0.9),
                new L2Ball(List.of(p.param()), 0.5));
        for (int k = 0; k < 5; k++) {
            nag.step(p.oracle());
            assertTrue(Math.hypot(p.x()[0], p.x()[1]) <= 0.5 + 1e-15);
        }
        assertThrows(UnsupportedOperationException.class, nag::step);
    }

    @Test
    void istaThroughTheProjectedOptimizerMatchesTheClosedFormOnADiagonalQuadratic() {
        // J = ½ Σ Hᵢ(wᵢ − wᵢ*)², H = diag(2, 0.5, 4), w* = (1, 0.3, −2): minimizer of J + α‖w‖₁ is eq. 7.23
        double[] h = {2, 0.5, 4}, ws = {1, 0.3, -2};
        double alpha = 0.4;
        Param w = param("W", Param.Role.WEIGHT, 0, 0, 0);
        L1Penalty l1 = new L1Penalty(List.of(w), alpha);
        Optimizer opt = new ProjectedOptimizer(new SGD(List.of(w), 0.2), l1.proximal());
        for (int k = 0; k < 400; k++) {
            for (int i = 0; i < 3; i++) {
                w.grad().data[i] = h[i] * (w.value().data[i] - ws[i]);
            }
            opt.step();
        }
        // eq. 7.23 by hand: 1 − 0.2 = 0.8; |0.3| ≤ 0.8 → 0; −2 + 0.1 = −1.9
        assertArrayEquals(new double[]{0.8, 0, -1.9}, w.value().data, 1e-12);
        assertEquals(0.0, w.value().data[1], 0, "the proximal step reaches an exact zero");
    }

    @Test
    void dualAscentFindsTheMultiplierOfTheConstrainedQuadratic() {
        // J = (w₁ − 2)² + 10(w₂ − 1)² = ½(w − w*)ᵀH(w − w*) with H = diag(2, 20), w* = (2, 1);
        // constraint ½‖w‖² ≤ k = ½·1² (‖w‖ ≤ 1)
        Quadratic q = Quadratic.bowl(1, 10);
        double[] shift = {2, 1};
        DMatrixRMaj hm = new DMatrixRMaj(new double[][]{{2, 0}, {0, 20}});
        // independent: α* solves ‖w̃(α)‖ = 1 with w̃(α) = (H + αI)⁻¹Hw* (eq. 7.10), by bisection
        L2Shrinkage s = new L2Shrinkage(hm);
        double lo = 0, hi = 100;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double[] wt = s.solve(shift, mid);
            if (Math.hypot(wt[0], wt[1]) > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double alphaStar = lo;
        double[] wStar = s.solve(shift, alphaStar);

        Param w = param("W", Param.Role.WEIGHT, 0, 0);
        DualAscent dual = new DualAscent(new L2Penalty(List.of(w), 1), 0.5, 0.5);
        Optimizer opt = new ProjectedOptimizer(new SGD(List.of(w), 0.02), dual);
        double[] x = new double[2];
        for (int k = 0; k < 20000; k++) {
            double[] v = w.value().data;
            double[] gq = new double[2];
            x[0] = v[0] - shift[0];
            x[1] = v[1] - shift[1];
            q.valueAndGradient(x, gq);
            System.arraycopy(gq, 0, w.grad().data, 0, 2);
            dual.addGradient();
            opt.step();
        }
        assertEquals(alphaStar, dual.alpha(), 1e-6);
        assertArrayEquals(wStar, w.value().data, 1e-6);
        assertEquals(0.5, dual.omega(), 1e-6);
        // the multiplier never goes negative when the constraint is slack
        Param u = param("U", Param.Role.WEIGHT, 0.1);
        DualAscent slack = new DualAscent(new L2Penalty(List.of(u), 1), 1, 10, 0.3);
        assertEquals(0, slack.ascend(), 0);
    }

    @Test
    void decoupledDecayEqualsTheL2GradientForSgdAndAdamWForAdam() {
        Random rng = new Random(4);
        double[] w0 = {0.5, -1.5, 2.0}, b0 = {0.25};
        double[][] grads = new double[5][4];
        for (double[] g : grads) {
            for (int i = 0; i < 4; i++) {
                g[i] = rng.nextGaussian();
            }
        }
        double eps = 0.1, alpha = 0.3;
        // SGD: decoupled decay vs αw added to the gradient (eq. 7.5), biases excluded in both
        Param wa = param("W", Param.Role.WEIGHT, w0), ba = param("b", Param.Role.BIAS, b0);
        Param wb = param("W", Param.Role.WEIGHT, w0), bb = param("b", Param.Role.BIAS, b0);
        Optimizer dec = DecoupledWeightDecay.wrap(new SGD(List.of(wa, ba), eps), new L2Penalty(List.of(wa, ba), alpha));
        Optimizer coupled = new SGD(List.of(wb, bb), eps);
        L2Penalty l2 = new L2Penalty(List.of(wb, bb), alpha);
        for (double[] g : grads) {
            set(wa, ba, g);
            dec.step();
            set(wb, bb, g);
            l2.addGradient();
            coupled.step();
            assertArrayEquals(wb.value().data, wa.value().data, 1e-15);
            assertArrayEquals(bb.value().data, ba.value().data, 1e-15);
        }
        // Adam: decoupled decay with α is AdamW with λ = εα ...
        Param wc = param("W", Param.Role.WEIGHT, w0), wd = param("W", Param.Role.WEIGHT, w0), we = param("W", Param.Role.WEIGHT, w0);
        Optimizer adamDecoupled = DecoupledWeightDecay.wrap(new Adam(List.of(wc), eps), new L2Penalty(List.of(wc), alpha));
        Optimizer adamW = new AdamW(List.of(wd), eps, 0.9, 0.999, 1e-8, eps * alpha);
        Optimizer adamL2 = new Adam(List.of(we), eps);
        L2Penalty l2e = new L2Penalty(List.of(we), alpha);
        for (double[] g : grads) {
            System.arraycopy(g, 0, wc.grad().data, 0, 3);
            System.arraycopy(g, 0, wd.grad().data, 0, 3);
            System.arraycopy(g, 0, we.grad().data, 0, 3);
            adamDecoupled.step();
            adamW.step();
            l2e.addGradient();
            adamL2.step();
            assertArrayEquals(wd.value().data, wc.value().data, 1e-14);
        }
        // ... and not Adam with αw in the gradient
        double diff = Math.abs(wc.value().data[2] - we.value().data[2]);
        assertTrue(diff > 1e-3, "Adam + L2 and decoupled decay differ, got " + diff);
    }

    private static void set(Param w, Param b, double[] g) {
        System.arraycopy(g, 0, w.grad().data, 0, 3);
        b.grad().data[0] = g[3];
    }

    @Test
    void badRadiiAndEmptySelectionsAreRefused() {
        Param w = param("W", Param.Role.WEIGHT, 1);
        Param b = param("b", Param.Role.BIAS, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> new L2Ball(List.of(w), 0));
        assertTrue(e.getMessage().contains("radius") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxNorm(List.of(w), -1));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FrobeniusBall(List.of(w), Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new L1Ball(List.of(b), 1));
        assertTrue(e.getMessage().contains("no weight tensor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DualAscent(new L2Penalty(List.of(w), 1), 0, 1));
        assertTrue(e.getMessage().contains("k"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DualAscent(new L2Penalty(List.of(w), 1), 1, -2));
        assertTrue(e.getMessage().contains("-2.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ProjectedOptimizer(new SGD(List.of(w), 0.1)));
    }
}
