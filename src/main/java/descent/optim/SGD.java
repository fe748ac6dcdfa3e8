package descent.optim;

import descent.nn.Param;
import descent.nn.GradientOracle;

import java.util.List;

/**
 * Stochastic gradient descent, Goodfellow et al. Algorithm 8.1 (and Aggarwal §3.5, plain update).
 * <pre>
 * require: learning rate ε_k (a schedule sets it between steps), initial θ
 * loop:    g ← (1/m) ∇_θ Σᵢ L(f(x⁽ⁱ⁾; θ), y⁽ⁱ⁾)     (the oracle, or the gradients already in the params)
 *          θ ← θ − ε_k g
 * </pre>
 * Default ε = 0.01 (Keras {@code SGD()}).
 */
public final class SGD extends Optimizer {

    public SGD(List<Param> params) {
        this(params, 0.01);
    }

    public SGD(List<Param> params, double learningRate) {
        super(params, learningRate);
    }

    @Override
    protected double update(GradientOracle gradient) {
        double loss = gradient.evaluate();
        double eps = learningRate();
        for (Param p : params) {
            double[] w = p.value().data, g = p.grad().data;
            for (int j = 0, n = p.size(); j < n; j++) {
                w[j] -= eps * g[j];
            }
        }
        return loss;
    }

    /** Plain SGD keeps no state between steps. */
    @Override
    protected double[][][] stateArrays() {
        return new double[0][][];
    }
}
