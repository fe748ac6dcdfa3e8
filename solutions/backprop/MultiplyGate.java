package backprop;

/**
 * A multiplication gate o = x1·x2, the node of book exercise 2 in the training chapter (Aggarwal, ch. 3,
 * Table 3.1, multiplication row).
 * <p>
 * Backward pass: the gate receives the upstream derivative ∂L/∂o and passes to each input the upstream derivative
 * times the local derivative, which for a product is the <em>other</em> input:
 * ∂L/∂x1 = ∂L/∂o · x2 and ∂L/∂x2 = ∂L/∂o · x1.
 */
public final class MultiplyGate {

    private MultiplyGate() {
    }

    /** Forward pass: o = x1·x2. */
    public static double forward(double x1, double x2) {
        return x1 * x2;
    }

    /**
     * Backward pass of o = x1·x2.
     *
     * @param upstream ∂L/∂o, the derivative of the loss with respect to the gate's output
     * @param x1 the first input seen in the forward pass
     * @param x2 the second input seen in the forward pass
     * @return {∂L/∂x1, ∂L/∂x2}
     */
    public static double[] backward(double upstream, double x1, double x2) {
        // BEGIN SOLUTION 01.2 multiply gate backward
        return new double[]{upstream * x2, upstream * x1};
        // END SOLUTION
    }
}
