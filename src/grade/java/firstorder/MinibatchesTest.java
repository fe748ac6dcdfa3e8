package firstorder;

import static descent.grade.GradedAssert.fail;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Exercise(id = "02.9", title = "minibatches for one epoch")
class MinibatchesTest {

    private static final String REREAD = "Goodfellow et al. §8.1.3 (random minibatches) and the Fisher–Yates loop in the "
            + "javadoc of Minibatches.epoch";

    @Test
    @Points(2)
    void coversEveryExampleOnceInBatchesOfM() {
        int[][] b = Minibatches.epoch(23, 5, new Random(1));
        String input = "n = 23, m = 5";
        that(b != null && b.length == 5, "number of batches", input, "expected ⌈23/5⌉ = 5, got " + (b == null ? "null" : b.length), REREAD);
        for (int i = 0; i < 4; i++) {
            that(b[i].length == 5, "size of batch " + i, input, "expected 5, got " + b[i].length, REREAD);
        }
        that(b[4].length == 3, "size of the last batch", input, "expected 23 mod 5 = 3, got " + b[4].length, REREAD);
        int[] all = Arrays.stream(b).flatMapToInt(Arrays::stream).sorted().toArray();
        int[] expected = new int[23];
        for (int i = 0; i < 23; i++) {
            expected[i] = i;
        }
        that(Arrays.equals(all, expected), "indices over all batches", input, "expected each of 0…22 exactly once, got "
                + Arrays.toString(all), REREAD);
    }

    /**
     * The JDK's Collections.shuffle runs the same Fisher–Yates loop (for i = n down to 2: swap(i − 1, rnd.nextInt(i))),
     * so with the same seed it is an independent reference for the permutation.
     */
    @Test
    @Points(2)
    void followsFisherYatesWithTheGivenRandomSource() {
        List<Integer> ref = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ref.add(i);
        }
        Collections.shuffle(ref, new Random(42));
        int[] expected = ref.stream().mapToInt(Integer::intValue).toArray();
        int[][] b = Minibatches.epoch(30, 8, new Random(42));
        int[] got = Arrays.stream(b).flatMapToInt(Arrays::stream).toArray();
        if (!Arrays.equals(expected, got)) {
            fail("concatenated batches", "n = 30, m = 8, new Random(42)", Arrays.toString(expected), Arrays.toString(got), REREAD);
        }
    }

    /**
     * Two epochs drawn one after the other from the same Random must match two shuffles drawn one after the other:
     * the loop draws exactly n − 1 numbers (i = n − 1 down to 1), so any extra or missing draw shifts every later
     * epoch of a training run.
     */
    @Test
    @Points(1)
    void consecutiveEpochsDrawExactlyTheirShareOfTheRandomSource() {
        Random reference = new Random(7);
        Random rng = new Random(7);
        for (int epoch = 1; epoch <= 3; epoch++) {
            List<Integer> ref = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ref.add(i);
            }
            Collections.shuffle(ref, reference);
            int[] expected = ref.stream().mapToInt(Integer::intValue).toArray();
            int[] got = Arrays.stream(Minibatches.epoch(12, 5, rng)).flatMapToInt(Arrays::stream).toArray();
            if (!Arrays.equals(expected, got)) {
                fail("concatenated batches of epoch " + epoch, "n = 12, m = 5, epochs 1, 2, 3 drawn from one new Random(7) "
                        + "(the shuffle of each epoch draws rng.nextInt(i + 1) for i = n − 1 down to 1, nothing more)",
                        Arrays.toString(expected), Arrays.toString(got), REREAD);
            }
        }
    }

    @Test
    @Points(1)
    void differentEpochsDifferAndOneBatchIsThePermutation() {
        Random rng = new Random(3);
        int[][] first = Minibatches.epoch(50, 50, rng), second = Minibatches.epoch(50, 50, rng);
        that(first.length == 1 && second.length == 1, "number of batches", "n = m = 50", "expected 1", REREAD);
        that(!Arrays.equals(first[0], second[0]), "two consecutive epochs from one Random", "n = m = 50",
                "they came out identical; each epoch must draw a fresh permutation", REREAD);
    }
}
