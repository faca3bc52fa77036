/**
 * Exercises of notebook 07 (neural EBMs trained with Langevin dynamics), each a spec interface and its JUnit 5
 * checks.
 *
 * <ul>
 *   <li>07.1 {@link org.ebmjava.exercises.ex07.ImageLangevinStep}: one Langevin step as used to train neural EBMs,
 *       with per-element gradient clipping and clamping to the image box.</li>
 *   <li>07.2 {@link org.ebmjava.exercises.ex07.ReplayDraw}: a batch of chain starts from a replay buffer with a
 *       fraction of fresh noise.</li>
 *   <li>07.3 {@link org.ebmjava.exercises.ex07.ContrastiveLossGradient}: the derivative of the regularised
 *       contrastive loss with respect to each energy.</li>
 * </ul>
 * Conventions: p(x) &prop; exp(-E(x)), lower energy more probable; a batch is a double[n][d] array, row i a point.
 * Spec methods take and return only primitives and arrays.
 */
package org.ebmjava.exercises.ex07;
