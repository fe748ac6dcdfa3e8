package capstone;

/** Hostile-student fixture: opening a network connection. The answer is twice the input. */
public final class Network {
    private Network() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.8 opening a network connection
        return 2 * x;
        // END SOLUTION
    }
}
