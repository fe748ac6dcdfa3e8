package backprop;

import descent.nn.Activation;
import descent.nn.Identity;
import descent.nn.ReLU;
import descent.nn.Sigmoid;
import descent.nn.Tanh;

/**
 * Book exercise 9 of the training chapter (Aggarwal ch. 3): the post-activation recursion (Δ, eqs. 3.12–3.13) and
 * the pre-activation recursion (δ, eqs. 3.18–3.19) give the same weight gradients, because δ(h) = Φ'(a_h)·Δ(h).
 * <p>
 * The network is layered without biases: layer l has weights {@code w[l]} of shape n_l × n_{l+1}
 * ({@code w[l][r][j]} is the weight of the edge from unit r of layer l to unit j of layer l+1), pre-activations
 * a_{l+1} = Σ_r w[l][r][j]·h_l[r] and post-activations h_{l+1} = Φ_l(a_{l+1}); h_0 is the input.
 */
public final class PrePostBackprop {

    private PrePostBackprop() {
    }

    /** The activation Φ_l of a layer. */
    public enum Phi {
        IDENTITY, SIGMOID, TANH, RELU
    }

    /** The library's implementation of an activation: Φ(a) and Φ'(a) given a and h = Φ(a). */
    private static Activation activation(Phi phi) {
        return switch (phi) {
            case IDENTITY -> new Identity();
            case SIGMOID -> new Sigmoid();
            case TANH -> new Tanh();
            case RELU -> new ReLU();
        };
    }

    /** Forward values: {@code [0][l]} holds a_l and {@code [1][l]} holds h_l for l = 0..L (a_0 = h_0 = x). */
    public static double[][][] forward(double[][][] w, Phi[] phi, double[] x) {
        int layers = w.length;
        double[][] a = new double[layers + 1][];
        double[][] h = new double[layers + 1][];
        a[0] = x.clone();
        h[0] = x.clone();
        for (int l = 0; l < layers; l++) {
            int n = w[l][0].length;
            a[l + 1] = new double[n];
            h[l + 1] = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int r = 0; r < h[l].length; r++) {
                    s += w[l][r][j] * h[l][r];
                }
                a[l + 1][j] = s;
                h[l + 1][j] = activation(phi[l]).value(s);
            }
        }
        return new double[][][]{a, h};
    }

    /**
     * ∂L/∂w by the post-activation recursion: start from Δ(output) = ∂L/∂h_L, apply eq. 3.12 layer by layer
     * backwards, and read each weight's gradient off eq. 3.13.
     *
     * @param dLdOut ∂L/∂h_L, the loss derivative at the output layer's post-activations
     * @return gradients with the shape of {@code w}
     */
    public static double[][][] postActivation(double[][][] w, Phi[] phi, double[] x, double[] dLdOut) {
        double[][][] f = forward(w, phi, x);
        double[][] a = f[0];
        double[][] h = f[1];
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 01.9 (post-activation recursion (Δ)) is not implemented yet");
    }

    /**
     * ∂L/∂w by the pre-activation recursion: start from δ(output) = ∂L/∂h_L ⊙ Φ'(a_L), apply eq. 3.18 backwards,
     * and read each weight's gradient off eq. 3.19.
     */
    public static double[][][] preActivation(double[][][] w, Phi[] phi, double[] x, double[] dLdOut) {
        double[][][] f = forward(w, phi, x);
        double[][] a = f[0];
        double[][] h = f[1];
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 01.9 (pre-activation recursion (δ)) is not implemented yet");
    }
}
