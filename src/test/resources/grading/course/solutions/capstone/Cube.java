package capstone;

public final class Cube {
    public static double of(double x) {
        // BEGIN SOLUTION 91.2 cube
        return x * x * x;
        // END SOLUTION
    }

    public static double half(double x) {
        // BEGIN SOLUTION 91.3 half, with no graded test
        return x / 2;
        // END SOLUTION
    }
}
