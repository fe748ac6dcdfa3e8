package descent.optim;

import descent.functions.Quadratic;
import descent.functions.Rosenbrock;
import descent.nn.Param;
import descent.nn.GradientOracle;
import descent.objective.Objective;
import descent.nn.ObjectiveParam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** Hand-calculated single steps, equivalences between variants, and properties stated in Goodfellow et al. and Aggarwal. */
class OptimizerPropertiesTest {

    static double[][] trajectory(Objective f, double[] start, Function<List<Param>, Optimizer> make, int steps) {
        ObjectiveParam p = new ObjectiveParam(f, start);
        Optimizer opt = make.apply(List.of(p.param()));
        double[][] out = new double[steps][];
        for (int k = 0; k < steps; k++) {
            opt.step(p.oracle());
            out[k] = p.x();
        }
        return out;
    }

    static void assertSameTrajectory(double[][] a, double[][] b, double tol) {
        for (int k = 0; k < a.length; k++) {
            assertArrayEquals(a[k], b[k], tol, "step " + (k + 1));
        }
    }

    // ---- validation -------------------------------------------------------------------------------------------

    @Test
    void constructorsRejectBadHyperparametersNamingTheValue() {
        List<Param> ps = List.of(Param.vector("x", 1, 2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(ps, -0.1)).getMessage().contains("-0.1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Momentum(ps, 0.1, 1.0)).getMessage().contains("1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Nesterov(ps, 0.1, -0.5)).getMessage().contains("-0.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AdaGrad(ps, 0.1, -1e-7)).getMessage().contains("δ"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RMSProp(ps, 0.1, 1.5)).getMessage().contains("1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1, 0.9, 1.0, 1e-8)).getMessage().contains("ρ₂"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AdamW(ps, -2)).getMessage().contains("-2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AdaDelta(ps, 1, Double.NaN, 1e-6)).getMessage().contains("NaN"));
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1));
        SGD sgd = new SGD(ps, 0.1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sgd.setLearningRate(Double.POSITIVE_INFINITY)).getMessage().contains("Infinity"));
        assertThrows(IllegalArgumentException.class, () -> new SAM(new Nesterov(ps)));
    }

    @Test
    void lookAheadMethodsRefuseAStepWithoutAnOracle() {
        List<Param> ps = List.of(Param.vector("x", 1, 2));
        assertThrows(UnsupportedOperationException.class, () -> new Nesterov(ps).step());
        assertThrows(UnsupportedOperationException.class, () -> new RMSPropNesterov(ps).step());
        assertThrows(UnsupportedOperationException.class, () -> new SAM(new SGD(ps)).step());
        new Nesterov(ps, 0.1, 0.9, Nesterov.Form.REPARAMETERIZED).step(); // gradient at the stored point: fine
    }

    // ---- SGD and momentum --------------------------------------------------------------------------------------

    @Test
    void sgdHandStep() {
        // f = x² + 4y² at (1, 1): g = (2, 8); ε = 0.1 → (0.8, 0.2)
        assertArrayEquals(new double[]{0.8, 0.2}, trajectory(Quadratic.bowl(1, 4), new double[]{1, 1}, ps -> new SGD(ps, 0.1), 1)[0], 1e-15);
    }

    @Test
    void momentumWithZeroAlphaIsSgd() {
        Rosenbrock f = Rosenbrock.twoD();
        assertSameTrajectory(trajectory(f, f.start(), ps -> new SGD(ps, 1e-3), 50),
                trajectory(f, f.start(), ps -> new Momentum(ps, 1e-3, 0.0), 50), 0);
    }

    @Test
    void momentumHandSteps() {
        // f = x² + 4y² from (1, 1), ε = 0.1, α = 0.5.
        // step 1: g = (2, 8), v = (−0.2, −0.8), θ = (0.8, 0.2)
        // step 2: g = (1.6, 1.6), v = (−0.1 − 0.16, −0.4 − 0.16) = (−0.26, −0.56), θ = (0.54, −0.36)
        double[][] t = trajectory(Quadratic.bowl(1, 4), new double[]{1, 1}, ps -> new Momentum(ps, 0.1, 0.5), 2);
        assertArrayEquals(new double[]{0.8, 0.2}, t[0], 1e-15);
        assertArrayEquals(new double[]{0.54, -0.36}, t[1], 1e-15);
    }

    /** Eq. 8.17: under a constant gradient g the velocity tends to −εg/(1 − α). */
    @Test
    void terminalVelocityIsEpsilonGOverOneMinusAlpha() {
        Param p = Param.vector("x", 0.0);
        Momentum m = new Momentum(List.of(p), 0.1, 0.9);
        GradientOracle constant = () -> {
            p.grad().data[0] = 1.0;
            return 0;
        };
        for (int k = 0; k < 300; k++) {
            m.step(constant);
        }
        assertEquals(-0.1 * 1.0 / (1 - 0.9), m.velocity(0)[0], 1e-12);
    }

    @Test
    void theTwoMomentumFormsDifferUnderASchedule() {
        ObjectiveParam a = new ObjectiveParam(Quadratic.bowl(1, 4), new double[]{1, 1});
        ObjectiveParam b = new ObjectiveParam(Quadratic.bowl(1, 4), new double[]{1, 1});
        Momentum inVelocity = new Momentum(List.of(a.param()), 0.1, 0.9);
        Momentum onStep = new Momentum(List.of(b.param()), 0.1, 0.9, Momentum.Form.RATE_ON_STEP);
        for (int k = 0; k < 5; k++) {
            inVelocity.setLearningRate(0.1 / (k + 1));
            onStep.setLearningRate(0.1 / (k + 1));
            inVelocity.step(a.oracle());
            onStep.step(b.oracle());
        }
        assertTrue(Math.abs(a.x()[0] - b.x()[0]) > 1e-3, "with a decaying rate the forms should part: " + a.x()[0] + " vs " + b.x()[0]);
    }

    // ---- Nesterov ----------------------------------------------------------------------------------------------

    /**
     * Nesterov's accelerated gradient with α_k = (k − 1)/(k + 2): the same iterates as the textbook form written
     * independently (y_k = x_k + α_k(x_k − x_{k−1}), x_{k+1} = y_k − ε∇f(y_k)), and within the bound
     * f(x_k) − f* ≤ 2L‖x₀ − x*‖²/(k + 1)² with ε = 1/L.
     */
    @Test
    void nesterovWithAMomentumScheduleIsTheAcceleratedGradientMethod() {
        Quadratic q = Quadratic.illConditioned(6, 200, 3);   // λ_max = L
        org.ejml.simple.SimpleEVD<org.ejml.simple.SimpleMatrix> evd = org.ejml.simple.SimpleMatrix.wrap(q.a()).eig();
        double lMax = 0;
        for (int i = 0; i < 6; i++) {
            lMax = Math.max(lMax, evd.getEigenvalue(i).getReal());
        }
        double[] start = {1, -2, 0.5, 3, -1, 2};
        ObjectiveParam p = new ObjectiveParam(q, start);
        Nesterov nag = new Nesterov(List.of(p.param()), 1 / lMax, 0);
        double[] x = start.clone(), xPrev = start.clone(), g = new double[6];
        double r0 = 0;
        for (int i = 0; i < 6; i++) {
            r0 += Math.pow(start[i] - q.minimizer()[i], 2);
        }
        for (int k = 1; k <= 60; k++) {
            double beta = (k - 1.0) / (k + 2.0);
            nag.setMomentum(beta);
            assertEquals(beta, nag.momentum());
            nag.step(p.oracle());
            double[] y = new double[6];
            for (int i = 0; i < 6; i++) {
                y[i] = x[i] + beta * (x[i] - xPrev[i]);
            }
            q.valueAndGradient(y, g);
            for (int i = 0; i < 6; i++) {
                xPrev[i] = x[i];
                x[i] = y[i] - g[i] / lMax;
            }
            assertArrayEquals(x, p.x(), 1e-10, "step " + k);
            double excess = q.value(p.x()) - q.minimum();
            assertTrue(excess <= 2 * lMax * r0 / Math.pow(k + 1, 2) + 1e-12, "step " + k + ": excess " + excess);
        }
        assertThrows(IllegalArgumentException.class, () -> nag.setMomentum(1.0));
        assertThrows(IllegalArgumentException.class, () -> nag.setMomentum(-0.1));
    }

    /** COMP541 lecture 4 (Nesterov's change of variables x̃ = θ + αv): the re-parameterized iterates are θ_k + α·v_k of the look-ahead form. */
    @Test
    void bothNesterovFormsGiveTheSameIterates() {
        Quadratic q = Quadratic.illConditioned(5, 50, 7);
        double[] start = {1, -1, 0.5, 2, -0.3};
        ObjectiveParam la = new ObjectiveParam(q, start);
        ObjectiveParam re = new ObjectiveParam(q, start);
        Nesterov lookAhead = new Nesterov(List.of(la.param()), 0.02, 0.9);
        Nesterov reparam = new Nesterov(List.of(re.param()), 0.02, 0.9, Nesterov.Form.REPARAMETERIZED);
        for (int k = 0; k < 50; k++) {
            lookAhead.step(la.oracle());
            reparam.step(re.oracle());
            double[] expected = la.x();
            for (int j = 0; j < expected.length; j++) {
                expected[j] += 0.9 * lookAhead.velocity(0)[j];
            }
            assertArrayEquals(expected, re.x(), 1e-12, "step " + (k + 1));
            assertArrayEquals(lookAhead.velocity(0), reparam.velocity(0), 1e-12);
        }
    }

    @Test
    void nesterovAsksForTheGradientAtTheInterimPoint() {
        // f = x² + 4y² from (1, 1), ε = 0.1, α = 0.5. Step 1 = SGD (v = 0): θ = (0.8, 0.2), v = (−0.2, −0.8).
        // Step 2: θ̃ = (0.7, −0.2), g = (1.4, −1.6), v = (−0.1 − 0.14, −0.4 + 0.16) = (−0.24, −0.24), θ = (0.56, −0.04)
        ObjectiveParam p = new ObjectiveParam(Quadratic.bowl(1, 4), new double[]{1, 1});
        List<double[]> asked = new ArrayList<>();
        GradientOracle spy = () -> {
            asked.add(p.x());
            return p.oracle().evaluate();
        };
        Nesterov n = new Nesterov(List.of(p.param()), 0.1, 0.5);
        n.step(spy);
        n.step(spy);
        assertArrayEquals(new double[]{1, 1}, asked.get(0), 1e-15);
        assertArrayEquals(new double[]{0.7, -0.2}, asked.get(1), 1e-15);
        assertArrayEquals(new double[]{0.56, -0.04}, p.x(), 1e-15);
    }

    // ---- AdaGrad -----------------------------------------------------------------------------------------------

    @Test
    void adagradHandStepHasTheMinusSign() {
        // f = ½(x² + y²)·(3, 2)… use the bowl 1.5x² + y² at (1, 2): g = (3, 4); r = (9, 16);
        // θ = (1 − 0.1·3/(3 + 1e-7), 2 − 0.1·4/(4 + 1e-7)) = (0.9000000033333332, 1.9000000025)
        double[] x = trajectory(Quadratic.bowl(1.5, 1), new double[]{1, 2}, ps -> new AdaGrad(ps, 0.1, 1e-7), 1)[0];
        assertArrayEquals(new double[]{0.9000000033333332, 1.9000000025}, x, 1e-15);
    }

    @Test
    void adagradEffectiveRatesNeverIncrease() {
        ObjectiveParam p = new ObjectiveParam(Rosenbrock.twoD(), new double[]{-1.2, 1});
        AdaGrad opt = new AdaGrad(List.of(p.param()), 0.05);
        double[] previous = opt.effectiveRates(0);
        for (int k = 0; k < 200; k++) {
            opt.step(p.oracle());
            double[] now = opt.effectiveRates(0);
            for (int j = 0; j < now.length; j++) {
                assertTrue(now[j] <= previous[j], "coordinate " + j + " rate rose from " + previous[j] + " to " + now[j]);
            }
            previous = now;
        }
    }

    // ---- RMSProp -----------------------------------------------------------------------------------------------

    @Test
    void rmspropHandStepWithDeltaInsideTheRoot() {
        // f = x² at x = 1: g = 2, r = 0.1·4 = 0.4, x = 1 − 0.01·2/√(1e-6 + 0.4)
        double[] x = trajectory(Quadratic.bowl(1), new double[]{1}, ps -> new RMSProp(ps, 0.01, 0.9, 1e-6), 1)[0];
        assertEquals(0.9683772629267129, x[0], 1e-15);
    }

    @Test
    void rmspropFirstStepIsBiasedByOneOverRootOneMinusRho() {
        double[] x = trajectory(Quadratic.bowl(1, 1000), new double[]{1, -1}, ps -> new RMSProp(ps, 0.01, 0.9, 0), 1)[0];
        double big = 0.01 / Math.sqrt(1 - 0.9); // ≈ 3.16ε, whatever |g|
        assertArrayEquals(new double[]{1 - big, -1 + big}, x, 1e-12);
    }

    @Test
    void rmspropNesterovHandSteps() {
        // f = x² from 1, ε = 0.1, ρ = 0.9, α = 0.9, δ = 0 (the box exactly); numbers by hand (Python float arithmetic)
        double[][] t = trajectory(Quadratic.bowl(1), new double[]{1}, ps -> new RMSPropNesterov(ps, 0.1, 0.9, 0.9, 0), 3);
        assertEquals(0.683772233983162, t[0][0], 1e-14);
        assertEquals(0.2765254942289858, t[1][0], 1e-14);
        assertEquals(-0.06097297520600725, t[2][0], 1e-14);
    }

    // ---- AdaDelta ----------------------------------------------------------------------------------------------

    @Test
    void adadeltaMovesFromTheFirstStepBecauseOfEpsilonInTheNumerator() {
        // g = 2 at x = 1: A = 0.05·4 = 0.2, Δ = √(1e-6/(0.2 + 1e-6))·2
        double[] x = trajectory(Quadratic.bowl(1), new double[]{1}, ps -> new AdaDelta(ps, 1, 0.95, 1e-6), 1)[0];
        assertEquals(1 - Math.sqrt(1e-6 / 0.200001) * 2, x[0], 1e-15);
        assertTrue(x[0] < 1);
    }

    // ---- Adam and AdamW ----------------------------------------------------------------------------------------

    /** Alg. 8.7 at t = 1: ŝ = g, r̂ = g², so every coordinate moves by ε against its gradient's sign. */
    @Test
    void adamFirstStepIsMinusEpsilonSignG() {
        Param p = Param.vector("θ", 0, 0, 0);
        double[] g = {1e-3, -5, 0.2};
        Adam adam = new Adam(List.of(p));
        adam.step(() -> {
            System.arraycopy(g, 0, p.grad().data, 0, 3);
            return 0;
        });
        assertArrayEquals(new double[]{-0.001, 0.001, -0.001}, p.value().data, 1e-8);
        assertEquals(1, adam.t());
    }

    @Test
    void adamWithoutBiasCorrectionTakesAFirstStepAbout3Point16TimesLarger() {
        Param p = Param.vector("θ", 0, 0);
        Adam adam = new Adam(List.of(p)).withoutBiasCorrection();
        adam.step(() -> {
            p.grad().data[0] = 0.5;
            p.grad().data[1] = -20;
            return 0;
        });
        double k = 0.001 * (1 - 0.9) / Math.sqrt(1 - 0.999); // 3.1623e-3
        assertArrayEquals(new double[]{-k, k}, p.value().data, 1e-9 * 3.2);  // δ = 1e-8 under √(1e-4·…)
    }

    @Test
    void adamwWithZeroDecayIsAdam() {
        Rosenbrock f = Rosenbrock.twoD();
        assertSameTrajectory(trajectory(f, f.start(), ps -> new Adam(ps, 0.01), 100),
                trajectory(f, f.start(), ps -> new AdamW(ps, 0.01, 0.9, 0.999, 1e-8, 0), 100), 0);
    }

    /** Zero data gradient: AdamW shrinks geometrically by (1 − ηλ); Adam + L2 moves each weight by ≈ ε·sign(θ). */
    @Test
    void decoupledDecayDiffersFromL2UnderAdam() {
        Param w = Param.vector("w", 2.0, -0.01);
        Param u = Param.vector("u", 2.0, -0.01);
        GradientOracle none = () -> {
            w.zeroGrad();
            u.zeroGrad();
            return 0;
        };
        AdamW adamw = new AdamW(List.of(w), 0.001, 0.9, 0.999, 1e-8, 0.1);
        Adam l2 = new Adam(List.of(u), 0.001).withL2(0.1);
        adamw.step(none);
        l2.step(none);
        assertArrayEquals(new double[]{2.0 * 0.9, -0.01 * 0.9}, w.value().data, 1e-15);
        assertArrayEquals(new double[]{2.0 - 0.001, -0.01 + 0.001}, u.value().data, 1e-7); // δ/|λθ| ≈ 1e-5 relative
        // a schedule multiplier η = ½ halves the decay too
        adamw.setLearningRate(0.0005);
        assertEquals(0.5, adamw.scheduleMultiplier(), 1e-15);
        adamw.step(none);
        assertArrayEquals(new double[]{2.0 * 0.9 * 0.95, -0.01 * 0.9 * 0.95}, w.value().data, 1e-15);
    }

    // ---- SAM ---------------------------------------------------------------------------------------------------

    @Test
    void samAscendsRhoAlongTheNormalizedGradientThenStepsFromThere() {
        // f = x² + 4y² at (1, 1): g = (2, 8), ‖g‖ = √68; e = 0.1·g/‖g‖; g_SAM = ∇f(1 + e); SGD ε = 0.1
        ObjectiveParam p = new ObjectiveParam(Quadratic.bowl(1, 4), new double[]{1, 1});
        List<double[]> asked = new ArrayList<>();
        GradientOracle spy = () -> {
            asked.add(p.x());
            return p.oracle().evaluate();
        };
        SAM sam = new SAM(new SGD(List.of(p.param()), 0.1), 0.1);
        double loss = sam.step(spy);
        assertEquals(5, loss, 0);
        assertEquals(2, asked.size());
        double n = Math.sqrt(68);
        assertArrayEquals(new double[]{1 + 0.2 / n, 1 + 0.8 / n}, asked.get(1), 1e-12); // the norm carries a 1e-12 guard
        assertArrayEquals(new double[]{0.7951492874992734, 0.12238859998837337}, p.x(), 1e-12);
    }

    @Test
    void samWithZeroRadiusIsItsBase() {
        Rosenbrock f = Rosenbrock.twoD();
        assertSameTrajectory(trajectory(f, f.start(), ps -> new Momentum(ps, 1e-3, 0.9), 30),
                trajectory(f, f.start(), ps -> new SAM(new Momentum(ps, 1e-3, 0.9), 0), 30), 0);
    }

    // Properties every optimizer must have (per-tensor state, reset, stored gradients, descent) are checked on
    // every optimizer the library has, found by scanning: OptimizerContractTest.
}
