package descent.optim;

import descent.functions.Rosenbrock;
import descent.nn.Param;
import descent.nn.ObjectiveParam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Trajectories against torch.optim 1.13 (float64), five steps on the 2-D Rosenbrock function from (−1.2, 1).
 * The numbers come from {@code src/test/python/optim_fixtures.py}, run once.
 */
class TorchTrajectoryTest {

    // SGD
    static final double[][] SGD = {
            {-0.9843999999999999, 1.088},
            {-1.0272715665664, 1.0642086720000001},
            {-1.0268830682337082, 1.0624243118951573},
            {-1.0260888245031374, 1.0608372166811408},
            {-1.0253114876941536, 1.0592414284989586}};
    // MOMENTUM
    static final double[][] MOMENTUM = {
            {-0.9843999999999999, 1.088},
            {-0.8332315665664001, 1.143408672},
            {-0.8432065067430705, 1.1034497111045394},
            {-0.980864939879644, 0.9889961466804873},
            {-1.1113499522431685, 0.8806079154197625}};
    // NESTEROV
    static final double[][] NESTEROV = {
            {-0.7903600000000001, 1.1672},
            {-0.9348047231690215, 1.0323181932480001},
            {-1.0188861829366709, 0.9483659971834222},
            {-0.9675361088906599, 0.9354414803337202},
            {-0.9498999660710467, 0.9079122288176901}};
    // ADAGRAD
    static final double[][] ADAGRAD = {
            {-1.100000000046382, 1.0999999998863637},
            {-1.0762981580745976, 1.1242535624080157},
            {-1.0678298518619835, 1.1317650330274625},
            {-1.0643458624240716, 1.1336325752517071},
            {-1.0626464211780065, 1.1334566137664788}};
    // RMSPROP_OUTSIDE
    static final double[][] RMSPROP_OUTSIDE = {
            {-1.1683772234029544, 1.03162277659032},
            {-1.1488789101272259, 1.051360980562228},
            {-1.1343297935203098, 1.0661665731428904},
            {-1.1226822120088256, 1.0780439649076088},
            {-1.1130289974640413, 1.0878832440146244}};
    // ADADELTA
    static final double[][] ADADELTA = {
            {-1.1955278640459626, 1.0044721359492246},
            {-1.191083638278744, 1.0089230355524599},
            {-1.1867161444685037, 1.0133057511035972},
            {-1.1824484451273705, 1.0175975931687906},
            {-1.1782925854135502, 1.0217862410903749}};
    // ADAM
    static final double[][] ADAM = {
            {-1.1900000000004638, 1.0099999999988636},
            {-1.1800319627914446, 1.0199711121251558},
            {-1.1701205476626875, 1.029890618969127},
            {-1.1602930783503274, 1.0397329294796929},
            {-1.1505796078433999, 1.0494693827229704}};
    // ADAMW
    static final double[][] ADAMW = {
            {-1.1888000000004637, 1.0089999999988637},
            {-1.1776458005670083, 1.0179599848861274},
            {-1.1665641672697558, 1.0268554517746076},
            {-1.155584819005738, 1.0356586915670072},
            {-1.144740492174491, 1.0443385597394848}};

    static void assertTrajectory(double[][] expected, Function<List<Param>, Optimizer> make) {
        ObjectiveParam p = new ObjectiveParam(Rosenbrock.twoD(), new double[]{-1.2, 1});
        Optimizer opt = make.apply(List.of(p.param()));
        for (int k = 0; k < expected.length; k++) {
            opt.step(p.oracle());
            assertArrayEquals(expected[k], p.x(), 1e-12 * (1 + Math.abs(expected[k][0])), opt.name() + " step " + (k + 1));
        }
    }

    @Test
    void sgd() {
        assertTrajectory(SGD, ps -> new SGD(ps, 1e-3));
    }

    @Test
    void momentumBothForms() {
        assertTrajectory(MOMENTUM, ps -> new Momentum(ps, 1e-3, 0.9));
        assertTrajectory(MOMENTUM, ps -> new Momentum(ps, 1e-3, 0.9, Momentum.Form.RATE_ON_STEP));
    }

    @Test
    void nesterovReparameterizedIsTorchNesterov() {
        assertTrajectory(NESTEROV, ps -> new Nesterov(ps, 1e-3, 0.9, Nesterov.Form.REPARAMETERIZED));
    }

    @Test
    void adagrad() {
        assertTrajectory(ADAGRAD, ps -> new AdaGrad(ps, 0.1, 1e-7));
    }

    @Test
    void rmspropWithDeltaOutsideTheRoot() {
        assertTrajectory(RMSPROP_OUTSIDE, ps -> new RMSProp(ps, 0.01, 0.9, 1e-8).deltaOutsideRoot());
    }

    @Test
    void adadelta() {
        assertTrajectory(ADADELTA, ps -> new AdaDelta(ps, 1.0, 0.95, 1e-6));
    }

    @Test
    void adam() {
        assertTrajectory(ADAM, ps -> new Adam(ps, 0.01, 0.9, 0.999, 1e-8));
    }

    /** torch's weight_decay w multiplies lr: λ = lr·w = 0.01·0.1. */
    @Test
    void adamw() {
        assertTrajectory(ADAMW, ps -> new AdamW(ps, 0.01, 0.9, 0.999, 1e-8, 0.001));
        assertTrajectory(ADAMW, ps -> AdamW.withPyTorchWeightDecay(ps, 0.01, 0.1));
        assertEquals(0.001, AdamW.withPyTorchWeightDecay(List.of(Param.vector("x", 1)), 0.01, 0.1).lambda(), 1e-18);
    }

    // ADAMW_SCHEDULED (optim_fixtures.py: lr = 0.05, weight_decay = 2, LambdaLR halving the rate after every step)
    static final double[][] ADAMW_SCHEDULED = {
            {-1.0300000000023193, 0.9499999999943182},
            {-0.9579929909385841, 0.9232918172902611},
            {-0.9260526847777247, 0.9081473881746488},
            {-0.9114558440163147, 0.8996237185056462},
            {-0.9046515037333396, 0.894928143678885}};

    /**
     * Under a schedule the decay follows the scheduled rate in both conventions: PyTorch's lr_k·w equals our
     * η_k·λ with η_k = lr_k/α and λ = α·w. Passing PyTorch's w as λ instead is off from the first step.
     */
    @Test
    void adamwWithPyTorchWeightDecayFollowsTorchUnderASchedule() {
        ObjectiveParam p = new ObjectiveParam(Rosenbrock.twoD(), Rosenbrock.twoD().start());
        AdamW opt = AdamW.withPyTorchWeightDecay(List.of(p.param()), 0.05, 2.0);
        ObjectiveParam q = new ObjectiveParam(Rosenbrock.twoD(), Rosenbrock.twoD().start());
        AdamW naive = new AdamW(List.of(q.param()), 0.05, 0.9, 0.999, 1e-8, 2.0);
        for (int k = 0; k < ADAMW_SCHEDULED.length; k++) {
            opt.setLearningRate(0.05 * Math.pow(0.5, k));
            naive.setLearningRate(0.05 * Math.pow(0.5, k));
            opt.step(p.oracle());
            naive.step(q.oracle());
            assertArrayEquals(ADAMW_SCHEDULED[k], p.x(), 1e-12, "step " + (k + 1));
        }
        // λ = w (the paper's convention fed PyTorch's number) removes 2·θ per step instead of 0.1·θ
        assertTrue(Math.abs(q.x()[0] - ADAMW_SCHEDULED[ADAMW_SCHEDULED.length - 1][0]) > 0.1, "naive " + q.x()[0]);
    }
}
