/**
 * Regularization by noise (chapter 06: Goodfellow et al. §7.4–7.5.1; the draft chapter 7, §7.6): noise on the inputs
 * or hidden units ({@link descent.regularize.noise.GaussianNoise}, a layer active in training mode only), on the
 * weights ({@link descent.regularize.noise.WeightNoise}, which wraps a gradient oracle: perturb, evaluate, restore)
 * and on the output targets ({@link descent.regularize.noise.LabelSmoothing}, soft targets for the softmax
 * cross-entropy). Each is seeded; each has a penalty it approximates, which the tests check.
 * {@link descent.regularize.noise.Sensitivity} computes the explicit penalties ν E‖∇ₓŷ‖² and η E‖∇_Wŷ‖² that input
 * and weight noise approximate (the draft chapter 7, eqs. 7.17 and 7.22).
 */
package descent.regularize.noise;
