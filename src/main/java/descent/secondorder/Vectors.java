package descent.secondorder;

import descent.linalg.Blas;

import java.util.Locale;

/** Level-1 helpers over flat vectors (BLAS underneath) and the checks every minimizer shares. */
final class Vectors {

    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        return Blas.dot(a.length, a, b);
    }

    /** y ← y + α·x */
    static void axpy(double alpha, double[] x, double[] y) {
        Blas.axpy(x.length, alpha, x, y);
    }

    static double norm(double[] a) {
        return Blas.nrm2(a.length, a);
    }

    static double infNorm(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m; // Math.max propagates NaN
    }

    static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }

    /** x + α·p, a new array */
    static double[] step(double[] x, double alpha, double[] p) {
        double[] r = x.clone();
        axpy(alpha, p, r);
        return r;
    }

    static String show(double[] a) {
        if (a.length <= 6) {
            StringBuilder s = new StringBuilder("(");
            for (int i = 0; i < a.length; i++) {
                s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", a[i]));
            }
            return s.append(')').toString();
        }
        return "(" + String.format(Locale.ROOT, "%.6g, %.6g, %.6g, …, %.6g", a[0], a[1], a[2], a[a.length - 1])
                + "; length " + a.length + ")";
    }

    static void requireLength(double[] v, int d, String what, String owner) {
        if (v == null || v.length != d) {
            throw new IllegalArgumentException(owner + ": " + what + " must have length " + d + ", got "
                    + (v == null ? "null" : "length " + v.length));
        }
    }
}
