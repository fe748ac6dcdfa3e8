package descent.nn;

/** A loss came out NaN or ±∞; the message names the step (the count of loss evaluations) and the loss. */
public final class NonFiniteLossException extends ArithmeticException {
    private final long step;
    private final double value;

    public NonFiniteLossException(String loss, long step, double value, String detail) {
        super(loss + " is " + value + " at step " + step + " (" + detail
                + "); lower the learning rate, check the inputs for NaN/∞, or clip gradients");
        this.step = step;
        this.value = value;
    }

    public long step() {
        return step;
    }

    public double value() {
        return value;
    }
}
