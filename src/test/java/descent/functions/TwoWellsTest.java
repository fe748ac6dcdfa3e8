package descent.functions;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TwoWellsTest {

    @Test
    void derivativesMatchFiniteDifferences() {
        TwoWells f = new TwoWells();
        for (double x : new double[]{-2, -1, -0.3, 0.5, 0.95, 1.0, 1.04, 1.3}) {
            double h = 1e-6;
            double[] g = new double[1], gp = new double[1], gm = new double[1];
            f.valueAndGradient(new double[]{x}, g);
            double fd = (f.value(new double[]{x + h}) - f.value(new double[]{x - h})) / (2 * h);
            assertEquals(fd, g[0], 1e-6 * (1 + Math.abs(fd)), "f' at " + x);
            f.valueAndGradient(new double[]{x + h}, gp);
            f.valueAndGradient(new double[]{x - h}, gm);
            DMatrixRMaj hess = new DMatrixRMaj(1, 1);
            f.hessian(new double[]{x}, hess);
            double fd2 = (gp[0] - gm[0]) / (2 * h);
            assertEquals(fd2, hess.get(0, 0), 1e-5 * (1 + Math.abs(fd2)), "f'' at " + x);
        }
    }

    @Test
    void sharpWellIsDeeperAndMuchMoreCurved() {
        TwoWells f = new TwoWells();
        double xs = f.minimizer()[0], xf = f.flatMinimizer();
        assertEquals(1, xs, 1e-3);
        assertEquals(-1, xf, 1e-2);
        assertTrue(f.value(new double[]{xs}) < f.value(new double[]{xf}));
        // curvature ≈ a/w²: 1/0.05² = 400 and 0.8/1² = 0.8 (each well's tail from the other is tiny)
        assertEquals(400, f.curvature(xs), 4);
        assertEquals(0.8, f.curvature(xf), 0.05);
    }
}
