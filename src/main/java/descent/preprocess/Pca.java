package descent.preprocess;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Principal components and PCA whitening (Aggarwal §3.3.2, eqs. 3.36–3.37):
 * <pre>
 *   D = X − 1μᵀ                      centre with the training means
 *   C = DᵀD/n = P Λ Pᵀ                eq. 3.36; eigenvectors by EJML, λ₁ ≥ λ₂ ≥ …
 *   U = D P_k                        eq. 3.37: the top-k directions; column j of U has variance λ_j
 *   U_j ← U_j / √λ_j                 whitening: every kept column has variance 1, and Cov(U) = I_k
 * </pre>
 * Small eigenvalues make 1/√λ blow noise up. Aggarwal gives two remedies, both with 10⁻⁵: drop every direction with
 * λ ≤ ε ({@link Floor#DROP_BELOW}), or divide by √(λ + ε) instead ({@link Floor#ADD}).
 *
 * <p>The streaming recipe of the same section is {@link #fit(RunningMoments)} followed by {@link #transformRow}:
 * statistics from a sample or a stream, then each point on its own: subtract the means, multiply by P_k, divide by
 * √λ_j.
 *
 * <p>Asking for k directions when fewer than k have variance above ε (with {@link Floor#DROP_BELOW}) is an error
 * that names the columns that are constant on the training data, the usual culprits.
 */
public final class Pca implements Transform {

    /** How whitening treats small eigenvalues. */
    public enum Floor {
        /** Keep only directions with λ &gt; ε. */
        DROP_BELOW,
        /** Divide by √(λ + ε). */
        ADD
    }

    /** Aggarwal's threshold, 10⁻⁵. */
    public static final double EPSILON = 1e-5;

    private final int k;
    private final boolean whiten;
    private final Floor floor;
    private final double epsilon;

    private double[] mean;
    private double[] eigenvalues;
    private DMatrixRMaj components;
    private double[] gain;
    private final DMatrixRMaj rowIn = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj rowOut = new DMatrixRMaj(1, 1);

    private Pca(int k, boolean whiten, Floor floor, double epsilon) {
        if (k < 1 && k != ALL) {
            throw new IllegalArgumentException("PCA needs k ≥ 1 directions, got " + k);
        }
        if (floor == null) {
            throw new IllegalArgumentException("PCA whitening needs a floor rule (DROP_BELOW or ADD), got null");
        }
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("PCA ε must be ≥ 0 and finite, got " + epsilon);
        }
        this.k = k;
        this.whiten = whiten;
        this.floor = floor;
        this.epsilon = epsilon;
    }

    private static final int ALL = -1;

    /** Projection on the top k directions, eq. 3.37 (no rescaling). */
    public static Pca components(int k) {
        return new Pca(k, false, Floor.DROP_BELOW, 0);
    }

    /** Whitening onto the top k directions with the given floor rule and ε. */
    public static Pca whitening(int k, Floor floor, double epsilon) {
        return new Pca(k, true, floor, epsilon);
    }

    /** Whitening onto every direction with variance above ε = 10⁻⁵ (the others are dropped). */
    public static Pca whitening() {
        return new Pca(ALL, true, Floor.DROP_BELOW, EPSILON);
    }

    @Override
    public Pca fit(DMatrixRMaj train) {
        Checks.requireFitData(name(), train, 2);
        double[] mu = ColumnAffine.columnMeans(train);
        DMatrixRMaj c = Covariance.of(train);
        return fit(mu, c, Covariance.constantColumns(train));
    }

    /** Fits from streamed statistics (the streaming recipe). */
    public Pca fit(RunningMoments moments) {
        if (moments.count() < 2) {
            throw new IllegalArgumentException(name() + ".fit needs at least 2 rows in the running moments, got " + moments.count());
        }
        DMatrixRMaj c = moments.covariance();
        int[] flat = java.util.stream.IntStream.range(0, c.numRows).filter(j -> !(c.get(j, j) > 0)).toArray();
        return fit(moments.mean(), c, flat);
    }

    private Pca fit(double[] mu, DMatrixRMaj c, int[] constant) {
        int d = mu.length;
        if (k != ALL && k > d) {
            throw new IllegalArgumentException(String.format("%s: k = %d directions requested but the data has only %d columns",
                    name(), k, d));
        }
        Covariance.Eigen e = Covariance.eigen(c);
        int available = d;
        if (whiten && floor == Floor.DROP_BELOW) {
            available = 0;
            while (available < d && e.values()[available] > epsilon) {
                available++;
            }
            if (available == 0 || (k != ALL && available < k)) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s requested but only %d direction%s of the training data ha%s variance above ε = %s%s",
                        name(), k == ALL ? "whitening" : k + " directions", available, available == 1 ? "" : "s",
                        available == 1 ? "s" : "ve", descent.check.Expect.num(epsilon),
                        constant.length == 0 ? "" : "; column" + (constant.length == 1 ? " " : "s ") + Checks.list(constant)
                                + (constant.length == 1 ? " is" : " are") + " constant on the training data"));
            }
        }
        if (whiten && floor == Floor.ADD && !(e.values()[(k == ALL ? d : k) - 1] + epsilon > 0)) {
            throw new IllegalArgumentException(String.format(
                    "%s: eigenvalue %s + ε = %s leaves nothing to divide by%s", name(),
                    descent.check.Expect.num(e.values()[(k == ALL ? d : k) - 1]), descent.check.Expect.num(epsilon),
                    constant.length == 0 ? "" : "; column" + (constant.length == 1 ? " " : "s ") + Checks.list(constant)
                            + (constant.length == 1 ? " is" : " are") + " constant on the training data; use ε > 0"));
        }
        int kept = k == ALL ? available : k;
        this.mean = mu.clone();
        this.eigenvalues = e.values().clone();
        this.components = new DMatrixRMaj(d, kept);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < kept; j++) {
                components.set(i, j, e.vectors().get(i, j));
            }
        }
        this.gain = new double[kept];
        for (int j = 0; j < kept; j++) {
            double lambda = e.values()[j];
            gain[j] = !whiten ? 1.0 : 1.0 / Math.sqrt(floor == Floor.ADD ? lambda + epsilon : lambda);
        }
        return this;
    }

    @Override
    public void transform(DMatrixRMaj x, DMatrixRMaj out) {
        Checks.requireTransformData(name(), mean == null ? -1 : mean.length, mean != null, x);
        int d = mean.length;
        DMatrixRMaj centred = x.copy();
        for (int t = 0; t < centred.getNumElements(); t++) {
            centred.data[t] -= mean[t % d];
        }
        out.reshape(x.numRows, components.numCols, false);
        Blas.mult(centred, components, out);
        scale(out);
    }

    /** The streaming recipe for one point: (x − μ)·P_k, divided by √λ_j when whitening; written into {@code out}. */
    public void transformRow(double[] x, double[] out) {
        if (mean == null) {
            throw new IllegalStateException(name() + ": transform called before fit (fit it on the training data first)");
        }
        Checks.requireFinite(name() + ".transformRow", x, mean.length);
        if (out.length != components.numCols) {
            throw new IllegalArgumentException(String.format("%s.transformRow: output has length %d, expected %d",
                    name(), out.length, components.numCols));
        }
        rowIn.reshape(1, x.length, false);
        for (int j = 0; j < x.length; j++) {
            rowIn.data[j] = x[j] - mean[j];
        }
        rowOut.reshape(1, components.numCols, false);
        Blas.mult(rowIn, components, rowOut);
        scale(rowOut);
        System.arraycopy(rowOut.data, 0, out, 0, out.length);
    }

    private void scale(DMatrixRMaj out) {
        int kk = out.numCols;
        for (int t = 0; t < out.getNumElements(); t++) {
            out.data[t] *= gain[t % kk];
        }
    }

    /** Every eigenvalue of the training covariance, decreasing (a copy). */
    public double[] eigenvalues() {
        fitted();
        return eigenvalues.clone();
    }

    /** P_k: the kept eigenvectors as columns (a copy). */
    public DMatrixRMaj directions() {
        fitted();
        return components.copy();
    }

    /** The training means (a copy). */
    public double[] means() {
        fitted();
        return mean.clone();
    }

    private void fitted() {
        if (mean == null) {
            throw new IllegalStateException(name() + " has not been fitted yet");
        }
    }

    @Override
    public int inputWidth() {
        fitted();
        return mean.length;
    }

    @Override
    public int outputWidth() {
        fitted();
        return components.numCols;
    }

    @Override
    public String name() {
        return whiten ? "PcaWhitening" : "Pca";
    }

    @Override
    public String toString() {
        return name() + "(k = " + (k == ALL ? "all above ε" : k) + (whiten ? ", " + floor + " " + epsilon : "") + ")"
                + (mean == null ? "" : " fitted: " + mean.length + " → " + components.numCols + ", λ = "
                + Arrays.toString(Arrays.copyOf(eigenvalues, Math.min(5, eigenvalues.length))));
    }
}
