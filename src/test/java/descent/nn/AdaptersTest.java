package descent.nn;

import descent.functions.Rosenbrock;
import descent.nn.Param;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AdaptersTest {

    @Test
    void objectiveParamEvaluatesTheObjectiveAtTheParameter() {
        ObjectiveParam p = new ObjectiveParam(Rosenbrock.twoD(), new double[]{-1.2, 1});
        assertEquals(24.2, p.oracle().evaluate(), 1e-12);
        double[] g = new double[2];
        Rosenbrock.twoD().valueAndGradient(new double[]{-1.2, 1}, g);
        assertArrayEquals(g, p.param().grad().data, 0);
        p.param().value().data[0] = 1;
        p.param().value().data[1] = 1;
        assertEquals(0, p.oracle().evaluate(), 0);
        assertArrayEquals(new double[]{0, 0}, p.param().grad().data, 0);
    }

    /** Round trip: a Rosenbrock split over two parameters of shapes 1x2 and 2x1 equals the 4-D function. */
    @Test
    void paramsObjectiveFlattensInListOrderAndRowMajor() {
        Param a = Param.vector("a", 0, 0);
        Param b = new Param("b", new org.ejml.data.DMatrixRMaj(2, 1));
        Rosenbrock f = new Rosenbrock(4);
        GradientOracle oracle = () -> {
            double[] x = {a.value().data[0], a.value().data[1], b.value().data[0], b.value().data[1]};
            double[] g = new double[4];
            double v = f.valueAndGradient(x, g);
            a.grad().data[0] = g[0];
            a.grad().data[1] = g[1];
            b.grad().data[0] = g[2];
            b.grad().data[1] = g[3];
            return v;
        };
        ParamsObjective obj = new ParamsObjective(List.of(a, b), oracle);
        assertEquals(4, obj.dimension());
        double[] x = {-1.2, 1, 0.5, 0.7}, g = new double[4], expected = new double[4];
        assertEquals(f.valueAndGradient(x, expected), obj.valueAndGradient(x, g), 0);
        assertArrayEquals(expected, g, 0);
        assertArrayEquals(x, obj.read(new double[4]), 0);
        assertThrows(IllegalArgumentException.class, () -> obj.value(new double[3]));
    }
}
