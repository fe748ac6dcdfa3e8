package backprop;

/**
 * The backward pass of a linear layer on a mini-batch (Aggarwal §3.2.6, Table 3.1, linear row; §3.2.8), batch-major:
 * row i of X is example i, the layer computes Y = X·W + 1bᵀ with W of shape inputs × outputs (the book's
 * z_{i+1} = Wᵀ z_i for each example), and G = ∂L/∂Y arrives from above. Gradients of the examples add (eq. 3.30).
 */
public final class LinearBackward {

    private LinearBackward() {
    }

    /** The three gradients of a linear layer. */
    public record Grads(double[][] dW, double[] db, double[][] dX) {
    }

    /** Y = X·W + 1bᵀ. */
    public static double[][] forward(double[][] x, double[][] w, double[] b) {
        int n = x.length;
        int out = w[0].length;
        double[][] y = new double[n][out];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                double s = b[j];
                for (int r = 0; r < w.length; r++) {
                    s += x[i][r] * w[r][j];
                }
                y[i][j] = s;
            }
        }
        return y;
    }

    /**
     * ∂L/∂W = XᵀG, ∂L/∂b = column sums of G, ∂L/∂X = G·Wᵀ.
     *
     * @param x       the layer's input, n × inputs
     * @param w       the weights, inputs × outputs
     * @param gradOut G = ∂L/∂Y, n × outputs
     */
    public static Grads backward(double[][] x, double[][] w, double[][] gradOut) {
        // BEGIN SOLUTION 01.13 linear layer backward
        int n = x.length;
        int in = w.length;
        int out = w[0].length;
        double[][] dW = new double[in][out];
        double[] db = new double[out];
        double[][] dX = new double[n][in];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                double g = gradOut[i][j];
                db[j] += g;
                for (int r = 0; r < in; r++) {
                    dW[r][j] += x[i][r] * g;
                    dX[i][r] += g * w[r][j];
                }
            }
        }
        return new Grads(dW, db, dX);
        // END SOLUTION
    }
}
