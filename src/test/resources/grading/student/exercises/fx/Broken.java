package fx;

public class Broken {
    public static int one() {
        return 1
    }
}
