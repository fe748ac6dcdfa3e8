package descent.optim;

import descent.functions.Quadratic;
import descent.nn.Param;
import descent.nn.GradientOracle;
import descent.nn.ObjectiveParam;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What every optimizer promises, checked on every optimizer the library has ({@link Optimizers} finds them by
 * scanning the compiled classes): it can be built with its defaults; it descends a bowl; its state is per
 * tensor (splitting the parameters into several tensors changes nothing); {@code reset()} starts over exactly;
 * {@code step()} with stored gradients is the same step as {@code step(oracle)}, or is refused for the methods
 * that need the gradient elsewhere; the step counter counts.
 */
class OptimizerContractTest {

    /** A non-separable 4-D bowl ½θᵀAθ − bᵀθ with eigenvalues between about 0.5 and 4: every default rate is stable. */
    static final Quadratic BOWL = new Quadratic("bowl4", new DMatrixRMaj(4, 4, true,
            3, 0.5, 0, 0.2,
            0.5, 2, 0.3, 0,
            0, 0.3, 1, 0.1,
            0.2, 0, 0.1, 0.8), new double[]{1, -1, 0.5, 0}, new double[]{1.5, -1, 2, 0.7});

    @Test
    void everyOptimizerIsFoundAndCanBeBuilt() {
        List<Class<? extends Optimizer>> found = Optimizers.classes();
        Set<String> names = found.stream().map(Class::getSimpleName).collect(Collectors.toSet());
        // the scan must see the known ones (a scan that finds nothing would make every test below vacuous)
        for (String known : List.of("SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "RMSPropNesterov", "AdaDelta",
                "Adam", "AdamW", "SAM", "DeltaBarDelta", "ProjectedOptimizer")) {
            assertTrue(names.contains(known), "the scan did not find " + known + "; found " + names);
        }
        List<String> unbuildable = new ArrayList<>();
        for (Class<? extends Optimizer> c : found) {
            if (Optimizers.maker(c) == null) {
                unbuildable.add(c.getName());
            }
        }
        assertEquals(List.of(), unbuildable, "give these a public (List<Param>) constructor with the defaults of their "
                + "Javadoc (or (Optimizer) for a wrapper), or an entry in Optimizers.SPECIAL");
    }

    @Test
    void everyOptimizerDescendsABowlWithItsDefaults() {
        for (Optimizers.Maker make : Optimizers.all()) {
            ObjectiveParam p = new ObjectiveParam(BOWL, BOWL.start());
            Optimizer opt = make.apply(List.of(p.param()));
            double f0 = BOWL.value(BOWL.start());
            for (int k = 0; k < 20; k++) {
                opt.step(p.oracle());
            }
            double f = BOWL.value(p.x());
            assertTrue(f < f0, make + " did not descend in 20 steps: f = " + f + " from " + f0);
            assertEquals(20, opt.steps(), make + " step count");
        }
    }

    private static double[] join(Param a, Param b) {
        return new double[]{a.value().data[0], a.value().data[1], b.value().data[0], b.value().data[1]};
    }

    @Test
    void stateIsPerTensor() {
        for (Optimizers.Maker make : Optimizers.all()) {
            ObjectiveParam whole = new ObjectiveParam(BOWL, BOWL.start());
            Optimizer one = make.apply(List.of(whole.param()));
            double[] s = BOWL.start();
            Param a = Param.vector("a", s[0], s[1]), b = Param.vector("b", s[2], s[3]);
            GradientOracle split = () -> {
                double[] g = new double[4];
                double v = BOWL.valueAndGradient(join(a, b), g);
                a.grad().data[0] = g[0];
                a.grad().data[1] = g[1];
                b.grad().data[0] = g[2];
                b.grad().data[1] = g[3];
                return v;
            };
            Optimizer two = make.apply(List.of(a, b));
            for (int k = 0; k < 15; k++) {
                double l1 = one.step(whole.oracle()), l2 = two.step(split);
                assertEquals(l1, l2, 1e-13, make + " loss at step " + (k + 1));
                assertArrayEquals(whole.x(), join(a, b), 1e-13, make + " step " + (k + 1));
            }
            assertTrue(BOWL.value(whole.x()) < BOWL.value(BOWL.start()), make + " moved nowhere useful");
        }
    }

    @Test
    void resetStartsOverExactly() {
        for (Optimizers.Maker make : Optimizers.all()) {
            ObjectiveParam p = new ObjectiveParam(BOWL, BOWL.start());
            Optimizer opt = make.apply(List.of(p.param()));
            double[][] first = new double[8][];
            for (int k = 0; k < 8; k++) {
                opt.step(p.oracle());
                first[k] = p.x();
            }
            opt.reset();
            assertEquals(0, opt.steps(), make + " steps after reset");
            System.arraycopy(BOWL.start(), 0, p.param().value().data, 0, 4);
            for (int k = 0; k < 8; k++) {
                opt.step(p.oracle());
                assertArrayEquals(first[k], p.x(), 0, make + " step " + (k + 1) + " after reset");
            }
        }
    }

    @Test
    void storedGradientsGiveTheSameStepOrAreRefused() {
        for (Optimizers.Maker make : Optimizers.all()) {
            ObjectiveParam a = new ObjectiveParam(BOWL, BOWL.start()), b = new ObjectiveParam(BOWL, BOWL.start());
            Optimizer withOracle = make.apply(List.of(a.param())), stored = make.apply(List.of(b.param()));
            assertEquals(withOracle.needsOracle(), stored.needsOracle());
            if (stored.needsOracle()) {
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, stored::step, make.toString());
                assertTrue(e.getMessage().contains("step(oracle)"), e.getMessage());
                assertEquals(0, stored.steps(), make + ": a refused step is not counted");
                continue;
            }
            for (int k = 0; k < 10; k++) {
                withOracle.step(a.oracle());
                b.oracle().evaluate(); // the caller computes the gradient where the parameters are
                stored.step();
                assertArrayEquals(a.x(), b.x(), 0, make + " step " + (k + 1));
            }
        }
    }

    @Test
    void aNullOracleIsRefusedNamingTheOptimizer() {
        for (Optimizers.Maker make : Optimizers.all()) {
            Optimizer opt = make.apply(List.of(Param.vector("x", 1, 2)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> opt.step(null), make.toString());
            assertTrue(e.getMessage().contains("oracle"), e.getMessage());
        }
    }
}
