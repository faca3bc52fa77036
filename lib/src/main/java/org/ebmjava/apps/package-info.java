/**
 * Applications of energy-based models (notebooks 08 and 09): out-of-distribution detection, calibration,
 * adversarial attacks, conditional sampling for denoising and inpainting, and compositional generation.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.apps.RocCurve}: ROC points, AUROC (the Mann-Whitney statistic, ties counted half) and
 *       FPR at a given TPR of a detector score (higher = more in-distribution).</li>
 *   <li>{@link org.ebmjava.apps.LogitScores}: softmax, log-sum-exp, the free energy -T logsumexp(f/T) and the
 *       maximum softmax probability from logits, numerically stable.</li>
 *   <li>{@link org.ebmjava.apps.ReliabilityDiagram}: equal-width confidence bins and the expected calibration
 *       error.</li>
 *   <li>{@link org.ebmjava.apps.DifferentiableClassifier}, {@link org.ebmjava.apps.MlpClassifier}: a classifier
 *       with per-sample loss and input gradient; the neural engine's MLP with softmax cross-entropy.</li>
 *   <li>{@link org.ebmjava.apps.ClassifierEnergy}: a classifier's logits as JEM's energy -logsumexp f(x) (and the
 *       class-conditional -f(x)<sub>y</sub>), usable by the Langevin samplers and, as an
 *       {@link org.ebmjava.ebm.EnergyModel}, by the maximum-likelihood trainer.</li>
 *   <li>{@link org.ebmjava.apps.PgdAttack}: L<sub>&infin;</sub> PGD and FGSM with projection onto the
 *       &epsilon;-ball and the pixel box.</li>
 *   <li>{@link org.ebmjava.apps.ComposedEnergy}: product, mixture and difference of energies, with
 *       gradients.</li>
 *   <li>{@link org.ebmjava.apps.ConditionalLangevin}: Langevin dynamics with clamped (observed) coordinates;
 *       {@link org.ebmjava.apps.ImageMasks} builds the masks, {@link org.ebmjava.apps.Psnr} scores the
 *       restoration; {@link org.ebmjava.apps.ClampedGibbs} does the same for the Bernoulli RBM of notebook 04.</li>
 *   <li>{@link org.ebmjava.apps.GaussianObservation}: the data term &lambda;|x - y|<sup>2</sup>/(2&sigma;<sup>2</sup>)
 *       of a noisy observation, added to a prior energy with {@link org.ebmjava.apps.ComposedEnergy#product} to
 *       give the posterior energy that denoising samples.</li>
 *   <li>{@link org.ebmjava.apps.ImageShifts}: Gaussian noise, flips, shrinking and pure-noise images, as
 *       corruptions and distribution shifts.</li>
 * </ul>
 *
 * <p>Hand-written: these are small loops over float arrays that the lessons teach; the heavy work (the network's
 * forward and backward passes) is the neural engine's.
 */
package org.ebmjava.apps;
