package ensembles;

import static descent.grade.GradedAssert.fail;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** The most frequent class per example; ties to the smallest class. */
@Exercise(id = "07.3", title = "majority vote")
class MajorityVoteTest {

    private static final String REREAD = "the draft of Goodfellow et al. ch. 7, §7.10 (the models vote on the output) and "
            + "the javadoc: count the votes per class for each example, the largest count wins, a tie goes to the smallest "
            + "class index; notebook 30";

    private static void expect(int[] expected, int[][] votes, int classes, String input) {
        int[] got = MajorityVote.vote(votes, classes);
        if (!Arrays.equals(expected, got)) {
            fail("the winning classes", input, Arrays.toString(expected), Arrays.toString(got), REREAD);
        }
    }

    @Test
    @Points(3)
    void threeMembersFourExamples() {
        // example 0: 2,2,1 → 2; example 1: 0,1,1 → 1; example 2: 3,3,3 → 3; example 3: 0,2,0 → 0
        expect(new int[]{2, 1, 3, 0}, new int[][]{{2, 0, 3, 0}, {2, 1, 3, 2}, {1, 1, 3, 0}}, 4,
                "votes (members × examples) [[2, 0, 3, 0], [2, 1, 3, 2], [1, 1, 3, 0]], 4 classes");
    }

    @Test
    @Points(2)
    void tiesGoToTheSmallestClass() {
        // four members: example 0 has 3,1,3,1 (tie 1 vs 3 → 1); example 1 has 2,0,0,2 (tie → 0); example 2 has 4,4,2,3 → 4
        expect(new int[]{1, 0, 4}, new int[][]{{3, 2, 4}, {1, 0, 4}, {3, 0, 2}, {1, 2, 3}}, 5,
                "votes [[3, 2, 4], [1, 0, 4], [3, 0, 2], [1, 2, 3]], 5 classes (ties)");
        expect(new int[]{0, 0}, new int[][]{{0, 0}}, 1, "one member, one class");
    }

    @Test
    @Points(1)
    void refusesBadVotes() {
        int[][][] bad = {{}, {{0, 3}}, {{0, -1}}, {{0, 1}, {1}}};
        int[] classes = {2, 3, 3, 2};
        String[] what = {"no members", "a vote 3 with 3 classes", "a vote −1", "members with 2 and 1 examples"};
        for (int t = 0; t < bad.length; t++) {
            try {
                MajorityVote.vote(bad[t], classes[t]);
                fail(what[t], "bad votes", "IllegalArgumentException", "no exception", REREAD);
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
        try {
            MajorityVote.vote(new int[][]{{0}}, 0);
            fail("0 classes", "votes [[0]]", "IllegalArgumentException", "no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
        try {
            MajorityVote.vote(new int[][]{{}}, 0);
            fail("0 classes", "one member with no examples", "IllegalArgumentException", "no exception", REREAD);
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
