package descent.grader.run;

/**
 * An exception of the student's code that is not one of the JDK's common exceptions (those are rethrown in the
 * grader as themselves, so {@code assertThrows(IllegalArgumentException.class, ...)} works). Its message names the
 * original class; its stack trace is the student's own frame.
 */
public final class StudentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StudentException(String message) {
        super(message);
    }
}
