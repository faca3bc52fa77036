/**
 * Normalising flows (notebook 10): densities with an exact log-likelihood through the change of variables,
 * log p(x) = log p<sub>0</sub>(f(x)) + log |det df/dx|, built on the course's neural engine.
 *
 * <p>Conventions: points are row-major float arrays of n&middot;d values; log densities in nats; the flow maps
 * data to latent (the "normalising" direction); seeds are explicit.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.flow.AffineCoupling}: RealNVP's affine coupling layer with its log-determinant and
 *       reverse mode.</li>
 *   <li>{@link org.ebmjava.flow.RealNvp}: a stack of couplings with a standard normal base: log density, exact NLL
 *       gradient, sampling.</li>
 *   <li>{@link org.ebmjava.flow.RealNvpTrainer}: maximum likelihood with Adam.</li>
 *   <li>{@link org.ebmjava.flow.GaussianDensity}: the full-covariance Gaussian baseline.</li>
 * </ul>
 */
package org.ebmjava.flow;
