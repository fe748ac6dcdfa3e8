package setup;

import static descent.grade.GradedAssert.fail;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Exercise(id = "04.5", title = "dead ReLU units")
class DeadUnitsTest {

    private static final String REREAD = "Aggarwal §3.4.3 (a ReLU unit is dead when its output is 0 on every example: its "
            + "pre-activation x·W_{:,j} + b_j ≤ 0 on every row, ReLU(0) = 0 included) and notebook 16";

    private static void same(int[] expected, int[] got, String input) {
        if (!Arrays.equals(expected, got)) {
            fail("the dead units", input, Arrays.toString(expected), Arrays.toString(got), REREAD);
        }
    }

    @Test
    @Points(3)
    void handExample() {
        double[][] x = {{1, 0}, {0, 1}, {1, 1}};
        // unit 0: −1, −1, −2 (dead); unit 1: 0, −2, −1 (dead: 0 is not positive);
        // unit 2: −0.5, −0.5, 0.5 (alive on the last row); unit 3: bias 0.5 keeps it alive
        double[][] w = {{-1, 1, 1, 0}, {-1, -1, 1, 0}};
        double[] b = {0, -1, -1.5, 0.5};
        same(new int[]{0, 1}, DeadUnits.find(x, w, b), "x = [[1,0],[0,1],[1,1]], W = [[−1,1,1,0],[−1,−1,1,0]], b = (0, −1, −1.5, 0.5)");
        // unit 0: 2·1 + 1·(−0.5) = 1.5 (alive); unit 1: 2·0.5 + 1·(−2) = −1 (dead)
        same(new int[]{1}, DeadUnits.find(new double[][]{{2, 1}}, new double[][]{{1, 0.5}, {-0.5, -2}}, new double[]{0, 0}),
                "x = [[2, 1]], W = [[1, 0.5], [−0.5, −2]], b = (0, 0)");
        // unit 0 alive: 0.5·2 − 0.5 = 0.5 > 0 (the product, not 0.5/2 − 0.5 < 0); unit 1: 0.5·2 − 1.5 < 0, dead
        same(new int[]{1}, DeadUnits.find(new double[][]{{0.5}}, new double[][]{{2, 2}}, new double[]{-0.5, -1.5}),
                "x = [[0.5]], W = [[2, 2]], b = (−0.5, −1.5)");
    }

    @Test
    @Points(2)
    void agreesWithAForwardPass() {
        Random rng = new Random(4);
        double[][] x = new double[50][6], w = new double[6][20];
        double[] b = new double[20];
        for (double[] row : x) {
            for (int i = 0; i < 6; i++) {
                row[i] = Math.abs(rng.nextGaussian());          // non-negative inputs, as in Aggarwal's first cause
            }
        }
        for (int j = 0; j < 20; j++) {
            double sign = j % 3 == 0 ? -1 : 1;                  // every third unit has only negative weights
            for (int i = 0; i < 6; i++) {
                w[i][j] = sign * Math.abs(rng.nextGaussian());
            }
            b[j] = 0.3 * rng.nextGaussian() - (j % 5 == 1 ? 5 : 0);
        }
        int[] dead = DeadUnits.find(x, w, b);
        int[] expected = java.util.stream.IntStream.range(0, 20).filter(j -> {
            for (double[] row : x) {
                double a = b[j];
                for (int i = 0; i < 6; i++) {
                    a += row[i] * w[i][j];
                }
                if (Math.max(0, a) != 0) {
                    return false;
                }
            }
            return true;
        }).toArray();
        that(expected.length > 0 && expected.length < 20, "the test data", "seed 4", "has dead and live units", REREAD);
        same(expected, dead, "50 random non-negative rows, 20 units (seed 4)");
    }

    @Test
    @Points(1)
    void refusesShapesThatDoNotFit() {
        double[][][] xs = {{{1, 2, 3}}, {{1, 2}}, {{1, 2}}};
        double[][][] ws = {{{1, 2}, {3, 4}}, {{1, 2}, {3, 4}}, {{1, 2, 3}, {3, 4}}};
        double[][] bs = {{0, 0}, {0, 0, 0}, {0, 0}};
        String[] what = {"a row of 3 features and W with 2 rows", "W with 2 columns and b with 3 entries",
                "W's first row with 3 columns and b with 2 entries"};
        for (int k = 0; k < 3; k++) {
            try {
                DeadUnits.find(xs[k], ws[k], bs[k]);
                that(false, "the result", what[k], "expected an IllegalArgumentException", REREAD);
            } catch (IllegalArgumentException expected) {
                // the required error
            }
        }
    }
}
