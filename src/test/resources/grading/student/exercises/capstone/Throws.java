package capstone;

public final class Throws {
    public static int divide(int a, int b) {
        System.out.println("dividing " + a + " by " + b);
        return a / b;
    }
}
