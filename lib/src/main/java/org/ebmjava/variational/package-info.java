/**
 * Latent-variable models and the variational free energy (notebook 10): the ELBO as -F = -(U - S), its gap
 * to log p(x), importance-sampled evidence, and the same quantities read as code lengths in bits.
 *
 * <p>Conventions: natural logarithms (nats) unless a method says bits; F = U - S with the energy
 * E(x, z) = -log p(x, z) at T = 1, as in notebook 01; randomness from explicit generators.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.variational.VariationalFreeEnergy}: U, S, F, ELBO and bits of one estimate.</li>
 *   <li>{@link org.ebmjava.variational.LinearGaussianModel}: the linear-Gaussian model (probabilistic PCA)
 *       with closed-form evidence, posterior and free energy: the reference the others are tested against.</li>
 *   <li>{@link org.ebmjava.variational.Vae}: a variational autoencoder on the neural engine (Bernoulli or
 *       Gaussian decoder): free-energy terms, reparameterised gradient, importance-sampled log-likelihood.</li>
 *   <li>{@link org.ebmjava.variational.VaeTrainer}: minibatch Adam on the ELBO.</li>
 * </ul>
 */
package org.ebmjava.variational;
