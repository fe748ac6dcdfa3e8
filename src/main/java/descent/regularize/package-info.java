/**
 * Regularization by parameter norm penalties, priors and constraints (chapter 05: Goodfellow et al. §7.1–7.3; the
 * draft chapter 7, §7.1–7.4). The API is small:
 *
 * <h2>Which parameters</h2>
 * Every {@link descent.nn.Param} has a {@link descent.nn.Param.Role}. Penalties and constraints built from a list of
 * parameters (usually {@code net.params()}) act on the {@code WEIGHT} tensors only: biases are excluded by default
 * (Goodfellow et al. §7.1). {@link descent.regularize.Penalty#weights} gives that selection;
 * {@link descent.regularize.ParamPenalty#include} adds a bias on purpose.
 *
 * <h2>Penalties: J̃ = J + αΩ (eq. 7.1)</h2>
 * A {@link descent.regularize.Penalty} is bound to its tensors; {@code addGradient()} adds ∇αΩ to their gradients
 * without allocating and returns αΩ. Use it with any optimizer through the oracle, or with the trainer:
 * <pre>{@code
 * L2Penalty decay = new L2Penalty(net.params(), 1e-3).coefficient(fc2, 1e-2);   // per-layer α
 * optimizer.step(decay.addTo(net.oracle(x, y)));                               // any Optimizer
 * new Trainer(net, optimizer, rng).penalty(decay).fit(train, test);           // or the trainer
 * }</pre>
 * <ul>
 *   <li>{@link descent.regularize.L2Penalty} (α/2)‖w − w⁽ᵒ⁾‖², {@link descent.regularize.L1Penalty} α‖w − w⁽ᵒ⁾‖₁
 *   (subgradient, or the proximal soft-threshold step) — both {@link descent.regularize.ParamPenalty}s with per-tensor
 *   coefficients and reference points;</li>
 *   <li>{@link descent.regularize.PriorPenalty}: −log p(w) for any {@link descent.regularize.LogPrior}, e.g.
 *   {@link descent.regularize.GaussianPrior} (generalized Tikhonov) and {@link descent.regularize.LaplacePrior}
 *   (weighted L¹);</li>
 *   <li>{@link descent.regularize.TyingPenalty} α‖w⁽ᴬ⁾ − w⁽ᴮ⁾‖²;</li>
 *   <li>{@link descent.regularize.Penalty#sum} of several.</li>
 * </ul>
 *
 * <h2>After the step: constraints, proximal steps, decoupled decay</h2>
 * {@link descent.regularize.ProjectedOptimizer} wraps any optimizer and runs {@link descent.regularize.AfterStep}
 * hooks after each step: the projections of {@link descent.regularize.Constraint}s
 * ({@link descent.regularize.L2Ball}, {@link descent.regularize.FrobeniusBall}, {@link descent.regularize.MaxNorm},
 * {@link descent.regularize.L1Ball}, {@link descent.regularize.Tie}), the L¹ proximal step, and the KKT multiplier
 * update of {@link descent.regularize.DualAscent}, and {@link descent.regularize.DecoupledWeightDecay}, which applies weight decay
 * outside the optimizer (equal to the L² gradient for SGD, AdamW's rule for Adam).
 *
 * <h2>Closed forms</h2>
 * {@link descent.regularize.linear} holds the analyses for linear models: ridge with an explicit ½ convention, the
 * early-stopping equivalent of L² ({@link descent.regularize.linear.EarlyStoppingShrinkage}, chapter 06), the
 * eigen-analysis and γ(α), the soft threshold, LASSO, the pseudo-inverse and Bayesian linear regression.
 *
 * <h2>Noise (chapter 06)</h2>
 * {@link descent.regularize.noise} injects noise into the inputs or hidden units, the weights and the targets (label
 * smoothing); its selection of weights is {@link descent.regularize.Penalty#weights}, like every penalty's.
 */
package descent.regularize;
