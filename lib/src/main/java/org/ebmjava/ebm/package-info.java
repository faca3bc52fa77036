/**
 * Maximum-likelihood training of energy-based models with Langevin samples (notebooks 07 to 09).
 *
 * <p>The gradient of the negative log-likelihood of p<sub>&theta;</sub> = exp(-E<sub>&theta;</sub>)/Z is
 * E<sub>data</sub>[&nabla;<sub>&theta;</sub>E] - E<sub>model</sub>[&nabla;<sub>&theta;</sub>E]: the second term
 * needs samples from the model, the "negatives", drawn by Langevin dynamics ({@code org.ebmjava.sampling}). Short-run
 * chains start every batch from noise ({@link org.ebmjava.sampling.ShortRunLangevin}); persistent chains keep their
 * last states in a replay buffer.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.ebm.ReplayBuffer}: a fixed-capacity ring of past samples; a batch mixes a fraction f
 *       of fresh noise (5 % by default, each row independently) with stored points drawn uniformly with
 *       replacement; an empty buffer gives all noise. A training iteration is
 *       {@code buffer.push(sampler.run(buffer.sample(batch, rng), steps, rng))}.</li>
 *   <li>{@link org.ebmjava.ebm.MaximumLikelihoodTrainer}: the training loop. Each iteration draws a data batch,
 *       runs K Langevin steps from a {@link org.ebmjava.ebm.NegativeSource} (short-run from noise, or a replay
 *       buffer), and takes one Adam step (&beta;<sub>1</sub> = 0 by default) on mean E(data) - mean E(samples) +
 *       &alpha; [mean E(data)<sup>2</sup> + mean E(samples)<sup>2</sup>], with a divergence guard
 *       ({@link org.ebmjava.rbm.TrainingDivergedException}). It returns a {@link org.ebmjava.ebm.TrainingHistory}
 *       of {@link org.ebmjava.ebm.IterationStats}.</li>
 *   <li>{@link org.ebmjava.ebm.EnergyModel}: what the trainer needs from a model (a live energy view, flat
 *       parameters and gradients, the parameter gradient of a weighted sum of energies); {@code EnergyModel.of(mlp)}
 *       adapts a scalar-head {@code org.ebmjava.neural.Mlp}.</li>
 * </ul>
 *
 * <pre>
 * Reference: Y. Du and I. Mordatch, "Implicit Generation and Modeling with Energy-Based Models", NeurIPS 2019.
 * </pre>
 */
package org.ebmjava.ebm;
