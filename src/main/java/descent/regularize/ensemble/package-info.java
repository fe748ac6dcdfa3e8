/**
 * Ensembles (chapter 07: the draft of Goodfellow et al. ch. 7, §7.10; COMP541 lecture 4, slides 48–50):
 * {@link descent.regularize.ensemble.Bootstrap} replicates for bagging, and
 * {@link descent.regularize.ensemble.ModelAverage} to combine members by the arithmetic mean, the renormalized
 * geometric mean or a majority vote. Seed ensembles are members trained on the same data from different seeds;
 * checkpoint averaging is {@link descent.optim.Averaging} (running mean or the EMA of slide 50) passed to the trainer.
 */
package descent.regularize.ensemble;
