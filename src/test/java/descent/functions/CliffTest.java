package descent.functions;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CliffTest {

    /** Central differences at points on the plateau, on the face and in the bowl. */
    @Test
    void gradientAndHessianMatchFiniteDifferences() {
        Cliff f = new Cliff();
        for (double[] x : new double[][]{{-2, 1}, {-0.1, 0.3}, {0.05, -0.7}, {0.2, 2}, {3, -1}}) {
            double[] g = new double[2];
            f.valueAndGradient(x, g);
            DMatrixRMaj h = new DMatrixRMaj(2, 2);
            f.hessian(x, h);
            for (int i = 0; i < 2; i++) {
                double e = 1e-6;
                double[] xp = x.clone(), xm = x.clone();
                xp[i] += e;
                xm[i] -= e;
                double fd = (f.value(xp) - f.value(xm)) / (2 * e);
                assertEquals(fd, g[i], 1e-6 * (1 + Math.abs(fd)), "∂f/∂x" + i + " at " + x[0] + ", " + x[1]);
                double[] gp = new double[2], gm = new double[2];
                f.valueAndGradient(xp, gp);
                f.valueAndGradient(xm, gm);
                for (int r = 0; r < 2; r++) {
                    double fd2 = (gp[r] - gm[r]) / (2 * e);
                    assertEquals(fd2, h.get(r, i), 1e-5 * (1 + Math.abs(fd2)), "H[" + r + "][" + i + "]");
                }
            }
        }
    }

    @Test
    void theFaceIsSteepAndTheMinimizerIsStationary() {
        Cliff f = new Cliff();
        double[] g = new double[2];
        f.valueAndGradient(new double[]{0, 0}, g);
        assertEquals(-125 + (0 - 1), g[0], 1e-12); // −H·k/4 + a(x₀ − m)
        assertEquals(125, f.faceSlope(), 0);
        f.valueAndGradient(f.minimizer(), g);
        assertEquals(0, g[0], 1e-12);
        assertTrue(f.minimizer()[0] > 1 && f.minimizer()[0] < 1.03, "the cliff tail pushes x* just right of m = 1: " + f.minimizer()[0]);
        assertTrue(f.value(f.start()) > 45, "the start sits on the plateau");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Cliff(-1, 10, 0, 1, 1, 1)).getMessage().contains("-1"));
    }
}
