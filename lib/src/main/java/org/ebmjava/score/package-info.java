/**
 * Score matching (notebook 06, used again in 10): fitting the score s(x) = &nabla;<sub>x</sub> log p(x) of data
 * without the normalising constant, in closed form and with the neural engine.
 *
 * <p>Conventions as in {@link org.ebmjava.sampling}: p &prop; exp(-E), score s = -&nabla;<sub>x</sub>E; batches are
 * row-major float arrays of n&middot;d values; randomness comes from a seed or a
 * {@link java.util.random.RandomGenerator} passed in. The objectives, for data x ~ p and a model score
 * s<sub>&theta;</sub>:
 * <pre>
 *   Fisher divergence      (1/2) E_p |s_&theta;(x) - &nabla; log p(x)|^2
 *   Hyvarinen (exact SM)   E_p [ (1/2) |s_&theta;(x)|^2 + tr &nabla;_x s_&theta;(x) ]                (same minimiser, no p needed)
 *   sliced SM              E_p E_v [ (1/2) (v&middot;s_&theta;(x))^2 + v^T &nabla;_x s_&theta;(x) v ]
 *   denoising SM           E_p E_z (1/2) |s_&theta;(x + &sigma; z) + z/&sigma;|^2              (minimiser: the score of p * N(0, &sigma;^2 I))
 * </pre>
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.score.GaussianScoreMatching}: the Gaussian family, where score matching is solved in
 *       closed form and equals maximum likelihood.</li>
 *   <li>{@link org.ebmjava.score.PolynomialEnergy1D}: a one-dimensional exponential family with polynomial energy
 *       (e.g. a double well), score matching in closed form against maximum likelihood on a grid.</li>
 *   <li>{@link org.ebmjava.score.ScoreOps}: the denoising loss and its gradient, perturbation, Rademacher
 *       projections, Fisher divergence between score fields, mode fractions.</li>
 *   <li>Trainers, each running Adam on the neural engine's {@link org.ebmjava.neural.Mlp} in place and returning a
 *       {@link org.ebmjava.score.ScoreTrainingResult}: {@link org.ebmjava.score.ExactScoreMatchingTrainer} and
 *       {@link org.ebmjava.score.SlicedScoreMatchingTrainer} (energy networks, second order),
 *       {@link org.ebmjava.score.DenoisingScoreMatchingTrainer} and
 *       {@link org.ebmjava.score.NoiseConditionalTrainer} (score networks, first order), sharing the loop of
 *       {@link org.ebmjava.score.ScoreMatchingTrainer}.</li>
 * </ul>
 *
 * <pre>
 * References: A. Hyv&auml;rinen, "Estimation of Non-Normalized Statistical Models by Score Matching", JMLR 6, 2005.
 * P. Vincent, "A Connection Between Score Matching and Denoising Autoencoders", Neural Computation 23(7), 2011.
 * Y. Song, S. Garg, J. Shi and S. Ermon, "Sliced Score Matching: A Scalable Approach to Density and Score
 * Estimation", UAI 2019.
 * Y. Song and S. Ermon, "Generative Modeling by Estimating Gradients of the Data Distribution", NeurIPS 2019.
 * </pre>
 */
package org.ebmjava.score;
