package descent.nn;

/**
 * A scalar activation Φ with its derivative, shared by the node-level networks ({@code descent.nn.node}) and
 * the elementwise layers. The derivative receives both the pre-activation a and the post-activation h = Φ(a),
 * because some are cheapest from h (sigmoid: h(1−h); tanh: 1−h², Aggarwal §3.2.5) and some from a (ReLU).
 */
public interface Activation {

    /** Φ(a). */
    double value(double a);

    /** Φ'(a), given a and h = Φ(a). */
    double derivative(double a, double h);

    /** Φ'(a), computing h itself. */
    default double derivative(double a) {
        return derivative(a, value(a));
    }

    String name();
}
