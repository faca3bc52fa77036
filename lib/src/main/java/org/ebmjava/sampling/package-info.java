/**
 * Markov chain Monte Carlo samplers and their diagnostics (notebooks 03 and later): Gibbs and Metropolis for
 * discrete models, Langevin dynamics for continuous energies and scores, and closed-form targets to check them on.
 *
 * <p>Conventions: k<sub>B</sub> = 1; targets are p &prop; exp(-E/T) with energies E (not -E), lower
 * energy more probable; a score is s = &nabla;<sub>x</sub> log p = -&nabla;<sub>x</sub>E. Samplers take their
 * randomness as a {@link java.util.random.RandomGenerator} argument (the same seed gives the same chains);
 * methods that modify a state passed in say so. Continuous samplers move a batch of n chains in
 * R<sup>d</sup> stored as one row-major float array of n&middot;d values; bad input (a step or &sigma; &le; 0, an
 * empty or ragged batch, NaN) is an {@link java.lang.IllegalArgumentException} naming the argument and the value.
 *
 * <p>Step-size conventions of the Langevin samplers, xi ~ N(0, I) fresh at every step:
 * <pre>
 *   ULA, MALA proposal    x &larr; x - (&epsilon;/2) &nabla;E(x) + sqrt(&epsilon;) xi                (targets exp(-E))
 *   SGLD-style            x &larr; clamp(x - a clip(&nabla;E(x)) + s xi)     (targets exp(-E/T), T = s^2/(2a))
 *   annealed, level i     x &larr; x + (&alpha;_i/2) s(x, &sigma;_i) + sqrt(&alpha;_i) xi,  &alpha;_i = &epsilon; &sigma;_i^2 / &sigma;_L^2
 * </pre>
 * ULA is biased for &epsilon; &gt; 0 (on a Gaussian of variance v it samples variance v/(1 - &epsilon;/(4v)));
 * MALA's accept/reject step removes the bias.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.sampling.GibbsSampler}: systematic and random-scan Gibbs sampling of a
 *       {@link org.ebmjava.boltzmann.BoltzmannMachine}, chain runs, visit frequencies and the KL
 *       divergence of the visit frequencies from the exact distribution.</li>
 *   <li>{@link org.ebmjava.sampling.Metropolis}: the acceptance rule min(1, exp(-&Delta;E/T)).</li>
 *   <li>{@link org.ebmjava.sampling.ChainDiagnostics}: autocorrelation, integrated
 *       autocorrelation time (Sokal's window), effective sample size, running mean, Gelman-Rubin
 *       R-hat, and a one-chain summary.</li>
 *   <li>{@link org.ebmjava.sampling.BatchEnergy} and {@link org.ebmjava.sampling.BatchScore}: the two interfaces
 *       gradient-based samplers take (an energy with its input gradient; a possibly noise-conditional score), so
 *       closed-form 2D energies and the neural engine's networks share one sampler;
 *       {@code BatchEnergy.of(Energy2D)} adapts the landscapes of notebook 01.</li>
 *   <li>{@link org.ebmjava.sampling.BatchSampler}: the frame of the Langevin samplers: run n chains in place for
 *       K steps, with an optional per-step callback or snapshots at chosen steps; stops with a named error when a
 *       step produces NaN or infinity.</li>
 *   <li>{@link org.ebmjava.sampling.LangevinSampler}: ULA ({@code ula(energy, epsilon)}, or with a score at a
 *       fixed &sigma;) and SGLD-style dynamics ({@code sgld(energy, a, s)}) with optional per-element gradient
 *       clipping and clamping to a box.</li>
 *   <li>{@link org.ebmjava.sampling.MalaSampler}: the Metropolis-adjusted Langevin algorithm, with its acceptance
 *       rate overall and per chain.</li>
 *   <li>{@link org.ebmjava.sampling.AnnealedLangevin} and {@link org.ebmjava.sampling.NoiseSchedule}: Song and
 *       Ermon's annealed Langevin dynamics over a geometric (or linear, or explicit) schedule of noise levels,
 *       with the optional final denoising step.</li>
 *   <li>{@link org.ebmjava.sampling.ShortRunLangevin} and {@link org.ebmjava.sampling.InitialNoise}: K Langevin
 *       steps from fresh uniform or Gaussian noise, no persistence (Nijkamp et al.); the persistent alternative is
 *       {@code org.ebmjava.ebm.ReplayBuffer}.</li>
 *   <li>{@link org.ebmjava.sampling.GaussianEnergy} and {@link org.ebmjava.sampling.GaussianMixture}: closed-form
 *       targets in d dimensions (full-covariance Gaussian; isotropic mixture with the exact score of the mixture
 *       convolved with N(0, &sigma;<sup>2</sup> I)), exact samples, log-densities, mode fractions; the 0.8/0.2
 *       mixture of Song and Ermon's Figure 3.</li>
 *   <li>{@link org.ebmjava.sampling.GridDensity}: exp(-E)/Z of a 2D energy normalised by quadrature on a grid,
 *       log Z, and the KL divergence between two gridded densities.</li>
 *   <li>{@link org.ebmjava.sampling.BatchOps}: argument checks and per-coordinate moments of a batch.</li>
 * </ul>
 *
 * <p>Speed: the samplers' own work per step is one pass over the n&middot;d values (one Gaussian draw each); the
 * energy or score evaluation is the caller's (for networks, the neural engine's). Everything runs on the calling
 * thread.
 */
package org.ebmjava.sampling;
