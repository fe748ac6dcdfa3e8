package fx;

public class Good {
    public static int twice(int x) {
        return 2 * x;
    }
}
