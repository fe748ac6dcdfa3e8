package capstone;

/** Hostile-student fixture: editing the course for the next run. The answer is twice the input. */
public final class Editor {
    private Editor() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.7 editing the course for the next run
        return 2 * x;
        // END SOLUTION
    }
}
