/**
 * Statistics for judging generative models and for measuring trends: closed-form Gaussian quantities,
 * distances between sample sets, a kernel-density baseline and power-law fits (notebooks 06, 08 and 10).
 *
 * <p>Conventions: a point set is an n x d {@code double[][]} (row i = point i), as produced by
 * {@link org.ebmjava.data.Toy2D}; logarithms are natural (nats) unless a method says bits; randomness, where
 * any, comes from a {@link java.util.random.RandomGenerator} passed in.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.stats.GaussianOps}: log density, entropy and KL of one-dimensional Gaussians;
 *       nats to bits.</li>
 *   <li>{@link org.ebmjava.stats.SampleDistances}: energy distance and Chamfer distance between point
 *       sets.</li>
 *   <li>{@link org.ebmjava.stats.GaussianKde}: a Gaussian kernel density estimate (Scott, Silverman or
 *       validation-chosen bandwidth) and its held-out log-likelihood.</li>
 *   <li>{@link org.ebmjava.stats.PowerLawFit}: L(N) = a N<sup>-b</sup> (+ c) with standard errors and a
 *       seeded residual bootstrap, for scaling curves.</li>
 * </ul>
 */
package org.ebmjava.stats;
