package capstone;

public final class Broken {
    public static int one() {
        return 1
    }
}
