package descent.preprocess;

import org.ejml.data.DMatrixRMaj;

/** The argument checks every transform shares; messages name the transform, the row and the column. */
final class Checks {

    private Checks() {
    }

    static void requireFitData(String who, DMatrixRMaj x, int minRows) {
        if (x == null) {
            throw new IllegalArgumentException(who + ".fit: no data (null)");
        }
        if (x.numRows < minRows || x.numCols < 1) {
            throw new IllegalArgumentException(String.format("%s.fit needs at least %d row%s and 1 column, got a %dx%d matrix",
                    who, minRows, minRows == 1 ? "" : "s", x.numRows, x.numCols));
        }
        requireFinite(who + ".fit", x);
    }

    static void requireTransformData(String who, int width, boolean fitted, DMatrixRMaj x) {
        if (!fitted) {
            throw new IllegalStateException(who + ": transform called before fit (fit it on the training data first)");
        }
        if (x == null) {
            throw new IllegalArgumentException(who + ".transform: no data (null)");
        }
        if (x.numCols != width) {
            throw new IllegalArgumentException(String.format(
                    "%s.transform: it was fitted on %d columns, got a %dx%d matrix with %d columns",
                    who, width, x.numRows, x.numCols, x.numCols));
        }
        requireFinite(who + ".transform", x);
    }

    static void requireFinite(String who, DMatrixRMaj x) {
        int d = x.numCols;
        int n = x.getNumElements();
        for (int k = 0; k < n; k++) {
            double v = x.data[k];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(String.format(
                        "%s: the value in row %d, column %d is %s; remove or impute missing and infinite values first",
                        who, k / d, k % d, Double.isNaN(v) ? "NaN" : v > 0 ? "+∞" : "−∞"));
            }
        }
    }

    static void requireFinite(String who, double[] row, int width) {
        if (row.length != width) {
            throw new IllegalArgumentException(String.format("%s: it was fitted on %d columns, got a row of length %d",
                    who, width, row.length));
        }
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException(String.format("%s: the value in column %d is %s", who, j,
                        Double.isNaN(row[j]) ? "NaN" : row[j] > 0 ? "+∞" : "−∞"));
            }
        }
    }

    /** "0, 1, 27" for at most 10 columns, then "… (N in all)". */
    static String list(int[] columns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(10, columns.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(columns[i]);
        }
        if (columns.length > 10) {
            sb.append(", … (").append(columns.length).append(" in all)");
        }
        return sb.toString();
    }
}
