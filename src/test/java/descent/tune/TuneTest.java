package descent.tune;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TuneTest {

    @Test
    void logUniformGivesEveryDecadeTheSameShare() {
        Dimension lr = Dimension.logUniform("lr", 1e-3, 1e-1);       // Aggarwal: log₁₀ α ~ U(−3, −1)
        Random rng = new Random(1);
        int n = 20000, low = 0;
        for (int i = 0; i < n; i++) {
            double v = lr.sample(rng);
            assertTrue(v >= 1e-3 && v <= 1e-1, "sample " + v);
            low += v < 1e-2 ? 1 : 0;
        }
        assertEquals(0.5, low / (double) n, 0.015);
        Dimension flat = Dimension.uniform("lr", 1e-3, 1e-1);
        int lowFlat = 0;
        for (int i = 0; i < n; i++) {
            lowFlat += flat.sample(rng) < 1e-2 ? 1 : 0;
        }
        assertEquals(9.0 / 99, lowFlat / (double) n, 0.01);           // (0.01 − 0.001)/(0.1 − 0.001)
        assertArrayEquals(new double[]{1e-3, 1e-2, 1e-1}, lr.grid(3), 1e-15);
    }

    @Test
    void gridSizesAndOrder() {
        assertEquals(100000, GridSearch.runs(10, 5));                   // Aggarwal §3.3.1
        Space s = new Space(Dimension.uniform("a", 0, 1), Dimension.integer("b", 1, 3), Dimension.choice("c", 5, 7));
        var grid = s.grid(3);
        assertEquals(3 * 3 * 2, grid.size());
        assertEquals(0.0, grid.get(0).get("a"));
        assertEquals(5.0, grid.get(0).get("c"));
        assertEquals(7.0, grid.get(1).get("c"));
        assertArrayEquals(new double[]{1, 2, 3}, Dimension.integer("b", 1, 3).grid(5), 0);
    }

    @Test
    void randomSearchIsSeededAndCoversMoreValuesOfTheImportantAxis() {
        Space s = new Space(Dimension.uniform("important", 0, 1), Dimension.uniform("unimportant", 0, 1));
        Search grid = new GridSearch(3).run(s, c -> Math.pow(c.get("important") - 0.37, 2));
        Search rand = new RandomSearch(9, 4).run(s, c -> Math.pow(c.get("important") - 0.37, 2));
        assertEquals(3, grid.trials().stream().mapToDouble(t -> t.config().get("important")).distinct().count());
        assertEquals(9, rand.trials().stream().mapToDouble(t -> t.config().get("important")).distinct().count());
        Search again = new RandomSearch(9, 4).run(s, c -> Math.pow(c.get("important") - 0.37, 2));
        assertEquals(rand.trials(), again.trials());
        Table t = rand.table();
        assertEquals(9, t.rowCount());
        assertEquals(Arrays.asList("trial", "round", "budget", "important", "unimportant", "score"), t.columnNames());
    }

    @Test
    void coarseToFineNarrowsAroundTheBest() {
        Space s = new Space(Dimension.logUniform("lr", 1e-5, 1), Dimension.uniform("m", 0, 1));
        java.util.function.ToDoubleFunction<Config> f = c -> Math.pow(Math.log10(c.get("lr")) + 2.5, 2) + Math.pow(c.get("m") - 0.8, 2);
        // over 20 seeds, the median best score of 4 rounds × 10 (shrink 0.5) against 40 plain random trials
        double[] fine = new double[20], flat = new double[20];
        for (int seed = 1; seed <= 20; seed++) {
            fine[seed - 1] = new CoarseToFine(4, 10, 0.5, seed).run(s, f).best().score();
            flat[seed - 1] = new RandomSearch(40, seed).run(s, f).best().score();
        }
        Arrays.sort(fine);
        Arrays.sort(flat);
        assertTrue(fine[10] < flat[10] / 2, "median best: coarse-to-fine " + fine[10] + ", random " + flat[10]);
        Search c2f = new CoarseToFine(4, 10, 0.3, 2).run(s, f);
        // the last round's configurations lie within 0.3³ of the log-range around the best of round 2
        assertEquals(40, c2f.trials().size());
        assertTrue(c2f.trials().stream().allMatch(t -> s.dimensions().get(0).contains(t.config().get("lr"))));
    }

    @Test
    void successiveHalvingKeepsTheBestAndContinuesThem() {
        // a run's score after b epochs is q/b; lower q is better at every budget, so the best q must survive
        Space s = new Space(Dimension.uniform("q", 0, 1));
        Map<Double, Integer> trained = new HashMap<>();
        Search sh = new SuccessiveHalving(27, 1, 3, 4, 5).run(s, c -> budget -> {
            double q = c.get("q");
            int before = trained.getOrDefault(q, 0);
            assertTrue(budget > before, "a survivor continues from its previous budget");
            trained.put(q, budget);
            return q / budget;
        });
        assertEquals(27 + 9 + 3 + 1, sh.trials().size());
        double bestQ = sh.trials().stream().filter(t -> t.round() == 0).mapToDouble(t -> t.config().get("q")).min().orElseThrow();
        assertEquals(bestQ, sh.best().config().get("q"));
        assertEquals(27, sh.best().budget());
        assertEquals(27 * 1 + 9 * 3 + 3 * 9 + 27, sh.totalBudget());
    }

    @Test
    void divergedRunsScoreInfinity() {
        Space s = new Space(Dimension.uniform("x", 0, 1));
        Search r = new RandomSearch(5, 1).run(s, c -> {
            if (c.get("x") > 0.5) {
                throw new ArithmeticException("diverged");
            }
            return c.get("x");
        });
        assertTrue(r.trials().stream().anyMatch(Trial::diverged));
        assertTrue(Double.isFinite(r.best().score()));
    }

    @Test
    void emptyRangesAndBadSettingsNameTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dimension.uniform("lr", 0.1, 0.1));
        assertTrue(e.getMessage().contains("lr") && e.getMessage().contains("[0.1, 0.1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dimension.logUniform("wd", 0, 1));
        assertTrue(e.getMessage().contains("wd") && e.getMessage().contains("lo > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dimension.choice("act"));
        assertTrue(e.getMessage().contains("act"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dimension.integer("w", 5, 2));
        assertThrows(IllegalArgumentException.class, () -> new Space(Dimension.uniform("a", 0, 1), Dimension.uniform("a", 0, 2)));
        assertThrows(IllegalArgumentException.class, () -> new RandomSearch(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalving(8, 1, 1, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new CoarseToFine(2, 5, 1.5, 1));
        e = assertThrows(IllegalArgumentException.class, () -> new Config(Map.of("a", 1.0)).get("b"));
        assertTrue(e.getMessage().contains("b"), e.getMessage());
    }
}
