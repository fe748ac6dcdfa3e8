package descent.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class GraphTest {

    @Test
    void cosOfSquareAndSinPlusCos() {
        double w = 0.8;
        Graph g = BookGraphs.cosOfSquare(w);
        assertEquals(Math.cos(w * w), g.node("o").value(), 1e-15);
        assertEquals(-2 * w * Math.sin(w * w), g.backprop(g.node("o")).of(g.node("w")), 1e-15);
        assertEquals(-2 * w * Math.sin(w * w), g.pathSum(g.node("o")).of(g.node("w")), 1e-15);
        Graph h = BookGraphs.sinPlusCosOfSquare(w);
        double expected = 2 * w * Math.cos(w * w) - 2 * w * Math.sin(w * w); // eq. 3.5
        assertEquals(expected, h.backprop(h.node("o")).of(h.node("w")), 1e-15);
        Graph.Gradients p = h.pathSum(h.node("o"));
        assertEquals(expected, p.of(h.node("w")), 1e-15);
        assertEquals(2, p.paths());
    }

    @Test
    void productLayersIsWToThe32WithThirtyTwoPaths() {
        // Eq. 3.6: at w = 1.1, ∂o/∂w = 32·1.1³¹ = 614.219 (closed form).
        Graph g = BookGraphs.productLayers(5, 1.1);
        assertEquals(Math.pow(1.1, 32), g.node("o").value(), 1e-12);
        Graph.Gradients dp = g.backprop(g.node("o"));
        Graph.Gradients paths = g.pathSum(g.node("o"));
        assertEquals(614.219, dp.of(g.node("w")), 1e-3);
        assertEquals(dp.of(g.node("w")), paths.of(g.node("w")), 1e-9);
        assertEquals(32, paths.paths());
        assertEquals(g.edgeCount(), dp.multiplications());
        for (int depth = 1; depth <= 10; depth++) {
            Graph d = BookGraphs.productLayers(depth, 1.01);
            assertEquals(1L << depth, d.pathSum(d.node("o")).paths());
            assertEquals(4L * depth, d.edgeCount());
            assertEquals((1L << depth) * (depth + 1), d.pathSum(d.node("o")).multiplications());
        }
    }

    @Test
    void nestedSigmoidMatchesItsHandDerivative() {
        double w = -0.4;
        double s1 = 1 / (1 + Math.exp(-w));
        double s2 = 1 / (1 + Math.exp(-s1));
        Graph g = BookGraphs.nestedSigmoid(w);
        assertEquals(s2 * (1 - s2) * s1 * (1 - s1), g.backprop(g.node("o")).of(g.node("w")), 1e-15);
    }

    @Test
    void exercises3And4WorkedAnswers() {
        Graph s = BookGraphs.pairwiseProductSum(1, 2, 3, 4);
        assertEquals(35, s.node("o").value());
        Graph.Gradients gs = s.backprop(s.node("o"));
        double[] want = {9, 8, 7, 6}; // 10 − x_i; with ∂L/∂o = 2 this is (18, 16, 14, 12)
        for (int i = 0; i < 4; i++) {
            assertEquals(want[i], gs.of(s.node("x" + (i + 1))), 0);
        }
        Graph m = BookGraphs.pairwiseProductMax(1, 2, 3, 4);
        assertEquals(12, m.node("o").value());
        double[] wantMax = {0, 0, 4, 3}; // ×2 → (0, 0, 8, 6)
        Graph.Gradients gm = m.backprop(m.node("o"));
        Graph.Gradients pm = m.pathSum(m.node("o"));
        for (int i = 0; i < 4; i++) {
            assertEquals(wantMax[i], gm.of(m.node("x" + (i + 1))), 0);
            assertEquals(wantMax[i], pm.of(m.node("x" + (i + 1))), 0);
        }
    }

    @Test
    void exercise1RecurrenceAtAHandCalculatedPoint() {
        // f = xy, g = x + y: x₂ = x²y + xy², ∂x₂/∂x₀ = 2xy + y² = −1.61 at (1.5, −0.7).
        Graph g = BookGraphs.productSumRecurrence(2, 1.5, -0.7);
        assertEquals(-1.61, g.backprop(g.node("x_2")).of(g.node("x_0")), 1e-12);
        assertEquals(-1.61, g.pathSum(g.node("x_2")).of(g.node("x_0")), 1e-12);
    }

    @Test
    void dynamicProgrammeEqualsPathEnumerationOnRandomDags() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            Graph g = new Graph();
            List<Graph.Node> pool = new ArrayList<>();
            pool.add(g.variable("a", rng.nextDouble() + 0.5));
            pool.add(g.variable("b", rng.nextDouble() + 0.5));
            for (int k = 0; k < 10; k++) {
                Graph.Node x = pool.get(rng.nextInt(pool.size()));
                Graph.Node y = pool.get(rng.nextInt(pool.size()));
                Graph.Node n = switch (rng.nextInt(8)) {
                    case 0 -> g.add(x, y);
                    case 1 -> g.mul(x, y);
                    case 2 -> g.sin(x);
                    case 3 -> g.tanh(x);
                    case 4 -> g.sigmoid(x);
                    case 5 -> g.max(x, y);
                    case 6 -> g.cos(x);
                    default -> g.square(x);
                };
                pool.add(n);
            }
            Graph.Node o = g.add(pool.get(pool.size() - 1), pool.get(pool.size() - 2), pool.get(pool.size() - 3));
            Graph.Gradients dp = g.backprop(o);
            Graph.Gradients ps = g.pathSum(o);
            for (String v : new String[]{"a", "b"}) {
                assertEquals(dp.of(g.node(v)), ps.of(g.node(v)), 1e-10 * (1 + Math.abs(dp.of(g.node(v)))));
                // and both agree with a central difference
                Graph.Node var = g.node(v);
                double keep = var.value();
                double h = 1e-6;
                var.set(keep + h);
                g.forward();
                double plus = o.value();
                var.set(keep - h);
                g.forward();
                double minus = o.value();
                var.set(keep);
                g.forward();
                assertEquals((plus - minus) / (2 * h), dp.of(var), 1e-6 * (1 + Math.abs(dp.of(var))));
            }
        }
    }

    @Test
    void logAndExpLocalDerivatives() {
        Graph g = new Graph();
        Graph.Node w = g.variable("w", 2.0);
        Graph.Node o = g.log(g.exp(g.square(w)));
        assertEquals(4.0, o.value(), 1e-12);
        assertEquals(4.0, g.backprop(o).of(w), 1e-12);
        assertThrows(IllegalStateException.class, () -> o.set(1));
    }

    /**
     * Every operation's local derivative, as it sits beside its forward computation, agrees with a central difference
     * of that forward computation, for every input slot at random points (a new operation is checked the day it is
     * added: the loop runs over {@code Op.values()}).
     */
    @Test
    void everyOperationsLocalDerivativeMatchesItsForwardByCentralDifferences() {
        java.util.Random r = new java.util.Random(4);
        for (Graph.Op op : Graph.Op.values()) {
            if (op.arity == 0) {
                continue;
            }
            for (int trial = 0; trial < 20; trial++) {
                int n = op.arity > 0 ? op.arity : 1 + r.nextInt(4);
                Graph g = new Graph();
                Graph.Node[] in = new Graph.Node[n];
                double[] x = new double[n];
                for (int k = 0; k < n; k++) {
                    x[k] = 0.3 + 2 * r.nextDouble(); // positive for log, distinct for max
                    in[k] = g.variable("x" + k, x[k]);
                }
                Graph.Node y = g.apply(op, in);
                for (int k = 0; k < n; k++) {
                    double h = 1e-6;
                    in[k].set(x[k] + h);
                    g.forward();
                    double up = y.value();
                    in[k].set(x[k] - h);
                    g.forward();
                    double down = y.value();
                    in[k].set(x[k]);
                    g.forward();
                    double fd = (up - down) / (2 * h);
                    assertEquals(fd, y.local(k), 1e-6 * Math.max(1, Math.abs(fd)), op + " input " + k + " of " + n + " at " + java.util.Arrays.toString(x));
                }
            }
        }
    }

    @Test
    void applyChecksTheOperationAndItsInputs() {
        Graph g = new Graph();
        Graph.Node a = g.variable("a", 1), b = g.variable("b", 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.apply(Graph.Op.SIN, a, b)).getMessage().contains("SIN takes 1"));
        assertThrows(IllegalArgumentException.class, () -> g.apply(Graph.Op.ADD));
        assertThrows(IllegalArgumentException.class, () -> g.apply(Graph.Op.VAR, a));
        Graph other = new Graph();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.add(a, other.variable("c", 3))).getMessage().contains("another graph"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.variable("d", Double.NaN)).getMessage().contains("NaN"));
        assertThrows(IllegalArgumentException.class, () -> a.set(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> g.mul(a, b).local(2));
    }
}
