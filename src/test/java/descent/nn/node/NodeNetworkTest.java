package descent.nn.node;

import descent.check.GradientCheck;
import descent.nn.*;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class NodeNetworkTest {

    private static NodeNetwork mixed(Random rng) {
        NodeNetwork net = NodeNetwork.layered(new int[]{3, 4, 4, 2},
                new Activation[]{new Tanh(), new Sigmoid(), new Identity()}, rng);
        int[] outs = net.lastNodes(2);
        net.loss(outs[0], NodeLoss.squared(0.3));
        net.loss(outs[1], NodeLoss.squared(-0.8));
        return net;
    }

    private static double[] finiteDifferences(NodeNetwork net, double[] x) {
        double[] w = net.weights();
        double[] est = new double[w.length];
        double h = 1e-6;
        for (int k = 0; k < w.length; k++) {
            double keep = w[k];
            w[k] = keep + h;
            double plus = net.forward(x);
            w[k] = keep - h;
            double minus = net.forward(x);
            w[k] = keep;
            est[k] = (plus - minus) / (2 * h);
        }
        net.forward(x);
        return est;
    }

    @Test
    void preAndPostActivationRecursionsAgreeAndMatchFiniteDifferences() {
        NodeNetwork net = mixed(new Random(3));
        double[] x = {0.5, -1.2, 0.8};
        net.forward(x);
        NodeNetwork.Gradients post = net.postActivation();
        NodeNetwork.Gradients pre = net.preActivation();
        assertArrayEquals(post.weights(), pre.weights(), 1e-12);
        double[] est = finiteDifferences(net, x);
        for (int k = 0; k < est.length; k++) {
            assertTrue(GradientCheck.relativeError(pre.weights()[k], est[k], 1e-10) < 1e-6, "weight " + k);
        }
        // Exercise 9's invariant: δ(h) = Φ'(a_h)·Δ(h) at every node.
        for (int j = 0; j < net.nodeCount(); j++) {
            assertEquals(net.activationDerivative(j) * post.nodeGradient()[j], pre.nodeGradient()[j], 1e-14, "node " + j);
        }
    }

    @Test
    void deltaEqualsPhiPrimeTimesDeltaCapital() {
        NodeNetwork net = mixed(new Random(4));
        net.forward(0.1, 0.2, -0.3);
        NodeNetwork.Gradients post = net.postActivation();
        NodeNetwork.Gradients pre = net.preActivation();
        Tanh tanh = new Tanh();
        // node 4 is the first hidden unit (3 inputs, then the bias node)
        double expected = tanh.derivative(net.pre(4), net.post(4)) * post.nodeGradient()[4];
        assertEquals(expected, pre.nodeGradient()[4], 1e-15);
    }

    @Test
    void handComputedTwoUnitChain() {
        // x → h = σ(w1 x) → o = w2 h, L = ½(o − t)². With x = 1, w1 = 0, w2 = 2, t = 0:
        // h = 0.5, o = 1, ∂L/∂o = 1, ∂L/∂w2 = h = 0.5, ∂L/∂w1 = w2·σ'(0)·x = 2·0.25 = 0.5.
        NodeNetwork net = new NodeNetwork();
        int x = net.input("x");
        int hid = net.unit("h", new Sigmoid());
        int o = net.unit("o", new Identity());
        net.connect(x, hid, 0.0);
        net.connect(hid, o, 2.0);
        net.loss(o, NodeLoss.squared(0));
        assertEquals(0.5, net.forward(1.0), 1e-15);
        assertArrayEquals(new double[]{0.5, 0.5}, net.postActivation().weights(), 1e-15);
        assertArrayEquals(new double[]{0.5, 0.5}, net.preActivation().weights(), 1e-15);
    }

    @Test
    void lossesOnHiddenNodesAdd() {
        // Eqs. 3.25–3.26: an L1 penalty on every hidden unit of layer 1.
        NodeNetwork net = mixed(new Random(5));
        for (int j = 4; j < 8; j++) {
            net.loss(j, NodeLoss.l1(0.05));
        }
        double[] x = {0.9, 0.4, -0.6};
        net.forward(x);
        NodeNetwork.Gradients pre = net.preActivation();
        assertArrayEquals(net.postActivation().weights(), pre.weights(), 1e-12);
        double[] est = finiteDifferences(net, x);
        for (int k = 0; k < est.length; k++) {
            assertTrue(GradientCheck.relativeError(pre.weights()[k], est[k], 1e-10) < 1e-6, "weight " + k);
        }
    }

    @Test
    void sharedWeightGradientIsTheSumOverItsCopies() {
        // §3.2.9: the same network twice, once with one weight shared by two edges, once untied.
        NodeNetwork tied = new NodeNetwork();
        NodeNetwork untied = new NodeNetwork();
        for (NodeNetwork n : new NodeNetwork[]{tied, untied}) {
            int x1 = n.input("x1");
            int x2 = n.input("x2");
            int h1 = n.unit("h1", new Tanh());
            int h2 = n.unit("h2", new Tanh());
            int o = n.unit("o", new Identity());
            if (n == tied) {
                int w = n.weight(0.7);
                n.connect(x1, h1, w);
                n.connect(x2, h2, w);
            } else {
                n.connect(x1, h1, 0.7);
                n.connect(x2, h2, 0.7);
            }
            n.connect(h1, o, 1.3);
            n.connect(h2, o, -0.4);
            n.loss(o, NodeLoss.squared(0.2));
            n.forward(0.6, -1.1);
        }
        double[] gt = tied.preActivation().weights();
        double[] gu = untied.preActivation().weights();
        assertEquals(3, gt.length);
        assertEquals(gu[0] + gu[1], gt[0], 1e-15);
        double[] est = finiteDifferences(tied, new double[]{0.6, -1.1});
        assertEquals(est[0], gt[0], 1e-8);
    }

    @Test
    void badConstructionIsRejectedWithNames() {
        NodeNetwork net = new NodeNetwork();
        int x = net.input("x");
        int h = net.unit("h", new ReLU());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.connect(h, x, 1.0));
        assertTrue(e.getMessage().contains("h") && e.getMessage().contains("x"), e.getMessage());
        assertThrows(IllegalStateException.class, net::preActivation);
        assertThrows(IllegalArgumentException.class, () -> net.forward(1, 2));
    }
}
