/**
 * Diffusion models as non-equilibrium thermodynamics: the closed-form parts of DDPM (notebook 10).
 *
 * <p>A forward Markov chain adds Gaussian noise until the data reach the equilibrium N(0, I); a learned
 * reverse chain, driven by a noise predictor &epsilon;<sub>&theta;</sub>(x<sub>t</sub>, t), walks back. This package
 * holds the closed-form parts, which need no network: the variance schedules, the forward marginals and posteriors, the
 * conversions from a noise prediction to the denoised point, the reverse mean and the score (the link to
 * denoising score matching), ancestral sampling, and the variational bound term by term; plus an exact
 * noise predictor for Gaussian-mixture data that serves as the oracle in tests and as the target for a
 * trained network. The network itself comes from the neural engine through {@link
 * org.ebmjava.diffusion.NoisePredictor}. Conventions: steps are 1-based (t = 1 least noisy, t = T pure
 * noise) as in Ho et al.; batches are row-major float arrays of n&middot;d values; bounds are in nats per
 * point unless a method says bits; randomness comes from a {@link java.util.random.RandomGenerator} passed in.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.diffusion.VarianceSchedule}: linear (DDPM) and cosine (Nichol and Dhariwal)
 *       schedules, &alpha;&#772;<sub>t</sub>, posterior variances.</li>
 *   <li>{@link org.ebmjava.diffusion.GaussianDiffusion}: q(x<sub>t</sub> | x<sub>0</sub>), q(x<sub>t</sub> |
 *       x<sub>t-1</sub>), q(x<sub>t-1</sub> | x<sub>t</sub>, x<sub>0</sub>), noise &rarr; x&#770;<sub>0</sub> / reverse mean /
 *       score, entropies and relative entropy to equilibrium for Gaussian data.</li>
 *   <li>{@link org.ebmjava.diffusion.NoisePredictor}: the interface a network implements.</li>
 *   <li>{@link org.ebmjava.diffusion.ExactNoisePredictor}: E[&epsilon; | x<sub>t</sub>] for Gaussian-mixture data,
 *       with the marginal density and score.</li>
 *   <li>{@link org.ebmjava.diffusion.DdpmSampler}: ancestral sampling with snapshots.</li>
 *   <li>{@link org.ebmjava.diffusion.DiffusionBound}: L = L<sub>T</sub> + &sum; L<sub>t-1</sub> + L<sub>0</sub> in nats
 *       and bits.</li>
 *   <li>{@link org.ebmjava.diffusion.MlpNoisePredictor}: the neural engine's MLP with a time embedding as a
 *       noise predictor.</li>
 *   <li>{@link org.ebmjava.diffusion.DdpmTrainer}: DDPM's simplified loss (= denoising score matching at every
 *       step) with Adam, and held-out noise losses with fixed draws.</li>
 *   <li>{@link org.ebmjava.diffusion.ReverseVariance}: &sigma;<sub>t</sub><sup>2</sup> = &beta;<sub>t</sub> or
 *       &beta;&#771;<sub>t</sub>.</li>
 * </ul>
 */
package org.ebmjava.diffusion;
