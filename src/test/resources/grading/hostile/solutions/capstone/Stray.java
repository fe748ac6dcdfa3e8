package capstone;

/** Hostile-student fixture: a stray thread calls System.exit. The answer is twice the input. */
public final class Stray {
    private Stray() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.12 a stray thread calls System.exit
        return 2 * x;
        // END SOLUTION
    }
}
