package backprop;

/**
 * Book exercise 10 of the training chapter (Aggarwal ch. 3, §3.2.5.1): the softmax o_i = exp(v_i)/Σ_j exp(v_j)
 * (eq. 3.20), its Jacobian ∂o_i/∂v_j = o_i(δ_ij − o_j), and the gradient of the cross-entropy L = −Σ_i y_i log o_i
 * (eq. 3.21) with respect to the scores, which collapses to o − y (eq. 3.22) when the targets sum to 1.
 */
public final class SoftmaxDerivatives {

    private SoftmaxDerivatives() {
    }

    /** o = softmax(v), computed stably by subtracting max_j v_j first. */
    public static double[] softmax(double[] v) {
        // BEGIN SOLUTION 01.10 softmax
        double m = Double.NEGATIVE_INFINITY;
        for (double t : v) {
            m = Math.max(m, t);
        }
        double[] o = new double[v.length];
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.exp(v[i] - m);
            s += o[i];
        }
        for (int i = 0; i < v.length; i++) {
            o[i] /= s;
        }
        return o;
        // END SOLUTION
    }

    /** J with J[i][j] = ∂o_i/∂v_j. */
    public static double[][] jacobian(double[] v) {
        // BEGIN SOLUTION 01.10 softmax Jacobian
        double[] o = softmax(v);
        int k = v.length;
        double[][] j = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                j[a][b] = o[a] * ((a == b ? 1 : 0) - o[b]);
            }
        }
        return j;
        // END SOLUTION
    }

    /** ∂L/∂v for L = −Σ_i y_i log softmax(v)_i, with targets y summing to 1. */
    public static double[] crossEntropyGradient(double[] v, double[] y) {
        // BEGIN SOLUTION 01.10 cross-entropy gradient o − y
        double[] o = softmax(v);
        double[] g = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            g[i] = o[i] - y[i];
        }
        return g;
        // END SOLUTION
    }
}
