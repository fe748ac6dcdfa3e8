/**
 * Closed forms behind chapter 05's analyses of linear models (Goodfellow et al. §7.1–7.3; the draft chapter 7,
 * §7.1–7.4): {@link descent.regularize.linear.Ridge} (with the ½ convention named, and the eq. 7.17 erratum),
 * {@link descent.regularize.linear.L2Shrinkage} (eqs. 7.10–7.13 and the effective number of parameters γ(α)),
 * {@link descent.regularize.linear.SoftThreshold} (eq. 7.23), {@link descent.regularize.linear.Lasso} (coordinate
 * descent and ISTA), {@link descent.regularize.linear.PseudoInverse} (eq. 7.29, via EJML's SVD) and
 * {@link descent.regularize.linear.BayesianLinearRegression} (posterior, predictive, MAP = ridge). Decompositions are
 * EJML's; products go through {@code descent.linalg.Blas}.
 */
package descent.regularize.linear;
