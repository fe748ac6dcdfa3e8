package capstone;

public final class Halts {
    public static int answer() {
        Runtime.getRuntime().halt(7);
        return 42;
    }
}
