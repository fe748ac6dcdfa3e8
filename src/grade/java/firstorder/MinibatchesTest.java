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
        int[][] b = Minibatches.epoch(23, 5, 1L);
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
        int[][] b = Minibatches.epoch(30, 8, 42L);
        int[] got = Arrays.stream(b).flatMapToInt(Arrays::stream).toArray();
        if (!Arrays.equals(expected, got)) {
            fail("concatenated batches", "n = 30, m = 8, seed 42 (new Random(42))", Arrays.toString(expected), Arrays.toString(got), REREAD);
        }
    }

    /**
     * The permutation for several seeds and a size that does not divide n, against the JDK's Fisher–Yates shuffle with
     * the same seed: any extra or missing draw of the loop (it draws exactly n − 1 numbers, i = n − 1 down to 1) or
     * a draw of the wrong range gives another permutation.
     */
    @Test
    @Points(1)
    void matchesTheJdkShuffleForSeveralSeeds() {
        for (long seed = 7; seed <= 9; seed++) {
            List<Integer> ref = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ref.add(i);
            }
            Collections.shuffle(ref, new Random(seed));
            int[] expected = ref.stream().mapToInt(Integer::intValue).toArray();
            int[] got = Arrays.stream(Minibatches.epoch(12, 5, seed)).flatMapToInt(Arrays::stream).toArray();
            if (!Arrays.equals(expected, got)) {
                fail("concatenated batches", "n = 12, m = 5, seed " + seed + " (the shuffle draws rng.nextInt(i + 1) "
                        + "for i = n − 1 down to 1 from new Random(seed), nothing more)",
                        Arrays.toString(expected), Arrays.toString(got), REREAD);
            }
        }
    }

    @Test
    @Points(1)
    void differentEpochsDifferAndOneBatchIsThePermutation() {
        int[][] first = Minibatches.epoch(50, 50, 3L), second = Minibatches.epoch(50, 50, 4L);
        that(first.length == 1 && second.length == 1, "number of batches", "n = m = 50", "expected 1", REREAD);
        that(!Arrays.equals(first[0], second[0]), "epochs with seeds 3 and 4", "n = m = 50",
                "they came out identical; each seed must give a fresh permutation, drawn from new Random(seed)", REREAD);
    }
}
