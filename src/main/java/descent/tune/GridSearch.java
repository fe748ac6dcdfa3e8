package descent.tune;

import java.util.function.ToDoubleFunction;

/**
 * Grid search (Aggarwal §3.3.1): every combination of {@code n} values per hyperparameter, n^d runs for d of
 * them (5 hyperparameters × 10 values = 10⁵ runs). Values are evenly spaced, in log₁₀ for log-uniform ranges.
 */
public final class GridSearch {

    private final int pointsPerDimension;

    public GridSearch(int pointsPerDimension) {
        if (pointsPerDimension < 1) {
            throw new IllegalArgumentException("grid search needs at least 1 point per hyperparameter, got " + pointsPerDimension);
        }
        this.pointsPerDimension = pointsPerDimension;
    }

    /** Number of runs a grid with n values for each of d hyperparameters needs: n^d. */
    public static long runs(int valuesPerDimension, int dimensions) {
        long r = 1;
        for (int i = 0; i < dimensions; i++) {
            r = Math.multiplyExact(r, valuesPerDimension);
        }
        return r;
    }

    public Search run(Space space, ToDoubleFunction<Config> objective) {
        return new Search("grid search (" + pointsPerDimension + " per hyperparameter)", space,
                Search.evaluate(space.grid(pointsPerDimension), objective, 0, 0));
    }
}
