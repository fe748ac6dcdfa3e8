package ensembles;

/**
 * Exercise 07.3: combining classifiers by majority vote (the draft of Goodfellow et al. ch. 7, §7.10, where separately
 * trained models vote; COMP541 lecture 4, slide 49). Each example gets the class most members predicted; a tie goes to
 * the smallest class index among the tied ones.
 */
public final class MajorityVote {

    private MajorityVote() {
    }

    /**
     * @param votes   votes[member][example], each a class in [0, classes)
     * @param classes the number of classes, ≥ 1
     * @return the winning class of each example
     * @throws IllegalArgumentException when there is no member, members disagree on the number of examples, or a vote
     *                                  lies outside [0, classes)
     */
    public static int[] vote(int[][] votes, int classes) {
        // BEGIN SOLUTION 07.3 majority vote
        if (votes.length == 0 || classes < 1) {
            throw new IllegalArgumentException("a vote needs at least one member and one class, got "
                    + votes.length + " members and " + classes + " classes");
        }
        int n = votes[0].length;
        int[] winner = new int[n];
        for (int e = 0; e < n; e++) {
            int[] count = new int[classes];
            for (int[] member : votes) {
                if (member.length != n) {
                    throw new IllegalArgumentException("members disagree: " + n + " and " + member.length + " examples");
                }
                int y = member[e];
                if (y < 0 || y >= classes) {
                    throw new IllegalArgumentException("vote " + y + " for example " + e + " is not a class in [0, " + classes + ")");
                }
                count[y]++;
            }
            int best = 0;
            for (int y = 1; y < classes; y++) {
                if (count[y] > count[best]) {
                    best = y;
                }
            }
            winner[e] = best;
        }
        return winner;
        // END SOLUTION
    }
}
