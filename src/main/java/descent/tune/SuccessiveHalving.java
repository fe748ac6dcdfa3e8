package descent.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Successive halving (Jamieson and Talwalkar 2016): the early termination of poor runs that Aggarwal §3.3.1
 * recommends, made systematic. Start n configurations with a small budget (e.g. epochs), keep the best 1/η,
 * continue those with η times the budget, and repeat until one is left or the rungs run out.
 * <pre>
 *   rung 0: n configurations, budget b each
 *   rung k: the best ⌈n/η^k⌉ of rung k−1 continue up to budget b·η^k
 * </pre>
 * Survivors continue training rather than start over: the objective hands out a {@link Run} per configuration, and
 * {@link Run#advanceTo} is asked to bring it to the new total budget. A run that throws
 * {@link ArithmeticException} (diverged) scores +∞ and is dropped at the next cut.
 */
public final class SuccessiveHalving {

    /** A training run that can be continued: train until the total budget is reached, return the validation score. */
    @FunctionalInterface
    public interface Run {
        double advanceTo(int totalBudget);
    }

    private final int configurations;
    private final int minBudget;
    private final int eta;
    private final int rungs;
    private final long seed;

    /**
     * @param configurations n ≥ 1 random configurations in rung 0
     * @param minBudget      b ≥ 1, the budget of rung 0
     * @param eta            η ≥ 2, the cut and growth factor
     * @param rungs          number of rungs ≥ 1
     */
    public SuccessiveHalving(int configurations, int minBudget, int eta, int rungs, long seed) {
        if (configurations < 1 || minBudget < 1 || eta < 2 || rungs < 1) {
            throw new IllegalArgumentException(String.format(
                    "successive halving needs n ≥ 1, b ≥ 1, η ≥ 2 and ≥ 1 rung; got n = %d, b = %d, η = %d, %d rungs",
                    configurations, minBudget, eta, rungs));
        }
        this.configurations = configurations;
        this.minBudget = minBudget;
        this.eta = eta;
        this.rungs = rungs;
        this.seed = seed;
    }

    public Search run(Space space, Function<Config, Run> start) {
        Random rng = new Random(seed);
        List<Config> configs = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < configurations; i++) {
            Config c = space.sample(rng);
            configs.add(c);
            runs.add(start.apply(c));
        }
        List<Trial> all = new ArrayList<>();
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < configurations; i++) {
            alive.add(i);
        }
        int budget = minBudget;
        for (int r = 0; r < rungs && !alive.isEmpty(); r++) {
            double[] score = new double[configurations];
            for (int i : alive) {
                double s;
                try {
                    s = runs.get(i).advanceTo(budget);
                } catch (ArithmeticException diverged) {
                    s = Double.POSITIVE_INFINITY;
                }
                score[i] = Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
                all.add(new Trial(i, r, budget, configs.get(i), score[i]));
            }
            if (alive.size() == 1 || r == rungs - 1) {
                break;
            }
            int keep = Math.max(1, (int) Math.ceil(alive.size() / (double) eta));
            alive.sort(Comparator.comparingDouble((Integer i) -> score[i]).thenComparingInt(i -> i));
            alive = new ArrayList<>(alive.subList(0, keep));
            budget = Math.multiplyExact(budget, eta);
        }
        return new Search("successive halving (n = " + configurations + ", b = " + minBudget + ", η = " + eta + ")",
                space, all, true);
    }
}
