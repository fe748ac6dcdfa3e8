/**
 * Sparse representations (Goodfellow et al. §7.10): penalties on a layer's activations rather than on its weights
 * ({@link descent.regularize.sparse.ActivationL1}, {@link descent.regularize.sparse.StudentTPenalty},
 * {@link descent.regularize.sparse.KlSparsity}, {@link descent.regularize.sparse.MeanActivationTarget}), placed in a
 * network as identity layers that add their gradient on the way back, and the hard constraint ‖h‖₀ ≤ k solved by
 * orthogonal matching pursuit ({@link descent.regularize.sparse.OrthogonalMatchingPursuit}).
 */
package descent.regularize.sparse;
