package capstone;

public final class Exits {
    public static int answer() {
        System.exit(3);
        return 42;
    }
}
