package capstone;

/** Hostile-student fixture: malformed and oversized frames. The answer is twice the input. */
public final class Malformed {
    private Malformed() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.4 malformed and oversized frames
        return 2 * x;
        // END SOLUTION
    }
}
