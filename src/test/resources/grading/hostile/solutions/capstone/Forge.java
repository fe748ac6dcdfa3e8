package capstone;

/** Hostile-student fixture: forged protocol frames. The answer is twice the input. */
public final class Forge {
    private Forge() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.1 forged protocol frames
        return 2 * x;
        // END SOLUTION
    }
}
