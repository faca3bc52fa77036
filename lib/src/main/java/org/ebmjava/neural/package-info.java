/**
 * The neural engine of lessons 06-10: MLP energies, score and noise-prediction networks with first- and
 * second-order derivatives, optimisers, a divergence guard and checkpoints, written by hand on float buffers and
 * BLAS.
 *
 * <h2>What is here</h2>
 * <ul>
 *   <li>{@link org.ebmjava.neural.Mlp}: affine layers ({@link org.ebmjava.neural.Linear}) with
 *       {@link org.ebmjava.neural.Activation}s (swish/SiLU, softplus, tanh, ReLU, LeakyReLU, sigmoid), an optional
 *       {@link org.ebmjava.neural.SinusoidalEmbedding} of a noise level or time step, a scalar head (an energy, seen
 *       by the samplers as a {@code sampling.BatchEnergy}) or a vector head (a score or noise prediction, a
 *       {@code sampling.BatchScore}); output, parameter gradients, input gradients, Jacobian-vector products;</li>
 *   <li>second order for score matching: {@link org.ebmjava.neural.Mlp#hessianVectorProduct},
 *       {@link org.ebmjava.neural.Mlp#hessianTrace} and {@link org.ebmjava.neural.SecondOrderLoss} (exact and
 *       sliced score matching with their exact parameter gradients);</li>
 *   <li>{@link org.ebmjava.neural.Adam} (beta1 may be 0), {@link org.ebmjava.neural.Sgd} with momentum,
 *       {@link org.ebmjava.neural.GradientClipping}, {@link org.ebmjava.neural.LearningRateSchedule};</li>
 *   <li>{@link org.ebmjava.neural.DivergenceGuard} (throws the RBM trainer's
 *       {@link org.ebmjava.rbm.TrainingDivergedException}), {@link org.ebmjava.neural.MlpIo} checkpoints with
 *       {@link org.ebmjava.neural.Provenance}.</li>
 * </ul>
 *
 * <h2>The math</h2>
 * Rows are samples: a<sub>0</sub> = [x, emb(level)], z<sub>k</sub> = a<sub>k-1</sub> W<sub>k</sub> + b<sub>k</sub>,
 * a<sub>k</sub> = &phi;<sub>k</sub>(z<sub>k</sub>), f = z<sub>L</sub>, so every layer of a batch is one matrix
 * product. Reverse mode gives parameter and input gradients ({@link org.ebmjava.neural.Mlp}). Second order is
 * forward mode along a direction u (tangents z&#775;, a&#775; and second-order tangents z&#776;, a&#776; pushed
 * through the layers with &phi;' and &phi;''), whose outputs are u&middot;&nabla;f and u<sup>T</sup>H u, and
 * reverse mode over that forward computation (with &phi;''' appearing), whose input adjoint is H u and whose
 * parameter adjoints are the gradients of the score-matching losses; the recurrences are written out in
 * {@code MlpEngine.tangent} and {@link org.ebmjava.neural.SecondOrderLoss}. Every pass is tested against central
 * differences of a double-precision reference, and first-order gradients also against SameDiff.
 *
 * <h2>Why hand-written (measured on the course's 2-core machines)</h2>
 * SameDiff 1.0.0-M2.1 cannot differentiate a gradient (deeplearning4j issue #9710), so exact and sliced score
 * matching are out of its reach; and for the small networks of these lessons ND4J's per-op dispatch dominates: a
 * 2-128-128-1 MLP's forward pass plus input gradient at batch 256 took 18 ms in SameDiff and 13 ms in
 * hand-written ND4J ops, against 4.6 ms for a whole PyTorch training step and about 0.3 ms of arithmetic. This
 * engine follows the RBM engine's route instead: preallocated native float32 buffers per chunk of rows (default
 * {@value org.ebmjava.neural.Mlp#DEFAULT_MAX_BATCH}; larger batches run in chunks), every matrix product one
 * direct {@code cblas_sgemm} ({@code rbm.BlasOps}), the element-wise work in fused Java loops over arrays that the
 * JIT vectorises (activations use a rational tanh rather than {@code Math.exp}: swish over 256 &times; 128 values
 * went from 0.32 ms to 0.05 ms of CPU), and a whole training step of that MLP (forward, backward, Adam) costs about
 * 0.5 ms of thread CPU on one core. {@code ./course bench neural} measures it against PyTorch and SameDiff on the
 * same shapes and prints GFLOP/s and the fraction of the fp32 peak. Its first runs were made on a machine loaded to
 * 16-19 runnable processes on 2 cores, where wall-clock times are meaningless (every row 5-20x slower than on an
 * idle machine); by process CPU time per call with 1 thread, the library took 0.64x PyTorch's time for the
 * 2-128-128-1 training step, 0.56x for its input gradient and 0.59x for the 784-512-512-1 EBM iteration (60
 * Langevin steps + update; about 25 % of one core's fp32 peak, where OpenBLAS 0.3.19's single-threaded sgemm tops
 * out around 36-43 %). The targets of issue 8 (wall-clock against the faster PyTorch) need a run on an idle machine.
 *
 * <h2>Threads</h2>
 * Each network uses {@link org.ebmjava.neural.Mlp#threads()} workers (default: the available processors), a team
 * shared by all networks with that count: each worker runs the forward and backward passes of its own block of rows
 * with single-threaded BLAS, then (after a barrier) its block of the rows of every weight gradient over the whole
 * chunk, so every sum is formed by one worker in a fixed order and results are bit-identical for the same inputs,
 * parameters and thread count. OpenBLAS is switched to one thread only for the duration of each call and restored
 * afterwards, so ND4J code elsewhere (the RBM notebooks) keeps its own BLAS threading. Workers wait by spinning
 * briefly, then yielding, then parking; on a machine crowded by other processes a small network can be faster with
 * {@code threads(1)} (the benchmark prints both).
 */
package org.ebmjava.neural;
