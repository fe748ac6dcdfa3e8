package descent.nn;

/**
 * A network was given an input (or a target) holding NaN or ±∞, which made the loss non-finite: bad data, not a
 * learning rate that is too large. The message names the matrix, the row and the column; {@code Trainer} adds the
 * data set, the example, the epoch and the batch.
 */
public final class NonFiniteInputException extends IllegalArgumentException {
    private final String what;
    private final int row;
    private final int column;
    private final double value;

    public NonFiniteInputException(String what, int row, int column, double value, String detail) {
        super("the " + what + " has " + value + " at row " + row + ", column " + column + " (" + detail
                + "); a network needs finite inputs: check the data and its preprocessing");
        this.what = what;
        this.row = row;
        this.column = column;
        this.value = value;
    }

    /** "input" or "target". */
    public String what() {
        return what;
    }

    /** Row of the batch (0-based). */
    public int row() {
        return row;
    }

    /** Column, i.e. feature (0-based). */
    public int column() {
        return column;
    }

    public double value() {
        return value;
    }
}
