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
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 07.3 (majority vote) is not implemented yet");
    }
}
