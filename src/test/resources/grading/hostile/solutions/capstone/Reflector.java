package capstone;

/** Hostile-student fixture: reflection on the student JVM. The answer is twice the input. */
public final class Reflector {
    private Reflector() {
    }

    public static double answer(double x) {
        // BEGIN SOLUTION 95.13 reflection on the student JVM
        return 2 * x;
        // END SOLUTION
    }
}
