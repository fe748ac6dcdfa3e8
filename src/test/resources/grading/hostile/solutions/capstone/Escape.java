package capstone;

/** Hostile-student fixture: terminal escape sequences. The answer is twice the input. */
public final class Escape {
    private Escape() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.11 terminal escape sequences
        return 2 * x;
        // END SOLUTION
    }
}
