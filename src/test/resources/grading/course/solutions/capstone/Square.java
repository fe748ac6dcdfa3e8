package capstone;

/** Fixture for the instructor check: one good test, one that passes on the stub, one that fails on the solution. */
public final class Square {
    public static double of(double x) {
        // BEGIN SOLUTION 91.1 square
        return x * x;
        // END SOLUTION
    }
}
