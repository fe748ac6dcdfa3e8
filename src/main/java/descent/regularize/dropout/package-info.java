/**
 * The dropout family (chapter 07: the draft of Goodfellow et al. ch. 7, §7.11; COMP541 lecture 4, slides 51–59):
 * {@link descent.regularize.dropout.Dropout} (vanilla with the weight scaling rule, or inverted), the three ways to
 * predict with it ({@link descent.regularize.dropout.DropoutEnsemble}: weight scaling, Monte-Carlo, the exact
 * enumeration of all 2ⁿ sub-networks), {@link descent.regularize.dropout.DropConnect} (masks on weights),
 * {@link descent.regularize.dropout.GaussianDropout} (multiplicative Gaussian noise) and
 * {@link descent.regularize.dropout.FastDropout} (the moments that make sampling unnecessary). All are layers with
 * training and inference modes ({@code Sequential.setTraining}); every mask comes from a seeded source.
 */
package descent.regularize.dropout;
