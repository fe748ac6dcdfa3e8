package descent.tune;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What every search returns: the trials in the order they ran, the best one, and a tablesaw table of them
 * (columns: trial, round, budget, one per hyperparameter, score). Scores are minimised; an objective that throws
 * {@link ArithmeticException} (a diverged training run, see {@code descent.train.Trainer}) or returns NaN scores +∞.
 */
public record Search(String method, Space space, List<Trial> trials, boolean bestFromLastRound) {

    public Search {
        trials = List.copyOf(trials);
    }

    /** A search whose best trial is the best of all its trials. */
    public Search(String method, Space space, List<Trial> trials) {
        this(method, space, trials, false);
    }

    /**
     * The trial with the lowest score (the earliest among ties). With {@code bestFromLastRound} (successive halving,
     * where scores after different budgets are not comparable) only the last round's trials compete.
     */
    public Trial best() {
        if (trials.isEmpty()) {
            throw new IllegalStateException(method + ": no trials were run");
        }
        int lastRound = trials.stream().mapToInt(Trial::round).max().orElse(0);
        List<Trial> pool = bestFromLastRound
                ? trials.stream().filter(t -> t.round() == lastRound).toList() : trials;
        return pool.stream().min(Comparator.comparingDouble(Trial::score)).orElseThrow();
    }

    /** The trials as a table. */
    public Table table() {
        Table t = Table.create(method,
                IntColumn.create("trial", trials.stream().mapToInt(Trial::id).toArray()),
                IntColumn.create("round", trials.stream().mapToInt(Trial::round).toArray()),
                IntColumn.create("budget", trials.stream().mapToInt(Trial::budget).toArray()));
        for (String name : space.names()) {
            t.addColumns(DoubleColumn.create(name, trials.stream().mapToDouble(tr -> tr.config().get(name))));
        }
        t.addColumns(DoubleColumn.create("score", trials.stream().mapToDouble(Trial::score)));
        return t;
    }

    /** The sum of the budgets of every trial (the cost of the search, in budget units). */
    public long totalBudget() {
        return trials.stream().mapToLong(Trial::budget).sum();
    }

    static double score(ToDoubleFunction<Config> objective, Config c) {
        double s;
        try {
            s = objective.applyAsDouble(c);
        } catch (ArithmeticException diverged) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
    }

    static List<Trial> evaluate(List<Config> configs, ToDoubleFunction<Config> objective, int round, int firstId) {
        List<Trial> out = new ArrayList<>();
        for (Config c : configs) {
            out.add(new Trial(firstId + out.size(), round, 0, c, score(objective, c)));
        }
        return out;
    }
}
