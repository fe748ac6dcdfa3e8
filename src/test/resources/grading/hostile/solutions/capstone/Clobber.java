package capstone;

/** Hostile-student fixture: swapping compiled tests. The answer is twice the input. */
public final class Clobber {
    private Clobber() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.2 swapping compiled tests
        return 2 * x;
        // END SOLUTION
    }
}
