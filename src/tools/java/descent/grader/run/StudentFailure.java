package descent.grader.run;

/**
 * Thrown into a graded test when the student JVM could not answer a call: it timed out, exited, crashed, sent
 * malformed data, or lacks the class or method. An {@link Error}, so a test that catches exceptions does not swallow
 * it; and the grader fails the test whatever the test did with it.
 */
public final class StudentFailure extends Error {
    private static final long serialVersionUID = 1L;

    public StudentFailure(String message) {
        super(message, null, false, false);
    }
}
