package setup;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "04.8", title = "output bias from class marginals")
class OutputBiasTest {

    private static final String REREAD = "Goodfellow et al. §8.4 (solve softmax(b) = c for the class frequencies c: "
            + "b = log c) and notebook 15";

    /** 50, 30, 15 and 5 examples of classes 0..3, interleaved. */
    static int[] labels() {
        int[] counts = {50, 30, 15, 5};
        int[] y = new int[100];
        int[] left = counts.clone();
        int i = 0;
        while (i < 100) {
            for (int k = 3; k >= 0; k--) {
                if (left[k] > 0) {
                    y[i++] = k;
                    left[k]--;
                }
            }
        }
        return y;
    }

    static double[] softmax(double[] b) {
        double max = java.util.Arrays.stream(b).max().orElse(0), z = 0;
        double[] p = new double[b.length];
        for (int k = 0; k < b.length; k++) {
            p[k] = Math.exp(b[k] - max);
            z += p[k];
        }
        for (int k = 0; k < b.length; k++) {
            p[k] /= z;
        }
        return p;
    }

    @Test
    @Points(3)
    void softmaxOfTheBiasIsTheClassFrequencies() {
        double[] b = OutputBias.fromLabels(labels(), 4);
        that(b != null && b.length == 4, "the number of biases", "4 classes", "expected 4", REREAD);
        allClose("softmax(b)", "labels with 50, 30, 15, 5 examples of classes 0..3", new double[]{0.5, 0.3, 0.15, 0.05},
                softmax(b), 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void initialLossIsTheEntropy() {
        int[] y = labels();
        double[] p = softmax(OutputBias.fromLabels(y, 4));
        double loss = 0;
        for (int label : y) {
            loss -= Math.log(p[label]) / y.length;
        }
        // numpy: H(0.5, 0.3, 0.15, 0.05) = 1.1421200429883351 nats, below log 4 = 1.386 of uniform scores
        close("the mean cross-entropy of the untrained network", "labels with 50, 30, 15, 5 examples of classes 0..3",
                1.1421200429883351, loss, 1e-12, REREAD);
    }

    @Test
    @Points(2)
    void refusesMissingClassesAndBadLabels() {
        Object[][] cases = {{new int[]{0, 0, 2}, 3, "class 1 never occurs"}, {new int[]{0, 3}, 3, "label 3 with 3 classes"},
                {new int[]{0, -1}, 2, "label −1"}};
        for (Object[] c : cases) {
            try {
                OutputBias.fromLabels((int[]) c[0], (int) c[1]);
                that(false, "the result", (String) c[2], "expected an IllegalArgumentException", REREAD);
            } catch (IllegalArgumentException expected) {
                // the required error
            }
        }
    }
}
