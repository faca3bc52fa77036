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
 * 0.5 ms of thread CPU on one core.
 *
 * <h2>Speed, measured (issue 8 &sect;5; {@code ./course bench neural})</h2>
 * The machine: 2 cores of an AMD EPYC Zen 4 (cpu family 25, model 17) under KVM, shared by several sessions. Its
 * AVX-512 runs on 256-bit FMA units: a C loop of independent FMAs reached 114 GFLOP/s per core with 512-bit and with
 * 256-bit registers alike (thread CPU time, i.e. 32 flops per cycle at about 3.6 GHz of turbo), so the nominal fp32
 * peak at the 2596 MHz that /proc/cpuinfo reports is 2 x 2 x 8 x 2 x 2.596 = 166 GFLOP/s, not the 332 an earlier
 * version of the benchmark assumed (2 full-width 512-bit units, as on Zen 5); the turbo clock gives about 228.
 * OpenBLAS 0.3.19's single-threaded sgemm reaches 80-95 GFLOP/s per core at this engine's shapes (thread CPU time):
 * 86-93 at 128 rows of the 784-512-512-1 network, 87 at 64 rows, 71 at 32 and 45-55 at 16 rows, so two blocks of
 * rows per call are the split that keeps the products efficient; 95-97 for 256 x 128 x 128.
 *
 * <p>Where the time went, and what changed (thread CPU per call, load-robust; wall-clock figures on this machine
 * ran 2-10x higher whenever other sessions kept the cores busy, load averages 5-11):
 * <ul>
 *   <li>{@code blas_set_num_threads} of the bundled OpenBLAS costs 0.25-0.9 ms per call (measured in a loop), and
 *       the engine used to set one thread and restore the old count around every call: about 0.5-1 ms per call, more
 *       than the whole 2-128-128-1 training step (0.5 ms), and 30-60 ms per 60-step Langevin iteration. The engine
 *       now sets OpenBLAS to one thread when it is not there and leaves it there ({@code MlpEngine.run}).</li>
 *   <li>With a fixed block of rows per worker and barriers, a call waited for the slowest worker: at load 9 the
 *       2-thread training step of the small MLP took 15 ms against 1 ms on one thread. Now the blocks of a phase are
 *       claimed by whichever worker is free ({@code Workers}), so the caller never waits for a helper that has not
 *       started, and calls below 4 million multiply-adds per forward pass run on the caller alone
 *       ({@code MlpEngine.parallelMacs}; 16 million in a first version, lowered after the changes below made
 *       the split pay at the 2-128-128-1 training step: 0.51 ms in one block, 0.35 ms split, interleaved medians). Both are decided by the network, the row count and the configured thread
 *       count only, so results stay bit-identical for a given thread count.</li>
 *   <li>2-128-128-1, batch 256: a training step (forward, backward, Adam) costs 0.46-0.50 ms of CPU, of which the
 *       three 256 x 128 x 128 products are about 0.31 ms (82 GFLOP/s). OpenBLAS's sgemm costs 11-17 us per call
 *       at the thin shapes (2 inputs, 1 output: six calls per step, about 0.09 ms), its sgemv and sger 1.5-3 us, so
 *       those products go to level-2 BLAS ({@code rbm.BlasOps.sgemmThin}). The activation loops are one small method
 *       each (inside one method with all seven, swish over 256 x 128 values took 47 us instead of 20) and the
 *       swish loop runs at 0.6 ns per value, bound by the rational tanh's division. An input gradient costs
 *       0.32-0.36 ms on one worker, 0.24 ms split over two. Copying the parameters into native memory each call costs 4 us (70 us for the
 *       784-512-512-1 network: no reason to track changes to the live parameter array).</li>
 *   <li>784-512-512-1, batch 128: a Langevin gradient (forward and input gradient) costs 4.6 ms of CPU on one
 *       worker (74 GFLOP/s; its four products alone 3.8 ms) and 2.7 ms of wall-clock time on two (124 GFLOP/s)
 *       when the second core is free (3.1-3.3 ms in today's interleaved runs). The sampler around it
 *       ({@code sampling.LangevinSampler}) added about 1.2 ms per step: its update loop (clip, step, noise, clamp
 *       over 100 352 values) took 1 ms in double with if/else clamps, which the JIT does not vectorise, and takes
 *       0.05 ms in float with {@code Math.min/max}; the Gaussian noise costs 0.4 ms per step on the common pool.</li>
 * </ul>
 * Benchmark runs on this machine (medians of blocks; all rows of a run measured in the same minutes):
 * <ul>
 *   <li>before these changes, load 8.6-9.3: (a) training step 15.2 ms with 2 threads, 1.01 ms with 1, PyTorch 3.3
 *       ms (4.60x); (b) 1360 ms with 2 threads against PyTorch's 870 ms (1.56x);</li>
 *   <li>after, in a quieter minute (load 4 falling to 2 runnable processes; no PyTorch in that run): (a) 0.47 ms (2
 *       threads) and 0.44 ms (1 thread); (b) 269 ms with 2 threads = 79 GFLOP/s = 47 % of the 166 GFLOP/s nominal
 *       peak, 405 ms with 1 thread;</li>
 *   <li>after, with PyTorch in the same run, load 4-6: (a) 0.46 ms against PyTorch's 3.5 ms (0.13x, MET, but
 *       PyTorch's step was 2.2x slower than its 1.57 ms on a quiet machine); (b) 655 ms against 672 ms (0.98x) and
 *       19.5 % of peak: the load fell on the library's two workers;</li>
 *   <li>after, full run with PyTorch, load 7.7 falling to 5.6: (a) 0.46 ms against PyTorch's 1.49 ms (0.31x); (b)
 *       513 ms with 2 threads and 436 ms with 1 against PyTorch's 457 ms (1.12x; 0.95x with 1 thread); process CPU
 *       per iteration 750 ms with 2 workers against 410 ms with 1, i.e. under load the second worker mostly
 *       waits.</li>
 *   <li>after the second round of changes (thin products, activation loops, split from 4 M multiply-adds, vectorised
 *       Langevin update), load 1.5-2, with the benchmark alternating the library and PyTorch in 3 rounds: (a) 0.45
 *       ms (2 threads; 0.52 ms with 1) against PyTorch's 1.88 ms, ratios per round 0.23x, 0.38x, 0.17x, median
 *       0.23x; (b) 271 ms (2 threads; 367 ms with 1) against PyTorch's 448 ms, ratios 0.57x, 0.65x, 0.49x, median
 *       0.57x, and 47 % of the 166 GFLOP/s nominal peak (78 GFLOP/s); a second run minutes later: (a) 0.32 ms
 *       against 1.93 ms, rounds 0.32x, 0.16x, 0.17x, median 0.17x; (b) 233 ms against 474 ms, rounds 0.83x, 0.46x,
 *       0.58x, median 0.58x, 55 % of peak (the first round, right after the JIT's first compilations, was the slow
 *       one).</li>
 * </ul>
 * So on a quiet machine the three targets are met by the median over rounds: (a) 0.23x (target 0.25x, met with a
 * small margin; single rounds range from 0.17x to 0.38x, because the 2-thread step depends on the second core
 * answering within microseconds, and it burns about 1.1 ms of CPU per 0.45 ms step while its helper spins),
 * (b) 0.57x (target 0.7x) and 47 % of peak (target 40 %; 36 % of the turbo peak of about 228). With one thread the
 * library alone is 0.28x (a) and 0.82x (b) of PyTorch's faster time, and 0.13x and 0.42x of its process CPU. On a
 * loaded machine the wall-clock ratios swing by more than these margins; the process-CPU lines are the stable ones.
 *
 * <h2>Threads</h2>
 * Each network uses {@link org.ebmjava.neural.Mlp#threads()} workers (default: the available processors), a team
 * shared by all networks with that count. A call whose forward pass needs at least 4 million multiply-adds
 * (rows x the sum of in x out over the layers) is split into one block of rows per worker for the forward and
 * backward passes, then one block of the rows of every weight gradient per worker; smaller calls (the 2D toys of
 * lessons 06-10 at usual batch sizes) run on the caller as one block. Every sum is formed inside one block in a fixed
 * order, so results are bit-identical for the same inputs, parameters and configured thread count (and close, not
 * identical, across thread counts). OpenBLAS is set to one thread by the first call and left so (each worker calls
 * it single-threaded); ND4J code that wants its own BLAS threads afterwards sets them with
 * {@code Nd4j.factory().blas().setMaxThreads(n)}. Helpers wait by spinning briefly, then yielding, then parking.
 */
package org.ebmjava.neural;
