package descent.nn.node;

import descent.nn.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A network written node by node, with a weight on every edge, the way Aggarwal §3.2.3–3.2.9 derives
 * backpropagation. Every unit h has a pre-activation a_h = Σ_{r ⇒ h} w_(r,h)·h_r and a post-activation
 * h = Φ(a_h) (eq. 3.14); a bias is an edge from a node that always outputs 1.
 *
 * <p>Two dynamic programmes compute the same gradients:
 * <ul>
 *   <li>{@link #postActivation()}: Δ(h) = ∂L/∂h, with Δ(h_r) = Σ_{h_r ⇒ h} Φ'(a_h)·w_(h_r,h)·Δ(h) (eq. 3.12) and
 *       ∂L/∂w_(h_{r−1},h_r) = Δ(h_r)·h_{r−1}·Φ'(a_{h_r}) (eq. 3.13);</li>
 *   <li>{@link #preActivation()}: δ(h) = ∂L/∂a_h, with δ(h_r) = Φ'(a_{h_r})·Σ_{h_r ⇒ h} w_(h_r,h)·δ(h) (eq. 3.18) and
 *       ∂L/∂w_(h_{r−1},h_r) = δ(h_r)·h_{r−1} (eq. 3.19).</li>
 * </ul>
 * Losses may sit on any number of nodes, outputs or hidden (eqs. 3.25–3.26): a node's own ∂L_h/∂h is added to
 * what flows back from later nodes. Several edges may share one weight (§3.2.9); its gradient is the sum over
 * the edges. Nodes are added in topological order, so every edge goes from an earlier node to a later one.
 */
public final class NodeNetwork {

    private enum Kind { INPUT, BIAS, UNIT }

    private record Edge(int from, int to, int weight) {
    }

    private final List<Kind> kinds = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Activation> activations = new ArrayList<>();
    private final List<NodeLoss> losses = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<List<Edge>> in = new ArrayList<>();
    private final List<List<Edge>> out = new ArrayList<>();
    private final List<Integer> inputIds = new ArrayList<>();
    private double[] weights = new double[0];
    private double[] a = new double[0];
    private double[] h = new double[0];
    private boolean evaluated;

    private int add(Kind kind, String name, Activation phi) {
        kinds.add(kind);
        names.add(name);
        activations.add(phi);
        losses.add(null);
        in.add(new ArrayList<>());
        out.add(new ArrayList<>());
        evaluated = false;
        return kinds.size() - 1;
    }

    /** An input node; inputs are filled in the order they were added. */
    public int input(String name) {
        int id = add(Kind.INPUT, name, null);
        inputIds.add(id);
        return id;
    }

    /** A node that always outputs 1 (edges from it are biases). */
    public int bias() {
        return add(Kind.BIAS, "1", null);
    }

    /** A computational unit with activation Φ. */
    public int unit(String name, Activation phi) {
        return add(Kind.UNIT, name, phi);
    }

    /** A new weight with this value; returns its id (pass it to several {@link #connect} calls to share it). */
    public int weight(double value) {
        weights = java.util.Arrays.copyOf(weights, weights.length + 1);
        weights[weights.length - 1] = value;
        return weights.length - 1;
    }

    /** An edge from → to carrying the existing weight {@code weightId}. */
    public void connect(int from, int to, int weightId) {
        if (from >= to) {
            throw new IllegalArgumentException("edge " + names.get(from) + " → " + names.get(to)
                    + " goes backwards: add nodes in topological order");
        }
        if (kinds.get(to) != Kind.UNIT) {
            throw new IllegalArgumentException("edge into " + names.get(to) + ", which is an input or a bias node");
        }
        if (weightId < 0 || weightId >= weights.length) {
            throw new IllegalArgumentException("no weight " + weightId + " (there are " + weights.length + ")");
        }
        Edge e = new Edge(from, to, weightId);
        edges.add(e);
        in.get(to).add(e);
        out.get(from).add(e);
        evaluated = false;
    }

    /** An edge with a fresh weight of this value; returns the weight id. */
    public int connect(int from, int to, double value) {
        int w = weight(value);
        connect(from, to, w);
        return w;
    }

    /** Puts a loss on node {@code node}'s post-activation value (replacing any earlier one). */
    public void loss(int node, NodeLoss loss) {
        losses.set(node, loss);
        evaluated = false;
    }

    public int nodeCount() {
        return kinds.size();
    }

    public int edgeCount() {
        return edges.size();
    }

    public String name(int node) {
        return names.get(node);
    }

    public double[] weights() {
        return weights;
    }

    public double pre(int node) {
        return a[node];
    }

    public double post(int node) {
        return h[node];
    }

    /** Forward pass (eq. 3.14 at every unit); returns the total loss Σ L_h(h). */
    public double forward(double... x) {
        if (x.length != inputIds.size()) {
            throw new IllegalArgumentException("network has " + inputIds.size() + " inputs, got " + x.length + " values");
        }
        int n = kinds.size();
        a = new double[n];
        h = new double[n];
        for (int k = 0; k < x.length; k++) {
            h[inputIds.get(k)] = x[k];
            a[inputIds.get(k)] = x[k];
        }
        double loss = 0;
        for (int j = 0; j < n; j++) {
            if (kinds.get(j) == Kind.BIAS) {
                h[j] = 1;
                a[j] = 1;
            } else if (kinds.get(j) == Kind.UNIT) {
                double s = 0;
                for (Edge e : in.get(j)) {
                    s += weights[e.weight()] * h[e.from()];
                }
                a[j] = s;
                h[j] = activations.get(j).value(s);
            }
            if (losses.get(j) != null) {
                loss += losses.get(j).value(h[j]);
            }
        }
        evaluated = true;
        return loss;
    }

    /** Φ'(a_h) at node {@code node} after the last forward pass (1 for inputs and the bias node). */
    public double activationDerivative(int node) {
        requireForward();
        return phiPrime(node);
    }

    private double phiPrime(int j) {
        return kinds.get(j) == Kind.UNIT ? activations.get(j).derivative(a[j], h[j]) : 1.0;
    }

    private double ownLoss(int j) {
        return losses.get(j) == null ? 0.0 : losses.get(j).derivative(h[j]);
    }

    /**
     * The Δ recursion (eqs. 3.12–3.13, with hidden-node losses added at their node): {@code nodeGradient} holds
     * Δ(h) = ∂L/∂h for every node (for inputs, ∂L/∂x).
     */
    public Gradients postActivation() {
        requireForward();
        int n = kinds.size();
        double[] delta = new double[n];
        double[] dw = new double[weights.length];
        for (int r = n - 1; r >= 0; r--) {
            double s = ownLoss(r);
            for (Edge e : out.get(r)) {
                s += phiPrime(e.to()) * weights[e.weight()] * delta[e.to()];   // eq. 3.12
            }
            delta[r] = s;
        }
        for (Edge e : edges) {
            dw[e.weight()] += delta[e.to()] * h[e.from()] * phiPrime(e.to());  // eq. 3.13
        }
        return new Gradients(dw, delta);
    }

    /**
     * The δ recursion (eqs. 3.18–3.19; 3.25–3.26 for losses on hidden nodes): {@code nodeGradient} holds
     * δ(h) = ∂L/∂a_h for every unit, and ∂L/∂x for inputs (whose "activation" is the identity).
     */
    public Gradients preActivation() {
        requireForward();
        int n = kinds.size();
        double[] delta = new double[n];
        double[] dw = new double[weights.length];
        for (int r = n - 1; r >= 0; r--) {
            double s = 0;
            for (Edge e : out.get(r)) {
                s += weights[e.weight()] * delta[e.to()];
            }
            delta[r] = phiPrime(r) * (s + ownLoss(r));   // eq. 3.18, plus eq. 3.26's own term
        }
        for (Edge e : edges) {
            dw[e.weight()] += delta[e.to()] * h[e.from()];   // eq. 3.19
        }
        return new Gradients(dw, delta);
    }

    private void requireForward() {
        if (!evaluated) {
            throw new IllegalStateException("call forward(x) before backpropagating (the network changed or was never run)");
        }
    }

    /** ∂L/∂w for every weight id, and the per-node quantity of the recursion (Δ or δ). */
    public record Gradients(double[] weights, double[] nodeGradient) {
    }

    /**
     * A fully connected layered network: sizes[0] inputs, then units with the given activation per layer
     * (activations.length = sizes.length − 1), a bias into every unit, Gaussian weights N(0, 1/fan-in) from rng.
     * Node ids run layer by layer; inputs first, bias last of the inputs' block.
     */
    public static NodeNetwork layered(int[] sizes, Activation[] activations, Random rng) {
        if (activations.length != sizes.length - 1) {
            throw new IllegalArgumentException("need one activation per non-input layer: " + (sizes.length - 1)
                    + " layers, " + activations.length + " activations");
        }
        NodeNetwork net = new NodeNetwork();
        int[] prev = new int[sizes[0]];
        for (int i = 0; i < sizes[0]; i++) {
            prev[i] = net.input("x" + (i + 1));
        }
        int one = net.bias();
        for (int l = 1; l < sizes.length; l++) {
            int[] cur = new int[sizes[l]];
            for (int j = 0; j < sizes[l]; j++) {
                cur[j] = net.unit("h" + l + "," + (j + 1), activations[l - 1]);
                for (int p : prev) {
                    net.connect(p, cur[j], rng.nextGaussian() / Math.sqrt(prev.length));
                }
                net.connect(one, cur[j], 0.1 * rng.nextGaussian());
            }
            prev = cur;
        }
        return net;
    }

    /** Ids of the last {@code k} nodes added (the output layer of {@link #layered}). */
    public int[] lastNodes(int k) {
        int[] ids = new int[k];
        for (int i = 0; i < k; i++) {
            ids[i] = kinds.size() - k + i;
        }
        return ids;
    }
}
