package descent.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A scalar computational graph (Aggarwal §3.2.1–3.2.2): a DAG whose nodes hold one number each and whose
 * edges carry the local derivative z(i, j) = ∂y(j)/∂y(i). Nodes are created in topological order (an operation
 * can only take existing nodes), so creation order is a valid forward order and its reverse a valid backward one.
 *
 * <p>Two ways to get ∂o/∂w for every node w:
 * <ul>
 *   <li>{@link #backprop}: the dynamic programme of eq. 3.8, S(i, o) = Σ_{j ∈ A(i)} S(j, o)·z(i, j), one pass
 *       over the edges in reverse topological order (linear in the number of edges);</li>
 *   <li>{@link #pathSum}: Lemma 3.2.1 (eq. 3.4) literally, the sum over every path from a variable to o of the
 *       product of its local derivatives (exponential in depth).</li>
 * </ul>
 * Both return a {@link Gradients} that also says how much work was done.
 */
public final class Graph {

    /** The operations. Each knows its forward value and the local derivative to each input. */
    public enum Op { CONST, VAR, ID, ADD, MUL, MAX, SIN, COS, SQUARE, EXP, LOG, SIGMOID, TANH }

    /** One node: its operation, inputs, label and current value. */
    public final class Node {
        final int id;
        final Op op;
        final Node[] inputs;
        String label;
        double value;

        Node(Op op, String label, double value, Node... inputs) {
            this.id = nodes.size();
            this.op = op;
            this.inputs = inputs;
            this.label = label;
            this.value = value;
            nodes.add(this);
            if (op != Op.CONST && op != Op.VAR) {
                evaluate();
            }
        }

        public double value() {
            return value;
        }

        public String label() {
            return label;
        }

        public Op op() {
            return op;
        }

        public int id() {
            return id;
        }

        public List<Node> inputs() {
            return List.of(inputs);
        }

        /** Renames this node (e.g. "o" for the output) and returns it. */
        public Node as(String newLabel) {
            this.label = newLabel;
            return this;
        }

        /** Sets a variable's value (call {@link Graph#forward()} afterwards). */
        public void set(double v) {
            if (op != Op.VAR) {
                throw new IllegalStateException("only variables can be set; " + this + " is " + op);
            }
            value = v;
        }

        void evaluate() {
            switch (op) {
                case CONST, VAR -> { }
                case ID -> value = inputs[0].value;
                case ADD -> {
                    double s = 0;
                    for (Node n : inputs) {
                        s += n.value;
                    }
                    value = s;
                }
                case MUL -> {
                    double p = 1;
                    for (Node n : inputs) {
                        p *= n.value;
                    }
                    value = p;
                }
                case MAX -> value = inputs[argmax()].value;
                case SIN -> value = Math.sin(inputs[0].value);
                case COS -> value = Math.cos(inputs[0].value);
                case SQUARE -> value = inputs[0].value * inputs[0].value;
                case EXP -> value = Math.exp(inputs[0].value);
                case LOG -> value = Math.log(inputs[0].value);
                case SIGMOID -> value = 1 / (1 + Math.exp(-inputs[0].value));
                case TANH -> value = Math.tanh(inputs[0].value);
                default -> throw new IllegalStateException(op.toString());
            }
        }

        /** The first maximal input: the max node's tie convention. */
        int argmax() {
            int best = 0;
            for (int k = 1; k < inputs.length; k++) {
                if (inputs[k].value > inputs[best].value) {
                    best = k;
                }
            }
            return best;
        }

        /** z(input k, this) = ∂(this)/∂(input k) at the current values. */
        public double local(int k) {
            double x = inputs[k].value;
            return switch (op) {
                case ID, ADD -> 1.0;
                case MUL -> {
                    double p = 1;
                    for (int t = 0; t < inputs.length; t++) {
                        if (t != k) {
                            p *= inputs[t].value;
                        }
                    }
                    yield p;
                }
                case MAX -> k == argmax() ? 1.0 : 0.0;
                case SIN -> Math.cos(x);
                case COS -> -Math.sin(x);
                case SQUARE -> 2 * x;
                case EXP -> value;
                case LOG -> 1 / x;
                case SIGMOID -> value * (1 - value);
                case TANH -> 1 - value * value;
                default -> throw new IllegalStateException(op + " has no inputs");
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final List<Node> nodes = new ArrayList<>();

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** Number of edges (input slots over all nodes). */
    public int edgeCount() {
        int e = 0;
        for (Node n : nodes) {
            e += n.inputs.length;
        }
        return e;
    }

    /** The node with this label (the first one, if several share it). */
    public Node node(String label) {
        for (Node n : nodes) {
            if (n.label.equals(label)) {
                return n;
            }
        }
        throw new IllegalArgumentException("no node labelled \"" + label + "\" in this graph");
    }

    public Node constant(double value) {
        return new Node(Op.CONST, Double.toString(value), value);
    }

    public Node variable(String name, double value) {
        return new Node(Op.VAR, name, value);
    }

    /** A copy y = x: a node that only passes its input on (used for the book's layer of copies in eq. 3.6). */
    public Node id(String label, Node a) {
        return new Node(Op.ID, label, 0, a);
    }

    public Node add(Node... in) {
        return new Node(Op.ADD, join("+", in), 0, requireInputs(in));
    }

    public Node mul(Node... in) {
        return new Node(Op.MUL, join("·", in), 0, requireInputs(in));
    }

    /** max of the inputs; the gradient goes to the first maximal input (Table 3.1, "Max"). */
    public Node max(Node... in) {
        return new Node(Op.MAX, "max(" + join(",", in) + ")", 0, requireInputs(in));
    }

    public Node sin(Node a) {
        return new Node(Op.SIN, "sin(" + a + ")", 0, a);
    }

    public Node cos(Node a) {
        return new Node(Op.COS, "cos(" + a + ")", 0, a);
    }

    public Node square(Node a) {
        return new Node(Op.SQUARE, "(" + a + ")²", 0, a);
    }

    public Node exp(Node a) {
        return new Node(Op.EXP, "exp(" + a + ")", 0, a);
    }

    public Node log(Node a) {
        return new Node(Op.LOG, "log(" + a + ")", 0, a);
    }

    public Node sigmoid(Node a) {
        return new Node(Op.SIGMOID, "σ(" + a + ")", 0, a);
    }

    public Node tanh(Node a) {
        return new Node(Op.TANH, "tanh(" + a + ")", 0, a);
    }

    /** Recomputes every value in topological order (after variables changed). */
    public void forward() {
        for (Node n : nodes) {
            n.evaluate();
        }
    }

    /** ∂o/∂(every node) plus the work done. */
    public static final class Gradients {
        private final double[] d;
        private final long multiplications;
        private final long paths;

        Gradients(double[] d, long multiplications, long paths) {
            this.d = d;
            this.multiplications = multiplications;
            this.paths = paths;
        }

        /** ∂o/∂n. */
        public double of(Node n) {
            return d[n.id];
        }

        /** Multiplications of local derivatives performed. */
        public long multiplications() {
            return multiplications;
        }

        /** Paths enumerated (0 for the dynamic programme, which never lists a path). */
        public long paths() {
            return paths;
        }
    }

    /**
     * Reverse-mode DP (eq. 3.8): S(o, o) = 1, then for each node j in reverse topological order and each input i,
     * S(i, o) += S(j, o)·z(i, j). One multiplication per edge on the way back.
     */
    public Gradients backprop(Node output) {
        double[] s = new double[nodes.size()];
        s[output.id] = 1.0;
        long mults = 0;
        for (int j = output.id; j >= 0; j--) {
            Node n = nodes.get(j);
            for (int k = 0; k < n.inputs.length; k++) {
                s[n.inputs[k].id] += s[j] * n.local(k);
                mults++;
            }
        }
        return new Gradients(s, mults, 0);
    }

    /**
     * Lemma 3.2.1: for every variable w, ∂o/∂w = Σ_paths Π_edges z(i, j), enumerating the paths from w to o one by
     * one. Exponential in depth; the count of paths and multiplications shows it. Only variables get a value.
     */
    public Gradients pathSum(Node output) {
        List<List<int[]>> consumers = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            consumers.add(new ArrayList<>());
        }
        for (Node n : nodes) {
            for (int k = 0; k < n.inputs.length; k++) {
                consumers.get(n.inputs[k].id).add(new int[]{n.id, k});
            }
        }
        double[] d = new double[nodes.size()];
        long[] counts = new long[2];
        for (Node n : nodes) {
            if (n.op == Op.VAR) {
                d[n.id] = sumPaths(n.id, output.id, 1.0, 0, consumers, counts);
            }
        }
        d[output.id] = output.op == Op.VAR ? d[output.id] : 1.0;
        return new Gradients(d, counts[1], counts[0]);
    }

    private double sumPaths(int at, int target, double product, int length, List<List<int[]>> consumers, long[] counts) {
        if (at == target) {
            counts[0]++;
            counts[1] += length;
            return product;
        }
        double total = 0;
        for (int[] c : consumers.get(at)) {
            if (c[0] <= target) {
                total += sumPaths(c[0], target, product * nodes.get(c[0]).local(c[1]), length + 1, consumers, counts);
            }
        }
        return total;
    }

    private static Node[] requireInputs(Node[] in) {
        if (in.length == 0) {
            throw new IllegalArgumentException("an operation needs at least one input");
        }
        return in;
    }

    private static String join(String sep, Node[] in) {
        StringBuilder sb = new StringBuilder();
        for (Node n : in) {
            sb.append(sb.length() == 0 ? "" : sep).append(n.label);
        }
        return in.length > 1 ? "(" + sb + ")" : sb.toString();
    }
}
