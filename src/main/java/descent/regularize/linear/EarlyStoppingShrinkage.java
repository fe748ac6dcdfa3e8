package descent.regularize.linear;

import descent.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * Why early stopping acts like L² regularization (Goodfellow et al. §7.8, eqs. 7.33–7.45; Bishop 1995a): plain gradient
 * descent with rate ε on the quadratic Ĵ(w) = J(w*) + ½(w − w*)ᵀH(w − w*), H = QΛQᵀ, started at w⁽⁰⁾ = 0, gives after
 * τ steps
 * <pre>
 *   Qᵀw⁽ᵗ⁾ = [I − (I − εΛ)ᵗ]Qᵀw*                                   (eq. 7.40, needs |1 − ελᵢ| &lt; 1)
 * </pre>
 * while the L²-regularized minimizer is Qᵀw̃ = [I − (Λ + αI)⁻¹α]Qᵀw* (eq. 7.42, {@link L2Shrinkage}). The two agree
 * direction by direction when (1 − ελᵢ)ᵗ = α/(λᵢ + α) (eq. 7.43), that is for
 * <pre>
 *   αᵢ(τ) = λᵢ(1 − ελᵢ)ᵗ / (1 − (1 − ελᵢ)ᵗ),
 * </pre>
 * and when ελᵢ ≪ 1 and λᵢ/α ≪ 1 taking logarithms gives τ ≈ 1/(εα), α ≈ 1/(τε) (eqs. 7.44–7.45): the number of
 * steps times the rate plays the part of the inverse weight-decay coefficient.
 */
public final class EarlyStoppingShrinkage {

    private final L2Shrinkage l2;
    private final double[] lambda;

    /** Decomposes H (symmetric positive semi-definite, checked) once. */
    public EarlyStoppingShrinkage(DMatrixRMaj hessian) {
        this.l2 = new L2Shrinkage(hessian);
        this.lambda = l2.eigenvalues();
    }

    /** λᵢ of H, ascending (the order of every per-direction array here). */
    public double[] eigenvalues() {
        return lambda.clone();
    }

    /** 1 − (1 − ελᵢ)ᵗ, the fraction of w*'s component along eigenvector i that τ steps have learned (eq. 7.40). */
    public double[] factors(double epsilon, long tau) {
        check(epsilon, tau);
        double[] f = new double[lambda.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = 1 - Math.pow(1 - epsilon * lambda[i], tau);
        }
        return f;
    }

    /** w⁽ᵗ⁾ = Q[I − (I − εΛ)ᵗ]Qᵀw* (eq. 7.40). */
    public double[] weights(double[] wStar, double epsilon, long tau) {
        if (wStar.length != lambda.length) {
            throw new IllegalArgumentException("w* has " + wStar.length + " entries but H is " + lambda.length + "x" + lambda.length);
        }
        double[] f = factors(epsilon, tau);
        DMatrixRMaj q = l2.eigenvectors();
        int n = f.length;
        DMatrixRMaj c = new DMatrixRMaj(n, 1);
        Blas.gemm(true, false, 1.0, q, DMatrixRMaj.wrap(n, 1, wStar.clone()), 0.0, c);
        for (int i = 0; i < n; i++) {
            c.data[i] *= f[i];
        }
        DMatrixRMaj w = new DMatrixRMaj(n, 1);
        Blas.gemm(false, false, 1.0, q, c, 0.0, w);
        return w.data;
    }

    /** αᵢ(τ) = λᵢ(1 − ελᵢ)ᵗ/(1 − (1 − ελᵢ)ᵗ), the weight decay that shrinks direction i as τ steps do (eq. 7.43). */
    public double[] equivalentAlphas(double epsilon, long tau) {
        return equivalentAlphas(lambda, epsilon, tau);
    }

    /** αᵢ(τ) for given eigenvalues λᵢ &gt; 0 with ελᵢ &lt; 2. */
    public static double[] equivalentAlphas(double[] lambda, double epsilon, long tau) {
        check(epsilon, tau);
        double[] a = new double[lambda.length];
        for (int i = 0; i < a.length; i++) {
            if (!(lambda[i] > 0) || !(epsilon * lambda[i] < 2)) {
                throw new IllegalArgumentException("equivalentAlphas needs λ_" + i + " > 0 with ελ < 2 (ε = " + epsilon
                        + "), got λ = " + lambda[i]);
            }
            double r = Math.pow(1 - epsilon * lambda[i], tau);
            a[i] = lambda[i] * r / (1 - r);
        }
        return a;
    }

    /** 1/(ετ), the approximation of eq. 7.45. */
    public static double approximateAlpha(double epsilon, long tau) {
        check(epsilon, tau);
        return 1 / (epsilon * tau);
    }

    private static void check(double epsilon, long tau) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("the learning rate ε must be finite and > 0, got " + epsilon);
        }
        if (tau < 1) {
            throw new IllegalArgumentException("the number of steps τ must be ≥ 1, got " + tau);
        }
    }
}
