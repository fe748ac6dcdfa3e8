package capstone;

public final class Good {
    public static int twice(int x) {
        return 2 * x;
    }
}
