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

    /**
     * The operations. Each one holds, side by side, its value from its inputs' values ({@code forward}) and its
     * local derivative to input k given those values and its own value y ({@code local}, the z(i, j) of
     * Aggarwal §3.2.2), as micrograd does; so an operation is added in one place, and
     * {@link Graph#apply(Op, Node...)} builds a node of it. {@code arity} is the number of inputs (−1: one or more).
     */
    public enum Op {
        CONST(0),
        VAR(0),
        /** y = x (the book's layer of copies, eq. 3.6). */
        ID(1) {
            double forward(double[] x) { return x[0]; }
            double local(double[] x, double y, int k) { return 1; }
        },
        ADD(-1) {
            double forward(double[] x) {
                double s = 0;
                for (double v : x) {
                    s += v;
                }
                return s;
            }
            double local(double[] x, double y, int k) { return 1; }
            String label(String[] in) { return joined("+", in); }
        },
        MUL(-1) {
            double forward(double[] x) {
                double p = 1;
                for (double v : x) {
                    p *= v;
                }
                return p;
            }
            double local(double[] x, double y, int k) {
                double p = 1;
                for (int t = 0; t < x.length; t++) {
                    p *= t == k ? 1 : x[t];
                }
                return p;
            }
            String label(String[] in) { return joined("·", in); }
        },
        /** The gradient goes to the first maximal input (Aggarwal Table 3.1, "Max"). */
        MAX(-1) {
            double forward(double[] x) { return x[argmax(x)]; }
            double local(double[] x, double y, int k) { return k == argmax(x) ? 1 : 0; }
        },
        SIN(1) {
            double forward(double[] x) { return Math.sin(x[0]); }
            double local(double[] x, double y, int k) { return Math.cos(x[0]); }
        },
        COS(1) {
            double forward(double[] x) { return Math.cos(x[0]); }
            double local(double[] x, double y, int k) { return -Math.sin(x[0]); }
        },
        SQUARE(1) {
            double forward(double[] x) { return x[0] * x[0]; }
            double local(double[] x, double y, int k) { return 2 * x[0]; }
            String label(String[] in) { return "(" + in[0] + ")²"; }
        },
        EXP(1) {
            double forward(double[] x) { return Math.exp(x[0]); }
            double local(double[] x, double y, int k) { return y; }
        },
        LOG(1) {
            double forward(double[] x) { return Math.log(x[0]); }
            double local(double[] x, double y, int k) { return 1 / x[0]; }
        },
        SIGMOID(1) {
            double forward(double[] x) { return 1 / (1 + Math.exp(-x[0])); }
            double local(double[] x, double y, int k) { return y * (1 - y); }
            String label(String[] in) { return "σ(" + in[0] + ")"; }
        },
        TANH(1) {
            double forward(double[] x) { return Math.tanh(x[0]); }
            double local(double[] x, double y, int k) { return 1 - y * y; }
        };

        /** Number of inputs; −1 for one or more. */
        public final int arity;

        Op(int arity) {
            this.arity = arity;
        }

        /** The value from the inputs' values. */
        double forward(double[] x) {
            throw new IllegalStateException(this + " is a leaf: it has no inputs to compute from");
        }

        /** ∂y/∂x_k at inputs x with value y. */
        double local(double[] x, double y, int k) {
            throw new IllegalStateException(this + " is a leaf: it has no inputs");
        }

        /** A node's default label from its inputs' labels. */
        String label(String[] in) {
            return name().toLowerCase(java.util.Locale.ROOT) + "(" + String.join(", ", in) + ")";
        }

        private static String joined(String sep, String[] in) {
            return in.length > 1 ? "(" + String.join(sep, in) + ")" : in[0];
        }

        private static int argmax(double[] x) {
            int best = 0;
            for (int k = 1; k < x.length; k++) {
                if (x[k] > x[best]) {
                    best = k;
                }
            }
            return best;
        }
    }

    /** One node: its operation, inputs, label and current value. */
    public final class Node {
        final int id;
        final Op op;
        final Node[] inputs;
        /** The inputs' values at the last forward pass (what forward and local read). */
        private final double[] in;
        String label;
        double value;

        Node(Op op, String label, double value, Node... inputs) {
            this.id = nodes.size();
            this.op = op;
            this.inputs = inputs;
            this.in = new double[inputs.length];
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

        Graph graph() {
            return Graph.this;
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
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("variable " + label + " = " + v + "; a graph holds finite numbers");
            }
            value = v;
        }

        void evaluate() {
            if (inputs.length == 0) {
                return;
            }
            for (int k = 0; k < inputs.length; k++) {
                in[k] = inputs[k].value;
            }
            value = op.forward(in);
        }

        /** z(input k, this) = ∂(this)/∂(input k) at the values of the last forward pass. */
        public double local(int k) {
            if (k < 0 || k >= inputs.length) {
                throw new IllegalArgumentException(label + " has " + inputs.length + " inputs, no input " + k);
            }
            return op.local(in, value, k);
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
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a variable needs a name, got \"" + name + "\"");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("variable " + name + " = " + value + "; a graph holds finite numbers");
        }
        return new Node(Op.VAR, name, value);
    }

    /** A node of any operation on existing nodes of this graph, labelled the operation's way. */
    public Node apply(Op op, Node... in) {
        if (op == null || op.arity == 0) {
            throw new IllegalArgumentException("apply needs an operation with inputs, got " + op
                    + " (use constant(...) or variable(...) for leaves)");
        }
        if (in == null || in.length == 0 || (op.arity > 0 && in.length != op.arity)) {
            throw new IllegalArgumentException(op + " takes " + (op.arity > 0 ? op.arity + "" : "one or more")
                    + " input(s), got " + (in == null ? 0 : in.length));
        }
        String[] labels = new String[in.length];
        for (int k = 0; k < in.length; k++) {
            if (in[k] == null || in[k].graph() != this) {
                throw new IllegalArgumentException(op + ": input " + k + " is " + (in[k] == null ? "null" : "a node of another graph"));
            }
            labels[k] = in[k].label;
        }
        return new Node(op, op.label(labels), 0, in.clone());
    }

    /** A copy y = x: a node that only passes its input on (used for the book's layer of copies in eq. 3.6). */
    public Node id(String label, Node a) {
        return apply(Op.ID, a).as(label);
    }

    public Node add(Node... in) {
        return apply(Op.ADD, in);
    }

    public Node mul(Node... in) {
        return apply(Op.MUL, in);
    }

    /** max of the inputs; the gradient goes to the first maximal input (Table 3.1, "Max"). */
    public Node max(Node... in) {
        return apply(Op.MAX, in);
    }

    public Node sin(Node a) {
        return apply(Op.SIN, a);
    }

    public Node cos(Node a) {
        return apply(Op.COS, a);
    }

    public Node square(Node a) {
        return apply(Op.SQUARE, a);
    }

    public Node exp(Node a) {
        return apply(Op.EXP, a);
    }

    public Node log(Node a) {
        return apply(Op.LOG, a);
    }

    public Node sigmoid(Node a) {
        return apply(Op.SIGMOID, a);
    }

    public Node tanh(Node a) {
        return apply(Op.TANH, a);
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
}
