/**
 * Exercises of notebook 06 (score matching), each a spec interface and its JUnit 5 checks.
 *
 * <ul>
 *   <li>06.1 {@link org.ebmjava.exercises.ex06.DenoisingLoss}: the denoising score-matching loss of a batch.</li>
 *   <li>06.2 {@link org.ebmjava.exercises.ex06.MixtureScore}: the score of a Gaussian mixture, by log-sum-exp.</li>
 * </ul>
 * Conventions: a score is s(x) = &nabla;<sub>x</sub> log p(x) = -&nabla;<sub>x</sub>E(x); points are rows of doubles.
 */
package org.ebmjava.exercises.ex06;
