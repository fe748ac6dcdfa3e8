package capstone;

/** Hostile-student fixture: a static initializer that never ends. The answer is twice the input. */
public final class Frozen {
    private Frozen() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.9 a static initializer that never ends
        return 2 * x;
        // END SOLUTION
    }
}
