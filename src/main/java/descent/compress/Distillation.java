package descent.compress;

import descent.nn.Sequential;
import descent.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * Mimic models (Aggarwal §3.7.3; Ba &amp; Caruana 2014; with a temperature, Hinton, Vinyals &amp; Dean 2015): a large
 * teacher labels the inputs with its softmax probabilities, and a small student is trained on those soft targets alone,
 * with cross-entropy against the probability vectors:
 * <pre>
 *   q = softmax(z_teacher / T)            (T = 1 is the book's recipe; T &gt; 1 softens further)
 *   L_student = −Σ_j q_j log softmax(z_student)_j
 * </pre>
 * Soft targets carry more than the label: how much each wrong class is like the right one. The temperature here applies
 * to the teacher's targets only (the student is trained at T = 1); Hinton et al. also divide the student's scores by T.
 */
public final class Distillation {

    private Distillation() {
    }

    /** The teacher's softmax(z/T) on every row of x, computed in inference mode (the teacher's mode is restored). */
    public static DMatrixRMaj softTargets(Sequential teacher, DMatrixRMaj x, double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("distillation temperature T must be positive and finite, got " + temperature);
        }
        boolean was = teacher.isTraining();
        teacher.setTraining(false);
        try {
            DMatrixRMaj z = teacher.forward(x);
            DMatrixRMaj q = new DMatrixRMaj(z.numRows, z.numCols);
            int k = z.numCols;
            for (int r = 0; r < z.numRows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    max = Math.max(max, z.data[r * k + j] / temperature);
                }
                double s = 0;
                for (int j = 0; j < k; j++) {
                    double e = Math.exp(z.data[r * k + j] / temperature - max);
                    q.data[r * k + j] = e;
                    s += e;
                }
                for (int j = 0; j < k; j++) {
                    q.data[r * k + j] /= s;
                }
            }
            return q;
        } finally {
            teacher.setTraining(was);
        }
    }

    /** One-hot rows for hard labels (the "hard targets" to compare with). */
    public static DMatrixRMaj oneHot(int[] labels, int classes) {
        DMatrixRMaj t = new DMatrixRMaj(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i + " is outside 0.." + (classes - 1));
            }
            t.data[i * classes + labels[i]] = 1;
        }
        return t;
    }

    /**
     * Minibatch training of {@code student} on soft (or one-hot) targets: each epoch a fresh permutation from {@code rng},
     * one optimizer step per full batch (a last partial batch is left out of that epoch). Returns the mean training
     * loss of each epoch.
     */
    public static double[] fit(Sequential student, Optimizer optimizer, DMatrixRMaj x, DMatrixRMaj targets, int batchSize,
                               int epochs, Random rng) {
        if (x.numRows != targets.numRows) {
            throw new IllegalArgumentException("inputs " + x.numRows + "x" + x.numCols + " and targets " + targets.numRows
                    + "x" + targets.numCols + " must have the same number of rows");
        }
        if (batchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("batch size and epochs must be ≥ 1, got " + batchSize + " and " + epochs);
        }
        int n = x.numRows, d = x.numCols, k = targets.numCols, m = Math.min(batchSize, n);
        int[] order = descent.data.Dataset.permutation(n, rng);
        DMatrixRMaj xb = new DMatrixRMaj(m, d), tb = new DMatrixRMaj(m, k);
        double[] losses = new double[epochs];
        student.setTraining(true);
        for (int e = 0; e < epochs; e++) {
            descent.data.Dataset.shuffle(order, rng);
            double sum = 0;
            int batches = 0;
            for (int from = 0; from + m <= n; from += m) {
                for (int r = 0; r < m; r++) {
                    System.arraycopy(x.data, order[from + r] * d, xb.data, r * d, d);
                    System.arraycopy(targets.data, order[from + r] * k, tb.data, r * k, k);
                }
                sum += optimizer.step(student.oracle(xb, tb));
                batches++;
            }
            losses[e] = sum / batches;
        }
        return losses;
    }
}
