package descent.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Coarse-to-fine random search (Aggarwal §3.3.1, "multi-resolution"): a round of random trials in the whole space,
 * then rounds in boxes centred on the best configuration so far, each {@code shrink} times as wide as the one before
 * (in log₁₀ for log-uniform ranges), clipped to the original space.
 * <pre>
 *   box₀ = space;  for r = 0..R−1: draw n configurations in box_r, evaluate;  box_{r+1} = box around best, width × shrink
 * </pre>
 */
public final class CoarseToFine {

    private final int rounds;
    private final int perRound;
    private final double shrink;
    private final long seed;

    public CoarseToFine(int rounds, int perRound, double shrink, long seed) {
        if (rounds < 1 || perRound < 1) {
            throw new IllegalArgumentException("coarse-to-fine needs ≥ 1 round and ≥ 1 trial per round, got " + rounds
                    + " rounds of " + perRound);
        }
        if (!(shrink > 0 && shrink < 1)) {
            throw new IllegalArgumentException("coarse-to-fine shrink factor must lie in (0, 1), got " + shrink);
        }
        this.rounds = rounds;
        this.perRound = perRound;
        this.shrink = shrink;
        this.seed = seed;
    }

    public Search run(Space space, ToDoubleFunction<Config> objective) {
        Random rng = new Random(seed);
        List<Trial> all = new ArrayList<>();
        Space box = space;
        Trial best = null;
        double width = 1;
        for (int r = 0; r < rounds; r++) {
            List<Config> cs = new ArrayList<>();
            for (int i = 0; i < perRound; i++) {
                cs.add(box.sample(rng));
            }
            for (Trial t : Search.evaluate(cs, objective, r, all.size())) {
                all.add(t);
                if (best == null || t.score() < best.score()) {
                    best = t;
                }
            }
            width *= shrink;
            box = space.around(best.config(), width);
        }
        return new Search("coarse-to-fine (" + rounds + " rounds × " + perRound + ", shrink " + shrink + ")", space, all);
    }
}
