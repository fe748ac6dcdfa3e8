package capstone;

/** Hostile-student fixture: shadowing trusted classes. The answer is twice the input. */
public final class Shadowed {
    private Shadowed() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.10 shadowing trusted classes
        return 2 * x;
        // END SOLUTION
    }
}
