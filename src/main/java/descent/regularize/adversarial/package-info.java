/**
 * Adversarial examples and adversarial training (chapter 07: the draft of Goodfellow et al. ch. 7, §7.13):
 * {@link descent.regularize.adversarial.FastGradientSign} perturbs inputs by ε·sign(∇ₓJ), and
 * {@link descent.regularize.adversarial.AdversarialTraining} mixes clean and perturbed minibatches in the trainer.
 */
package descent.regularize.adversarial;
