package descent.regularize.ensemble;

import descent.nn.Param;
import descent.nn.Sequential;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * Mode connectivity (COMP541 lecture 4, slide 1, after Garipov et al. 2018 and Draxler et al. 2018): two networks
 * trained from different initializations, θ_A and θ_B, are often joined by a simple curve along which the loss stays
 * low, although the straight segment between them crosses a barrier. The quadratic Bézier curve with control point
 * θ_C is
 * <pre>
 *   φ(t) = (1 − t)² θ_A + 2t(1 − t) θ_C + t² θ_B,     t ∈ [0, 1]
 * </pre>
 * (θ_C = (θ_A + θ_B)/2 gives the straight segment). The control point is trained to minimize E_{t~U[0,1]} L(φ(t)):
 * each step draws t and a minibatch, writes φ(t) into the network, backpropagates, and moves θ_C along
 * ∂L/∂θ_C = 2t(1 − t) ∇L(φ(t)) by SGD with momentum. Parameter sets are arrays, one per tensor of
 * {@code net.params()}; endpoints of different architectures are refused, naming both shapes.
 */
public final class BezierCurve {

    private final Sequential net;
    private final List<Param> params;
    private final double[][] a;
    private final double[][] b;
    private final double[][] c;
    private final double[][] velocity;

    /** The curve between θ_A and θ_B through the control point initialized at their midpoint (the straight line). */
    public BezierCurve(Sequential net, double[][] thetaA, double[][] thetaB) {
        if (net == null || thetaA == null || thetaB == null) {
            throw new IllegalArgumentException("a Bézier curve needs a network and two endpoints");
        }
        this.net = net;
        this.params = net.params();
        requireShape("θ_A", thetaA);
        requireShape("θ_B", thetaB);
        this.a = copy(thetaA);
        this.b = copy(thetaB);
        this.c = new double[a.length][];
        this.velocity = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = new double[a[i].length];
            velocity[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                c[i][j] = 0.5 * (a[i][j] + b[i][j]);
            }
        }
    }

    /** The current values of {@code net}'s parameters, one array per tensor (a copy). */
    public static double[][] snapshot(Sequential net) {
        List<Param> ps = net.params();
        double[][] out = new double[ps.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ps.get(i).value().data.clone();
        }
        return out;
    }

    private void requireShape(String what, double[][] theta) {
        StringBuilder want = new StringBuilder(), got = new StringBuilder();
        boolean ok = theta.length == params.size();
        for (int i = 0; i < Math.max(theta.length, params.size()); i++) {
            if (i < params.size()) {
                want.append(i == 0 ? "" : ", ").append(params.get(i).size());
            }
            if (i < theta.length) {
                got.append(i == 0 ? "" : ", ").append(theta[i] == null ? "null" : String.valueOf(theta[i].length));
                ok &= i < params.size() && theta[i] != null && theta[i].length == params.get(i).size();
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("endpoint " + what + " has tensors of sizes [" + got + "] but the network "
                    + net + " has [" + want + "]: the endpoints must have the network's architecture");
        }
    }

    private static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }

    /** The control point θ_C (live arrays). */
    public double[][] control() {
        return c;
    }

    /** Writes φ(t) into the network's parameters. */
    public void setCurve(double t) {
        requireT(t);
        double wa = (1 - t) * (1 - t), wc = 2 * t * (1 - t), wb = t * t;
        for (int i = 0; i < a.length; i++) {
            double[] w = params.get(i).value().data;
            for (int j = 0; j < w.length; j++) {
                w[j] = wa * a[i][j] + wc * c[i][j] + wb * b[i][j];
            }
        }
    }

    /** Writes the straight segment's point (1 − t)θ_A + tθ_B into the network's parameters. */
    public void setLine(double t) {
        requireT(t);
        for (int i = 0; i < a.length; i++) {
            double[] w = params.get(i).value().data;
            for (int j = 0; j < w.length; j++) {
                w[j] = (1 - t) * a[i][j] + t * b[i][j];
            }
        }
    }

    private static void requireT(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("the curve parameter t must lie in [0, 1], got " + t);
        }
    }

    /**
     * One training step of the control point on the minibatch (x, labels) at curve parameter t: returns L(φ(t)).
     * Leaves φ(t) in the network.
     */
    public double step(DMatrixRMaj x, int[] labels, double t, double learningRate, double momentum) {
        if (!(learningRate > 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Bézier training needs a learning rate > 0 and momentum in [0, 1), got "
                    + learningRate + " and " + momentum);
        }
        setCurve(t);
        double loss = net.lossAndGradient(x, labels);
        double wc = 2 * t * (1 - t);
        for (int i = 0; i < c.length; i++) {
            double[] g = params.get(i).grad().data, v = velocity[i], ci = c[i];
            for (int j = 0; j < ci.length; j++) {
                v[j] = momentum * v[j] - learningRate * wc * g[j];
                ci[j] += v[j];
            }
        }
        return loss;
    }

    /** {@code steps} steps on random minibatches of {@code batch} rows of (x, labels), with t ~ U[0, 1] each step. */
    public void train(DMatrixRMaj x, int[] labels, int steps, int batch, double learningRate, double momentum, Random rng) {
        if (steps < 0 || batch < 1 || rng == null) {
            throw new IllegalArgumentException("Bézier training needs steps ≥ 0, batch ≥ 1 and a seeded Random, got "
                    + steps + ", " + batch + ", " + rng);
        }
        int n = x.numRows, m = Math.min(batch, n), d = x.numCols;
        DMatrixRMaj xb = new DMatrixRMaj(m, d);
        int[] yb = new int[m];
        for (int s = 0; s < steps; s++) {
            for (int r = 0; r < m; r++) {
                int e = rng.nextInt(n);
                System.arraycopy(x.data, e * d, xb.data, r * d, d);
                yb[r] = labels[e];
            }
            step(xb, yb, rng.nextDouble(), learningRate, momentum);
        }
    }
}
