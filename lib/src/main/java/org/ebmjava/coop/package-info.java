/**
 * Energy-based models trained together with other networks (notebook 08): cooperative training and EBGAN.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.coop.AutoencoderEnergy}: an encoder and a decoder (two engine MLPs) whose mean squared
 *       reconstruction error D(x) is the energy, with input and parameter gradients and access to the codes.</li>
 *   <li>{@link org.ebmjava.coop.EbganLoss}: EBGAN's margin loss for the discriminator and the pull-away term on
 *       the codes of a generated batch, with gradients.</li>
 *   <li>{@link org.ebmjava.coop.EbganTrainer} with {@link org.ebmjava.coop.EbganStats}: alternating discriminator
 *       and generator steps (sigmoid generator output, optional pull-away term).</li>
 *   <li>{@link org.ebmjava.coop.GeneratorNegatives}: CoopNets as a {@link org.ebmjava.ebm.NegativeSource} for the
 *       maximum-likelihood trainer: a generator proposes the Langevin starts and regresses the revisions.</li>
 *   <li>{@link org.ebmjava.coop.JemTrainer} with {@link org.ebmjava.coop.JemStats}: JEM, cross-entropy plus the
 *       maximum-likelihood gradient of p(x) with Langevin negatives; generative weight 0 is the plain-classifier
 *       baseline.</li>
 *   <li>{@link org.ebmjava.coop.SampleQuality}: energy distance to held-out data after k Langevin steps from a
 *       source of chain starts (noise or a generator), the measure CoopNets is compared by.</li>
 *   <li>{@link org.ebmjava.coop.ModeCoverage}: modes covered by generated points on a mixture with known
 *       centres (mode collapse on 2D toys).</li>
 *   <li>{@link org.ebmjava.coop.CalibrationBootstrap}: a paired bootstrap interval for the difference in
 *       expected calibration error of two classifiers on the same test set.</li>
 * </ul>
 * JEM's energy (a classifier's -logsumexp of logits) is {@link org.ebmjava.apps.ClassifierEnergy}, shared with the
 * out-of-distribution lesson.
 */
package org.ebmjava.coop;
