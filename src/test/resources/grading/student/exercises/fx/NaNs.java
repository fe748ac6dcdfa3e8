package fx;

public class NaNs {
    public static double mean(double[] x) {
        return 0.0 / 0.0;
    }
}
