package capstone;

/** A static initializer that never ends. */
public final class Frozen {
    static {
        long n = 0;
        while (n >= 0) {
            n = (n + 1) % 1000;
        }
    }

    private Frozen() {
    }

    public static double answer(double x) {
        return 2 * x;
    }
}
