package descent.check;

import descent.nn.Cache;
import descent.nn.Layer;
import descent.nn.Linear;
import descent.nn.Param;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class GradientCheckTest {

    @Test
    void relativeErrorIsEq334WithAZeroDenominatorGuard() {
        assertEquals(0.1 / 2.1, GradientCheck.relativeError(1.0, 1.1), 1e-15);
        assertEquals(0.0, GradientCheck.relativeError(0.0, 0.0));
        assertEquals(0.0, GradientCheck.relativeError(1e-14, -1e-14));
        assertEquals(Double.POSITIVE_INFINITY, GradientCheck.relativeError(1.0, -1.0));
        assertTrue(Double.isNaN(GradientCheck.relativeError(Double.NaN, 1.0)));
    }

    @Test
    void centralErrorShrinksLikeHSquaredForwardLikeH() {
        // f = sin, f'(1) = cos 1. Forward error ≈ h/2·|sin 1|, central ≈ h²/6·|cos 1|.
        double exact = Math.cos(1);
        double f1 = Math.abs(GradientCheck.derivative(Math::sin, 1, 1e-3, GradientCheck.Scheme.FORWARD) - exact);
        double f2 = Math.abs(GradientCheck.derivative(Math::sin, 1, 1e-4, GradientCheck.Scheme.FORWARD) - exact);
        double c1 = Math.abs(GradientCheck.derivative(Math::sin, 1, 1e-2, GradientCheck.Scheme.CENTRAL) - exact);
        double c2 = Math.abs(GradientCheck.derivative(Math::sin, 1, 1e-3, GradientCheck.Scheme.CENTRAL) - exact);
        assertEquals(10, f1 / f2, 0.5);
        assertEquals(100, c1 / c2, 5);
        assertEquals(1e-3 / 2 * Math.sin(1), f1, 1e-5);
    }

    @Test
    void sampledCheckPassesACorrectGradientAndFlagsAWrongOne() {
        Param w = Param.vector("w", 0.3, -1.2, 2.0, 0.7);
        Param b = Param.vector("b", 0.5);
        // L = Σ w_k² b + sin(b); ∂L/∂w = 2 w b, ∂L/∂b = Σ w² + cos b.
        boolean[] bug = {false};
        Runnable grads = () -> {
            double s = 0;
            for (int k = 0; k < 4; k++) {
                double wk = w.value().data[k];
                w.grad().data[k] = 2 * wk * b.value().data[0] * (bug[0] && k == 2 ? 1.01 : 1);
                s += wk * wk;
            }
            b.grad().data[0] = s + Math.cos(b.value().data[0]);
        };
        descent.nn.GradientOracle oracle = () -> {
            grads.run();
            double s = 0;
            for (double v : w.value().data) {
                s += v * v;
            }
            return s * b.value().data[0] + Math.sin(b.value().data[0]);
        };
        GradientCheck.Report ok = GradientCheck.run(List.of(w, b), oracle, new Random(1));
        assertTrue(ok.passes(GradientCheck.STRICT), ok.toString());
        assertEquals(5, ok.entries().size());
        assertArrayEquals(new double[]{0.3, -1.2, 2.0, 0.7}, w.value().data, 0, "values restored");
        bug[0] = true;
        GradientCheck.Report wrong = GradientCheck.run(List.of(w, b), oracle, new Random(1));
        assertFalse(wrong.passes(GradientCheck.KINK), wrong.toString());
        assertEquals(2, wrong.worst().index());
        assertTrue(wrong.toString().contains("WRONG"), wrong.toString());
    }

    @Test
    void layerCheckPassesACorrectLayerAndFlagsAWrongInputOrParameterGradient() {
        Linear fc = new Linear("fc", 3, 2);
        fc.weight().value().setData(new double[]{0.5, -1, 2, 0.3, -0.7, 1.1});
        DMatrixRMaj x = new DMatrixRMaj(2, 3, true, 1, -2, 0.5, 0.3, 0.8, -1.5);
        double[] keepX = x.data.clone();
        GradientCheck.Report ok = GradientCheck.layer(fc, x, new Random(4));
        assertTrue(ok.passes(1e-8), ok.toString());
        assertEquals(6 + 6 + 2, ok.entries().size(), "every input, weight and bias entry");
        assertEquals("input", ok.entries().get(0).param());
        assertArrayEquals(keepX, x.data, 0, "the input is restored");

        // Wrong input gradient: the layer doubles what it passes back. Wrong parameter gradient: it halves ∂L/∂W.
        for (boolean wrongInput : new boolean[]{true, false}) {
            Layer broken = new Layer() {
                public String name() { return "broken"; }
                public DMatrixRMaj forward(DMatrixRMaj in, Cache c) { return fc.forward(in, c); }
                public DMatrixRMaj backward(DMatrixRMaj g, Cache c, boolean need) {
                    DMatrixRMaj gin = fc.backward(g, c, need);
                    if (wrongInput) {
                        for (int k = 0; k < gin.getNumElements(); k++) gin.data[k] *= 2;
                    } else {
                        for (int k = 0; k < fc.weight().size(); k++) fc.weight().grad().data[k] *= 0.5;
                    }
                    return gin;
                }
                public java.util.List<Param> params() { return fc.params(); }
            };
            GradientCheck.Report bad = GradientCheck.layer(broken, x, new Random(4));
            assertTrue(bad.maxError() > 0.1, bad.toString());
            assertEquals(wrongInput ? "input" : fc.weight().name(), bad.worst().param());
        }
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.layer(null, x, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.layer(fc, null, new Random(1)));
    }
}
