package normalization;

import static descent.grade.GradedAssert.allClose;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** A hashed layer's bucket gradient: by hand, and against central differences of a hashed layer's loss. */
@Exercise(id = "08.7", title = "hashed layer bucket gradient")
class HashedGradientTest {

    static final String REREAD = "Aggarwal §3.7.3 (hash-based compression) and §3.2.9: a weight shared by several "
            + "positions gets the sum of their gradients; notebook 37";

    interface BucketGradient {
        double[] apply(double[][] dW, int[][] bucket, int buckets);
    }

    static final BucketGradient STUDENT = HashedGradient::bucketGradient;

    @Test
    @Points(2)
    void byHand() {
        checkByHand(STUDENT);
    }

    static void checkByHand(BucketGradient f) {
        double[][] dW = {{1, 2, 3}, {4, 5, 6}};
        int[][] h = {{0, 2, 0}, {1, 2, 0}};
        allClose("∂L/∂z", "∂L/∂W = [[1, 2, 3], [4, 5, 6]], h = [[0, 2, 0], [1, 2, 0]], K = 4 (bucket 3 unused)",
                new double[]{1 + 3 + 6, 4, 2 + 5, 0}, f.apply(dW, h, 4), 1e-15, REREAD);
    }

    @Test
    @Points(3)
    void matchesFiniteDifferencesOfAHashedLayer() {
        checkMatchesFiniteDifferencesOfAHashedLayer(STUDENT);
    }

    static void checkMatchesFiniteDifferencesOfAHashedLayer(BucketGradient f) {
        // L = Σ_r Σ_j c_rj (x W)_rj with W_ij = z_h(i,j); ∂L/∂W = xᵀc; compare f's bucket sums with differences in z
        int in = 4, out = 3, K = 5;
        int[][] h = new int[in][out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                h[i][j] = (3 * i + 7 * j + i * j) % K;
            }
        }
        double[][] x = Fixtures.x(2, in, 0.2, 1), c = Fixtures.g(2, out);
        double[] z = {0.3, -0.2, 0.5, 0.1, -0.4};
        double[][] dW = new double[in][out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                for (int r = 0; r < 2; r++) {
                    dW[i][j] += x[r][i] * c[r][j];
                }
            }
        }
        double[] fd = new double[K];
        for (int k = 0; k < K; k++) {
            double[] zp = z.clone(), zm = z.clone();
            zp[k] += 1e-6;
            zm[k] -= 1e-6;
            fd[k] = (loss(x, c, zp, h) - loss(x, c, zm, h)) / 2e-6;
        }
        allClose("∂L/∂z", "a 4→3 hashed layer, h(i, j) = (3i + 7j + ij) mod 5, L = Σ c ⊙ xW (compared with central "
                + "differences in z)", fd, f.apply(dW, h, K), 1e-8, REREAD);
    }

    private static double loss(double[][] x, double[][] c, double[] z, int[][] h) {
        double l = 0;
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < c[0].length; j++) {
                double y = 0;
                for (int i = 0; i < x[0].length; i++) {
                    y += x[r][i] * z[h[i][j]];
                }
                l += c[r][j] * y;
            }
        }
        return l;
    }
}
