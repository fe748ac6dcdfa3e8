package descent.regularize.ensemble;

import descent.data.Dataset;
import descent.nn.Linear;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.regularize.dropout.Dropout;
import descent.regularize.dropout.DropoutEnsemble;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class EnsembleTest {

    @Test
    void bootstrapKeepsAboutOneMinusOneOverEOfTheExamples() {
        assertEquals(1.0, Bootstrap.expectedUniqueFraction(1), 0);
        assertEquals(0.75, Bootstrap.expectedUniqueFraction(2), 1e-15);          // 1 − (1/2)²
        assertEquals(1 - 8.0 / 27, Bootstrap.expectedUniqueFraction(3), 1e-15);  // 1 − (2/3)³
        assertEquals(1 - Math.exp(-1), Bootstrap.expectedUniqueFraction(1_000_000), 1e-6);
        Random r = new Random(3);
        double mean = 0;
        for (int t = 0; t < 200; t++) {
            mean += Bootstrap.uniqueFraction(Bootstrap.sample(1000, r), 1000) / 200;
        }
        // the standard deviation of one fraction is about 0.01 at m = 1000, of the mean of 200 about 0.0007
        assertEquals(Bootstrap.expectedUniqueFraction(1000), mean, 0.003);
    }

    @Test
    void replicatesHaveTheOriginalSizeAndOnlyOriginalRows() {
        DMatrixRMaj x = new DMatrixRMaj(5, 1);
        for (int i = 0; i < 5; i++) {
            x.data[i] = 10 * i;
        }
        Dataset d = new Dataset("five", x, new int[]{0, 1, 2, 3, 4}, 5);
        for (Dataset rep : Bootstrap.replicates(d, 4, new Random(1))) {
            assertEquals(5, rep.size());
            for (int i = 0; i < 5; i++) {
                assertEquals(10.0 * rep.labels()[i], rep.x().get(i, 0), 0, "row and label stay together");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.sample(0, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.replicates(d, 0, new Random(1)));
    }

    @Test
    void arithmeticGeometricAndVoteByHand() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][]{{0.6, 0.3, 0.1}, {0.2, 0.2, 0.6}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][]{{0.2, 0.7, 0.1}, {0.1, 0.5, 0.4}});
        DMatrixRMaj c = new DMatrixRMaj(new double[][]{{0.5, 0.4, 0.1}, {0.3, 0.3, 0.4}});
        List<DMatrixRMaj> m = List.of(a, b, c);
        assertArrayEquals(new double[]{1.3 / 3, 1.4 / 3, 0.1, 0.2, 1.0 / 3, 1.4 / 3}, ModelAverage.combine(m, ModelAverage.Rule.ARITHMETIC).data, 1e-15);
        double[] g0 = {Math.cbrt(0.06), Math.cbrt(0.084), Math.cbrt(0.001)};
        double s = g0[0] + g0[1] + g0[2];
        DMatrixRMaj geo = ModelAverage.combine(m, ModelAverage.Rule.GEOMETRIC);
        assertArrayEquals(new double[]{g0[0] / s, g0[1] / s, g0[2] / s}, new double[]{geo.get(0, 0), geo.get(0, 1), geo.get(0, 2)}, 1e-14);
        // votes: example 0 → classes 0, 1, 0; example 1 → 2, 1, 2
        assertArrayEquals(new double[]{2.0 / 3, 1.0 / 3, 0, 0, 1.0 / 3, 2.0 / 3}, ModelAverage.combine(m, ModelAverage.Rule.VOTE).data, 1e-15);
        assertArrayEquals(new int[]{1, 2}, ModelAverage.argmax(ModelAverage.combine(m, ModelAverage.Rule.ARITHMETIC)));
        assertArrayEquals(new int[]{0, 2}, ModelAverage.argmax(ModelAverage.combine(m, ModelAverage.Rule.VOTE)));
    }

    @Test
    void geometricMeanOfTheSixteenDropoutSubModelsIsTheExactDropoutEnsemble() {
        Linear out = new Linear("out", 4, 3);
        Random r = new Random(2);
        for (int i = 0; i < out.weight().size(); i++) {
            out.weight().value().data[i] = r.nextGaussian();
        }
        Dropout d = Dropout.vanilla(0.5, new Random(1));
        Sequential net = new Sequential(new SoftmaxCrossEntropy(), d, out);
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{1, -2, 0.5, 3}, {0.2, 0.1, -1, 1}});
        List<DMatrixRMaj> members = new ArrayList<>();
        for (int code = 0; code < 16; code++) {
            d.fixMask(new double[]{code & 1, (code >> 1) & 1, (code >> 2) & 1, (code >> 3) & 1});
            members.add(DropoutEnsemble.softmax(net.forward(x)));
        }
        d.releaseMask();
        assertArrayEquals(DropoutEnsemble.exact(net, x, DropoutEnsemble.Mean.GEOMETRIC).data,
                ModelAverage.combine(members, ModelAverage.Rule.GEOMETRIC).data, 1e-13);
        assertArrayEquals(DropoutEnsemble.exact(net, x, DropoutEnsemble.Mean.ARITHMETIC).data,
                ModelAverage.combine(members, ModelAverage.Rule.ARITHMETIC).data, 1e-13);
    }

    static Sequential tiny(long seed) {
        Random r = new Random(seed);
        return new Sequential(new SoftmaxCrossEntropy(), new descent.nn.Linear("fc1", 3, 4, descent.init.Init.normal(0.8), r),
                new descent.nn.Tanh(), new descent.nn.Linear("fc2", 4, 2, descent.init.Init.normal(0.8), r));
    }

    @Test
    void bezierCurveEndsAtTheEndpointsIsTheLineAtTheMidpointAndItsControlGradientMatchesFiniteDifferences() {
        Sequential a = tiny(1), b = tiny(2), net = tiny(3);
        BezierCurve curve = new BezierCurve(net, BezierCurve.snapshot(a), BezierCurve.snapshot(b));
        curve.setCurve(0);
        assertArrayEquals(a.params().get(0).value().data, net.params().get(0).value().data, 0);
        curve.setCurve(1);
        assertArrayEquals(b.params().get(2).value().data, net.params().get(2).value().data, 1e-15);
        double[][] line = new double[4][];
        curve.setLine(0.3);
        for (int i = 0; i < 4; i++) {
            line[i] = net.params().get(i).value().data.clone();
        }
        curve.setCurve(0.3);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(line[i], net.params().get(i).value().data, 1e-15, "control at the midpoint: the curve is the line");
        }
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{1, -0.5, 2}, {0.3, 0.8, -1}, {-1, 0.2, 0.4}});
        int[] y = {0, 1, 1};
        Random r = new Random(4);
        for (double[] ci : curve.control()) {
            for (int j = 0; j < ci.length; j++) {
                ci[j] += 0.5 * r.nextGaussian();     // move the control point off the line
            }
        }
        double t = 0.35, h = 1e-6;
        curve.setCurve(t);
        net.lossAndGradient(x, y);
        double[][] g = new double[4][];
        for (int i = 0; i < 4; i++) {
            g[i] = net.params().get(i).grad().data.clone();
        }
        for (int i = 0; i < 4; i++) {
            double[] ci = curve.control()[i];
            for (int j = 0; j < ci.length; j += 2) {
                double keep = ci[j];
                ci[j] = keep + h;
                curve.setCurve(t);
                double plus = net.loss(x, y);
                ci[j] = keep - h;
                curve.setCurve(t);
                double minus = net.loss(x, y);
                ci[j] = keep;
                assertEquals(2 * t * (1 - t) * g[i][j], (plus - minus) / (2 * h), 1e-7, "∂L/∂θ_C, tensor " + i + " entry " + j);
            }
        }
        double before = curve.control()[1][2];
        curve.step(x, y, t, 0.1, 0);
        assertEquals(before - 0.1 * 2 * t * (1 - t) * g[1][2], curve.control()[1][2], 1e-14, "one SGD step on θ_C");
    }

    @Test
    void bezierEndpointsWithAnotherArchitectureAreRejectedNamingBothShapes() {
        Sequential net = tiny(1);
        Sequential other = new Sequential(new SoftmaxCrossEntropy(), new descent.nn.Linear("fc1", 3, 5), new descent.nn.Tanh(), new descent.nn.Linear("fc2", 5, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BezierCurve(net, BezierCurve.snapshot(net), BezierCurve.snapshot(other)));
        assertTrue(e.getMessage().contains("[15, 5, 10, 2]") && e.getMessage().contains("[12, 4, 8, 2]"), e.getMessage());
        BezierCurve ok = new BezierCurve(net, BezierCurve.snapshot(net), BezierCurve.snapshot(net));
        assertThrows(IllegalArgumentException.class, () -> ok.setCurve(1.5));
    }

    @Test
    void membersWithDifferentOutputSizesAreRejectedNamingBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelAverage.combine(List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 4)), ModelAverage.Rule.ARITHMETIC));
        assertTrue(e.getMessage().contains("2x4") && e.getMessage().contains("2x3"), e.getMessage());
        Sequential small = new Sequential(new SoftmaxCrossEntropy(), new Linear("a", 2, 3));
        Sequential big = new Sequential(new SoftmaxCrossEntropy(), new Linear("b", 2, 5));
        e = assertThrows(IllegalArgumentException.class, () -> ModelAverage.predict(List.of(small, big), new DMatrixRMaj(4, 2), ModelAverage.Rule.VOTE));
        assertTrue(e.getMessage().contains("4x5") && e.getMessage().contains("4x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelAverage.combine(List.of(), ModelAverage.Rule.VOTE));
    }
}
