package capstone;

/** Hostile-student fixture: writing outside the working directory. The answer is twice the input. */
public final class Outside {
    private Outside() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.6 writing outside the working directory
        return 2 * x;
        // END SOLUTION
    }
}
