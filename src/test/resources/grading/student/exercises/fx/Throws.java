package fx;

public class Throws {
    public static int divide(int a, int b) {
        return a / b;
    }
}
