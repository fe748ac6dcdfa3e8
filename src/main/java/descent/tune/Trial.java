package descent.tune;

/**
 * One evaluated configuration: its number in the search, the round (coarse-to-fine) or rung (successive halving)
 * it belongs to, the budget it was given (e.g. epochs; 0 when the objective has no budget), and its score (lower is
 * better; +∞ for a run that diverged).
 */
public record Trial(int id, int round, int budget, Config config, double score) {

    public boolean diverged() {
        return !Double.isFinite(score);
    }
}
