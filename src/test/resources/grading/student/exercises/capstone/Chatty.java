package capstone;

public final class Chatty {
    public static int answer() {
        for (int i = 0; i < 100_000; i++) {
            System.out.println("still thinking, step " + i);
        }
        return -1;
    }
}
