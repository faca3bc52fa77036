/**
 * Bayesian inference as statistical mechanics, and variational inference as free-energy minimisation
 * (notebook 10, tying back to notebook 01).
 *
 * <p>A posterior is the Boltzmann distribution of the energy E(&theta;) = -log p(D|&theta;) - log p(&theta;)
 * at temperature T = 1: its partition function is the evidence, Z = p(D), and its free energy is F = -log
 * p(D) = U - TS. Tempering, p<sub>T</sub> &prop; exp(-E/T), moves between the MAP estimate (T &rarr; 0) and
 * flatter posteriors (T &gt; 1). Variational inference minimises F[q] = E<sub>q</sub>[E] - T h[q] = F + T
 * KL(q||p<sub>T</sub>) over a family q, i.e. the reverse (mode-seeking) KL of notebook 01; -F[q] at T = 1 is
 * the ELBO. Conventions: natural logarithms (nats), energies returned as E (never -E), randomness from
 * explicit seeds.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.inference.ConjugateModel}: closed-form tempered posterior, log Z<sub>T</sub>,
 *       U<sub>T</sub>, S<sub>T</sub>, F<sub>T</sub>, evidence and MAP of a one-parameter conjugate model;
 *       implemented by {@link org.ebmjava.inference.BetaBernoulli} (a coin) and
 *       {@link org.ebmjava.inference.NormalNormal} (a Gaussian mean).</li>
 *   <li>{@link org.ebmjava.inference.GridPosterior}: the same quantities by brute force, through
 *       {@link org.ebmjava.thermo.BoltzmannDistribution} on a grid, with forward and reverse KL and the
 *       variational free energy of any density.</li>
 *   <li>{@link org.ebmjava.inference.LogisticRegressionPosterior}: a non-conjugate, skewed posterior
 *       (one-feature Bayesian logistic regression) with MAP and Laplace approximation.</li>
 *   <li>{@link org.ebmjava.inference.VariationalGaussianTrainer} and
 *       {@link org.ebmjava.inference.VariationalGaussian}: Gaussian variational inference by natural-gradient
 *       descent on F[q], with expectations from a fixed {@link org.ebmjava.inference.GaussianExpectation}
 *       rule (Gauss-Hermite or seeded reparameterisation draws).</li>
 *   <li>{@link org.ebmjava.inference.Density1D}, {@link org.ebmjava.inference.BetaDensity},
 *       {@link org.ebmjava.inference.NormalDensity}: the densities posteriors are reported as.</li>
 * </ul>
 */
package org.ebmjava.inference;
