package capstone;

/** Defect: the region is not the end of its method body, so the stub's throw makes the return unreachable. */
public final class Tail {
    public static double plusOne(double x) {
        double y;
        // BEGIN SOLUTION 91.4 region in the middle
        y = x + 1;
        // END SOLUTION
        return y;
    }
}
