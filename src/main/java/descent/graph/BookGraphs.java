package descent.graph;

/**
 * The worked examples of Aggarwal §3.2.1–3.2.2 and exercises 1, 3 and 4 as graphs. Each method returns the
 * graph; its output is {@link Graph#node(String)} "o" and its variables are labelled as in the text.
 */
public final class BookGraphs {

    private BookGraphs() {
    }

    /** Fig. 3.1: o = cos(w²), do/dw = −2w·sin(w²). */
    public static Graph cosOfSquare(double w) {
        Graph g = new Graph();
        g.cos(g.square(g.variable("w", w))).as("o");
        return g;
    }

    /** Eq. 3.5 (Figs. 3.2–3.3): o = sin(w²) + cos(w²), two paths from w to o. */
    public static Graph sinPlusCosOfSquare(double w) {
        Graph g = new Graph();
        Graph.Node y = g.square(g.variable("w", w));
        g.add(g.sin(y), g.cos(y)).as("o");
        return g;
    }

    /** Eq. 3.1: two sigmoids in series, o = σ(σ(w)). */
    public static Graph nestedSigmoid(double w) {
        Graph g = new Graph();
        g.sigmoid(g.sigmoid(g.variable("w", w))).as("o");
        return g;
    }

    /**
     * Eq. 3.6 (Fig. 3.4) with any depth: layer 1 holds two copies of w, each later layer two nodes that both
     * multiply the previous layer's pair, and o multiplies the last pair. With depth L, o = w^(2^L) and there are
     * 2^L paths from w to o, each contributing w^(2^L − 1); the book's case is L = 5 (o = w³², 32 paths).
     */
    public static Graph productLayers(int depth, double w) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        Graph g = new Graph();
        Graph.Node in = g.variable("w", w);
        Graph.Node a = g.id("h(1,1)", in);
        Graph.Node b = g.id("h(1,2)", in);
        for (int layer = 2; layer <= depth; layer++) {
            Graph.Node na = g.mul(a, b);
            Graph.Node nb = g.mul(a, b);
            a = na;
            b = nb;
        }
        g.mul(a, b).as("o");
        return g;
    }

    /** Exercise 3: o = Σ_{i&lt;j} x_i x_j over the pairwise-product hidden units. */
    public static Graph pairwiseProductSum(double... x) {
        Graph g = new Graph();
        Graph.Node[] in = variables(g, x);
        g.add(pairs(g, in)).as("o");
        return g;
    }

    /** Exercise 4: o = max_{i&lt;j} x_i x_j (ties go to the first pair in the order (1,2), (1,3), …). */
    public static Graph pairwiseProductMax(double... x) {
        Graph g = new Graph();
        Graph.Node[] in = variables(g, x);
        g.max(pairs(g, in)).as("o");
        return g;
    }

    /** Exercise 1 with f(x, y) = x·y and g(x, y) = x + y, unrolled for {@code steps} steps; outputs "x_t", "y_t". */
    public static Graph productSumRecurrence(int steps, double x0, double y0) {
        Graph g = new Graph();
        Graph.Node x = g.variable("x_0", x0);
        Graph.Node y = g.variable("y_0", y0);
        for (int t = 1; t <= steps; t++) {
            Graph.Node nx = g.mul(x, y).as("x_" + t);
            Graph.Node ny = g.add(x, y).as("y_" + t);
            x = nx;
            y = ny;
        }
        return g;
    }

    private static Graph.Node[] variables(Graph g, double[] x) {
        Graph.Node[] in = new Graph.Node[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = g.variable("x" + (i + 1), x[i]);
        }
        return in;
    }

    private static Graph.Node[] pairs(Graph g, Graph.Node[] in) {
        int n = in.length;
        Graph.Node[] p = new Graph.Node[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                p[k++] = g.mul(in[i], in[j]);
            }
        }
        return p;
    }
}
