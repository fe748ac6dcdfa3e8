package descent.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Random search (Bergstra and Bengio 2012, Aggarwal §3.3.1): {@code n} configurations drawn independently from the
 * space (log-uniform where the scale is multiplicative). With the same budget as a grid it tries n distinct values
 * of every hyperparameter instead of n^{1/d}, which is what matters when only a few hyperparameters matter.
 * Seeded: the same seed gives the same trials.
 */
public final class RandomSearch {

    private final int trials;
    private final long seed;

    public RandomSearch(int trials, long seed) {
        if (trials < 1) {
            throw new IllegalArgumentException("random search needs at least 1 trial, got " + trials);
        }
        this.trials = trials;
        this.seed = seed;
    }

    public Search run(Space space, ToDoubleFunction<Config> objective) {
        Random rng = new Random(seed);
        List<Config> cs = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            cs.add(space.sample(rng));
        }
        return new Search("random search (" + trials + " trials)", space, Search.evaluate(cs, objective, 0, 0));
    }
}
