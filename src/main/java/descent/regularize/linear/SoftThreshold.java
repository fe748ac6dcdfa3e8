package descent.regularize.linear;

/**
 * The L¹ solution for a quadratic with diagonal Hessian (Goodfellow et al. eqs. 7.22–7.23; the draft chapter 7,
 * §7.2.2, writes β for α and γᵢ for H_ii):
 * <pre>
 *   minimize  Σᵢ ½H_ii(wᵢ − wᵢ*)² + α|wᵢ|     with H_ii &gt; 0
 *   wᵢ = sign(wᵢ*) max(|wᵢ*| − α/H_ii, 0)       (eq. 7.23)
 * </pre>
 * The threshold is α/H_ii, not α: a weight along a flat direction (small H_ii) is cut harder. Its L² counterpart
 * {@link #ridgeDiagonal} only rescales, H_ii/(H_ii + α)·wᵢ*, and never reaches zero.
 */
public final class SoftThreshold {

    private SoftThreshold() {
    }

    /** sign(v) max(|v| − t, 0): the proximal map of t|·|. */
    public static double apply(double v, double t) {
        return v > t ? v - t : (v < -t ? v + t : 0.0);
    }

    /** Eq. 7.23 for every coordinate: sign(wᵢ*) max(|wᵢ*| − α/H_ii, 0). */
    public static double[] lasso(double[] wStar, double[] hDiag, double alpha) {
        check(wStar, hDiag, alpha);
        double[] w = new double[wStar.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = apply(wStar[i], alpha / hDiag[i]);
        }
        return w;
    }

    /** The L² solution under the same diagonal Hessian: H_ii/(H_ii + α)·wᵢ* (Goodfellow et al. §7.1.2). */
    public static double[] ridgeDiagonal(double[] wStar, double[] hDiag, double alpha) {
        check(wStar, hDiag, alpha);
        double[] w = new double[wStar.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = hDiag[i] / (hDiag[i] + alpha) * wStar[i];
        }
        return w;
    }

    private static void check(double[] wStar, double[] hDiag, double alpha) {
        if (wStar.length != hDiag.length) {
            throw new IllegalArgumentException("w* has " + wStar.length + " entries but diag(H) has " + hDiag.length);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("the L1 coefficient α must be finite and ≥ 0, got " + alpha);
        }
        for (int i = 0; i < hDiag.length; i++) {
            if (!(hDiag[i] > 0) || Double.isInfinite(hDiag[i])) {
                throw new IllegalArgumentException("eq. 7.23 needs H_ii > 0 (finite), but H_" + i + i + " = " + hDiag[i]);
            }
            if (!Double.isFinite(wStar[i])) {
                throw new IllegalArgumentException("w* must be finite, but entry " + i + " is " + wStar[i]);
            }
        }
    }
}
