package capstone;

public final class Recurses {
    public static long depth(long n) {
        return 1 + depth(n + 1);
    }
}
