package descent;

import descent.data.Dataset;
import descent.data.Synthetic;
import descent.functions.Beale;
import descent.functions.Cliff;
import descent.functions.CubicSum;
import descent.functions.PowerSum;
import descent.functions.Quadratic;
import descent.functions.Rosenbrock;
import descent.functions.TwoWells;
import descent.nn.GradientOracle;
import descent.nn.JacobianLayer;
import descent.nn.Linear;
import descent.nn.Logistic;
import descent.nn.NonFiniteInputException;
import descent.nn.ObjectiveParam;
import descent.nn.Param;
import descent.nn.ParamsObjective;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.SquaredError;
import descent.objective.LogisticRegression;
import descent.objective.Objective;
import descent.optim.SAM;
import descent.optim.SGD;
import descent.regularize.ProjectedOptimizer;
import descent.secondorder.BFGS;
import descent.secondorder.LBFGS;
import descent.secondorder.NonlinearCG;
import descent.secondorder.SteepestDescent;
import descent.train.Trainer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Bad input is refused where it enters, with a message that names the value, the shape or the argument
 * (Guava-Preconditions style): hyperparameters, null collaborators, points of the wrong length, NaN in the data.
 */
class ValidationTest {

    /** Asserts an IllegalArgumentException whose message contains every fragment. */
    private static IllegalArgumentException refused(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(f), "message \"" + e.getMessage() + "\" lacks \"" + f + "\"");
        }
        return e;
    }

    private static Sequential net(Random rng) {
        return new Sequential(new SoftmaxCrossEntropy(), new Linear("fc1", 2, 8, descent.init.Init.glorotNormal(), rng),
                new ReLU(), new Linear("fc2", 8, 3, descent.init.Init.glorotNormal(), rng));
    }

    @Test
    void trainerSettings() {
        Random rng = new Random(1);
        Sequential net = net(rng);
        Trainer t = new Trainer(net, new SGD(net.params()), rng);
        refused(() -> t.clipNorm(-5), "τ", "-5.0");
        refused(() -> t.clipNorm(Double.NaN), "NaN");
        refused(() -> t.clipValue(0), "0.0");
        refused(() -> t.schedule(null), "schedule");
        refused(() -> t.penalty(null), "penalty");
        refused(() -> t.averaging(null), "averaging");
        refused(() -> t.fit(null), "training set");
        refused(() -> new Trainer(null, new SGD(net.params()), rng), "network");
        refused(() -> new Trainer(net, null, rng), "optimizer");
        refused(() -> new Trainer(net, new SGD(net.params()), null), "Random");
    }

    @Test
    void lineSearchesAndFormulas() {
        refused(() -> new LBFGS(5).lineSearch(null), "LBFGS", "line search");
        refused(() -> new BFGS().lineSearch(null), "BFGS", "line search");
        refused(() -> new NonlinearCG().lineSearch(null), "NonlinearCG", "line search");
        refused(() -> new NonlinearCG(null), "β");
        refused(() -> new SteepestDescent(null), "line search");
    }

    @Test
    void lossesAndNetworks() {
        refused(() -> new SoftmaxCrossEntropy(null), "SoftmaxCrossEntropy", "reduction");
        refused(() -> new SquaredError(null), "SquaredError", "reduction");
        refused(() -> new Logistic(null), "Logistic", "reduction");
        refused(() -> new Sequential(null, new ReLU()), "loss");
        refused(() -> new Sequential(new SquaredError(), new ReLU(), null), "layer 1");
        refused(() -> new Sequential(new SquaredError(), List.of()), "at least one layer");
        refused(() -> new Linear(null, 2, 3), "name");
        refused(() -> new Linear("fc", 2, 3).init(null, new Random(1)), "fc", "initialization");
        refused(() -> new JacobianLayer("j", null), "function");
        refused(() -> new ObjectiveParam(null, new double[2]), "objective");
        refused(() -> new ParamsObjective(List.of(Param.vector("a", 1)), null), "oracle");
    }

    @Test
    void optimizersAndWrappers() {
        refused(() -> new SGD(Arrays.asList(Param.vector("a", 1), null)), "parameter 1 is null");
        refused(() -> new SAM(null), "SAM", "null");
        refused(() -> new ProjectedOptimizer(null), "ProjectedOptimizer", "null");
        SGD sgd = new SGD(List.of(Param.vector("a", 1)));
        refused(() -> sgd.step((GradientOracle) null), "oracle");
    }

    @Test
    void rosenbrockRefusesAPointOfTheWrongLength() {
        Rosenbrock r = Rosenbrock.twoD();
        refused(() -> r.value(new double[3]), "Rosenbrock", "dimension 2", "length 3");
        refused(() -> r.value(new double[1]), "length 1");
        refused(() -> r.valueAndGradient(new double[2], new double[3]), "gradient", "length 3");
    }

    @Test
    void everyObjectiveChecksTheLengthOfEveryArray() {
        List<Objective> all = List.of(Rosenbrock.twoD(), new Rosenbrock(4), new Beale(), new Cliff(), new CubicSum(3),
                new PowerSum(), Quadratic.bowl(1, 4), new TwoWells(), LogisticRegression.synthetic(20, 3, 1, 0.1, 1));
        for (Objective f : all) {
            int d = f.dimension();
            String name = f.name();
            refused(() -> f.value(new double[d + 1]), name, "length " + (d + 1));
            refused(() -> f.value(null), name, "null");
            refused(() -> f.valueAndGradient(new double[d], new double[d + 1]), name, "gradient");
            refused(() -> f.valueAndGradient(new double[d - 1], new double[d]), name, "point");
            refused(() -> f.hessianVector(new double[d], new double[d + 2], new double[d]), name, "v");
            refused(() -> f.hessianVector(new double[d], new double[d], new double[1 + 2 * d]), name, "output");
            if (f.hasHessian()) {
                refused(() -> f.hessian(new double[d + 1], new DMatrixRMaj(d, d)), name, "point");
            }
            assertTrue(Double.isFinite(f.value(new double[d])), name + " at 0");
        }
    }

    @Test
    void nanInTheDataIsNamedAsSuchNotAsDivergence() {
        Random rng = new Random(2);
        Dataset clean = Synthetic.spirals(20, 3, 0.1, rng);
        // at construction: the data set names example and feature
        DMatrixRMaj bad = clean.x().copy();
        bad.set(7, 1, Double.NaN);
        refused(() -> new Dataset("spirals", bad, clean.labels(), 3), "spirals", "feature 1 of example 7", "NaN");

        // data changed after construction: the trainer names the example, the feature, the batch and the epoch
        Dataset mutable = new Dataset("spirals", clean.x().copy(), clean.labels(), 3);
        mutable.x().set(13, 0, Double.POSITIVE_INFINITY);
        Sequential net = net(rng);
        Trainer t = new Trainer(net, new SGD(net.params(), 0.1), rng).batchSize(10).progress(null).noShuffle();
        IllegalArgumentException e = refused(() -> t.fit(mutable), "spirals", "example 13", "feature 0", "batch 2",
                "epoch 1", "Infinity");
        assertFalse(e.getMessage().contains("learning rate"), "not blamed on the learning rate: " + e.getMessage());

        // the network itself, without a trainer: row and column of the batch
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{0.1, 0.2}, {0.3, Double.NaN}});
        NonFiniteInputException n = assertThrows(NonFiniteInputException.class, () -> net.lossAndGradient(x, new int[]{0, 1}));
        assertEquals(1, n.row());
        assertEquals(1, n.column());
        assertTrue(n.getMessage().contains("row 1, column 1"), n.getMessage());

        // a real divergence is still reported as one, with the advice about the learning rate
        Sequential net2 = net(new Random(3));
        Trainer wild = new Trainer(net2, new SGD(net2.params(), 1e300), new Random(3)).batchSize(10).epochs(20).progress(null);
        ArithmeticException d = assertThrows(ArithmeticException.class, () -> wild.fit(clean));
        assertTrue(d.getMessage().contains("diverged") && d.getMessage().contains("learning rate"), d.getMessage());
    }

    @Test
    void helpersOfTrainingAndChecking() {
        List<Param> ps = List.of(Param.vector("x", 1, 2));
        refused(() -> descent.optim.Clipping.wrapByNorm(null, ps, 1), "oracle");
        refused(() -> descent.optim.Clipping.wrapByNorm(() -> 0, ps, -1), "τ", "-1");
        refused(() -> descent.optim.Averaging.runningMean(null), "parameters");
        refused(() -> descent.optim.Averaging.exponential(ps, 1.5), "β", "1.5");
        refused(() -> descent.optim.Schedule.warmup(10, null), "warm-up", "null");
        refused(() -> new descent.optim.ReduceOnPlateau(0.1, 0.5, 3, 0, 0).observe(Double.NaN), "NaN");
        refused(() -> descent.check.GradientCheck.run(ps, null, new Random(1)), "oracle");
        refused(() -> descent.check.Expect.close("x", 1, 1, -1), "tolerance", "-1");
        refused(() -> Quadratic.bowl(), "coefficient");
    }

    @Test
    void dataSets() {
        refused(() -> Synthetic.spirals(10, 3, -0.1, new Random(1)), "noise", "-0.1");
        refused(() -> Synthetic.spirals(10, 3, 0.1, null), "Random");
        refused(() -> Synthetic.blobs(10, 3, 1, Double.NaN, new Random(1)), "standard deviation", "NaN");
        Dataset d = Synthetic.spirals(10, 3, 0.1, new Random(1));
        refused(() -> d.head(-1), "-1");
        refused(() -> d.split(0.5, null), "Random");
        refused(() -> new Dataset("d", d.x(), d.labels(), 0), "classes", "0");
        refused(() -> new Dataset("d", null, d.labels(), 3), "features");
    }
}
