package capstone;

public final class NaNs {
    public static double mean(double[] x) {
        return 0.0 / 0.0;
    }
}
