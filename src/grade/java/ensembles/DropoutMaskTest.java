package ensembles;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.fail;
import static descent.grade.GradedAssert.flat;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/** Vanilla and inverted, training and inference, forward and backward with the same factor. */
@Exercise(id = "07.5", title = "dropout layer forward and backward")
class DropoutMaskTest {

    private static final String REREAD = "COMP541 lecture 4, slides 57–59 and the javadoc's table: vanilla masks at training "
            + "and multiplies by p at inference (weight scaling, the draft of Goodfellow et al. §7.11); inverted multiplies "
            + "by μ/p at training and does nothing at inference; the backward pass multiplies by the same factor; notebook 31";

    static final double[][] X = {{2, -1, 4}, {0.5, 3, -2}};
    static final double[][] MASK = {{1, 0, 1}, {0, 1, 1}};
    static final String INPUT = "x = [[2, −1, 4], [0.5, 3, −2]], μ = [[1, 0, 1], [0, 1, 1]], p = 0.5";

    @Test
    @Points(2)
    void trainingMode() {
        allClose("h (vanilla, training)", INPUT, new double[]{2, 0, 4, 0, 3, -2},
                flat(DropoutMask.forward(X, MASK, 0.5, true, false)), 1e-14, REREAD);
        allClose("h (inverted, training)", INPUT, new double[]{4, 0, 8, 0, 6, -4},
                flat(DropoutMask.forward(X, MASK, 0.5, true, true)), 1e-14, REREAD);
    }

    @Test
    @Points(2)
    void inferenceMode() {
        allClose("h (vanilla, inference)", INPUT, new double[]{1, -0.5, 2, 0.25, 1.5, -1},
                flat(DropoutMask.forward(X, MASK, 0.5, false, false)), 1e-14, REREAD);
        allClose("h (inverted, inference)", INPUT, new double[]{2, -1, 4, 0.5, 3, -2},
                flat(DropoutMask.forward(X, MASK, 0.5, false, true)), 1e-14, REREAD);
        // p = 1 keeps everything: the plain layer in every mode
        double[][] ones = {{1, 1, 1}, {1, 1, 1}};
        for (boolean training : new boolean[]{true, false}) {
            for (boolean inverted : new boolean[]{true, false}) {
                allClose("h (p = 1, training " + training + ", inverted " + inverted + ")", "x as above, μ = all ones, p = 1",
                        flat(X), flat(DropoutMask.forward(X, ones, 1, training, inverted)), 1e-14, REREAD);
            }
        }
    }

    @Test
    @Points(3)
    void backwardUsesTheSameFactor() {
        double[][] g = {{1, 2, -3}, {-0.5, 1, 2}};
        String in = "∂L/∂h = [[1, 2, −3], [−0.5, 1, 2]], μ = [[1, 0, 1], [0, 1, 1]], p = 0.25";
        allClose("∂L/∂x (vanilla, training)", in, new double[]{1, 0, -3, 0, 1, 2},
                flat(DropoutMask.backward(g, MASK, 0.25, true, false)), 1e-14, REREAD);
        allClose("∂L/∂x (inverted, training)", in, new double[]{4, 0, -12, 0, 4, 8},
                flat(DropoutMask.backward(g, MASK, 0.25, true, true)), 1e-14, REREAD);
        allClose("∂L/∂x (vanilla, inference)", in, new double[]{0.25, 0.5, -0.75, -0.125, 0.25, 0.5},
                flat(DropoutMask.backward(g, MASK, 0.25, false, false)), 1e-14, REREAD);
        allClose("∂L/∂x (inverted, inference)", in, new double[]{1, 2, -3, -0.5, 1, 2},
                flat(DropoutMask.backward(g, MASK, 0.25, false, true)), 1e-14, REREAD);
        allClose("∂L/∂x (p = 1, vanilla, inference)", "∂L/∂h as above, p = 1", flat(g),
                flat(DropoutMask.backward(g, MASK, 1, false, false)), 1e-14, REREAD);
    }

    @Test
    @Points(1)
    void refusesAKeepProbabilityOutsideZeroOne() {
        for (double p : new double[]{0, -0.5, 1.0000001, Double.NaN}) {
            try {
                DropoutMask.forward(X, MASK, p, true, true);
                fail("p = " + p, "forward", "IllegalArgumentException", "no exception", REREAD);
            } catch (IllegalArgumentException expected) {
                // refused
            }
            try {
                DropoutMask.backward(X, MASK, p, true, true);
                fail("p = " + p, "backward", "IllegalArgumentException", "no exception", REREAD);
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
    }
}
