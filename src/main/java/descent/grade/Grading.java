package descent.grade;

/**
 * What a graded test may ask about the grading run. Hidden tests draw their inputs from {@link #seed()}, chosen by
 * the grader when it grades (and printed in the report), so a submission cannot hard-code answers for them:
 * <pre>{@code
 * Random rng = new Random(Grading.seed());
 * double x = rng.nextGaussian();   // then compare the student's value with one computed here from x
 * }</pre>
 */
public final class Grading {

    /** The seed when no grader set one (running the graded tests under {@code mvn test}). */
    public static final long DEFAULT_SEED = 20240917L;

    private Grading() {
    }

    /** The grading-time seed: the system property {@code descent.grade.seed} the grader sets, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        String s = System.getProperty("descent.grade.seed");
        if (s == null || s.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("descent.grade.seed must be a whole number, got '" + s + "'", e);
        }
    }
}
