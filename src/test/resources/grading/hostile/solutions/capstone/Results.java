package capstone;

/** Hostile-student fixture: writing results.json. The answer is twice the input. */
public final class Results {
    private Results() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.3 writing results.json
        return 2 * x;
        // END SOLUTION
    }
}
