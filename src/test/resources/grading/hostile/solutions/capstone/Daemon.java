package capstone;

/** Hostile-student fixture: a process that outlives the grader. The answer is twice the input. */
public final class Daemon {
    private Daemon() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.5 a process that outlives the grader
        return 2 * x;
        // END SOLUTION
    }
}
