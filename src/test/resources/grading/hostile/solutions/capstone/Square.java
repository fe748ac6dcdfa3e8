package capstone;

/** Hostile-student fixture: the public fixture can be hard-coded; the hidden test draws its inputs at grading time. */
public final class Square {
    private Square() {
    }

    public static double square(double x) {
        // BEGIN SOLUTION 95.20 square
        return x * x;
        // END SOLUTION
    }
}
