/**
 * Restricted Boltzmann machines on ND4J (float32, batched): models, contrastive-divergence training, exact and
 * AIS partition functions, deep belief networks and model files (notebooks 04 and 05).
 *
 * <p>Conventions: energies and free energies are returned as E and F (not -E), in nats; p(v) = exp(-F(v)) / Z.
 * Batches are matrices with one sample per row. Inputs are never modified; a model's parameter accessors return
 * its own arrays. Every random operation takes a seed or a caller's ND4J generator
 * ({@link org.ebmjava.rbm.RbmOps#newRandom(long)}).
 *
 * <p>Speed: training runs on preallocated buffers with direct OpenBLAS calls, one worker thread per core, each
 * taking a share of the mini-batch and then of the units (see {@code CdEngine} and
 * {@link org.ebmjava.rbm.RbmTrainer#threads(int)}); call {@link org.ebmjava.NativeConfig#apply()} before any other
 * ND4J use (the trainer and AIS call it too) and start the JVM with OMP_WAIT_POLICY=PASSIVE and
 * OPENBLAS_CORETYPE set, as the course's kernel launcher does. {@code RbmBench} (test sources) measures a CD-1
 * epoch against PyTorch.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.rbm.Rbm}: what both kinds share (parameters, provenance, the hidden conditional).</li>
 *   <li>{@link org.ebmjava.rbm.BernoulliRbm}: binary visible and hidden units; conditionals, sampling, free
 *       energy, energy, reconstruction error, Gibbs chains.</li>
 *   <li>{@link org.ebmjava.rbm.GaussianBernoulliRbm}: unit-variance Gaussian visible units.</li>
 *   <li>{@link org.ebmjava.rbm.RbmTrainer}: CD-k and PCD-k with momentum, weight decay, sparsity and
 *       learning-rate schedules; returns {@link org.ebmjava.rbm.TrainingResult} or
 *       {@link org.ebmjava.rbm.GaussianTrainingResult} (model plus a per-epoch Tablesaw history), reports to a
 *       {@link org.ebmjava.rbm.ProgressListener} with {@link org.ebmjava.rbm.TrainingStats}, and stops with a
 *       {@link org.ebmjava.rbm.TrainingDivergedException} when training blows up.</li>
 *   <li>{@link org.ebmjava.rbm.CdGradient}: the CD-k gradient estimate and the exact gradient of tiny models.</li>
 *   <li>{@link org.ebmjava.rbm.ExactPartition}: log Z by enumerating the smaller layer.</li>
 *   <li>{@link org.ebmjava.rbm.AnnealedImportanceSampling}: log Z of large models by AIS from a base-rate model,
 *       and the average log-likelihood.</li>
 *   <li>{@link org.ebmjava.rbm.DeepBeliefNetwork}: greedy layer-wise stacking, features and samples.</li>
 *   <li>{@link org.ebmjava.rbm.RbmIo}: atomic, checksummed model files with provenance
 *       ({@link org.ebmjava.rbm.RbmIo.Provenance}); {@link org.ebmjava.rbm.RbmFormatException} for bad files.</li>
 *   <li>{@link org.ebmjava.rbm.RbmOps}: stable softplus, sigmoid and log-sum-exp; seeded ND4J generators.</li>
 * </ul>
 */
package org.ebmjava.rbm;
