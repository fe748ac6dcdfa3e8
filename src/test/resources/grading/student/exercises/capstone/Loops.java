package capstone;

public final class Loops {
    public static int forever() {
        long n = 0;
        while (true) {
            n++;
        }
    }
}
