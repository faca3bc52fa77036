/**
 * Two-dimensional energy landscapes and the thermal optimisers that explore them (notebooks 01 and
 * 03).
 *
 * <p>Units and conventions: k<sub>B</sub> = 1, so energies, temperatures and coordinates are
 * dimensionless; every landscape returns the energy E (lower is better, p &prop; exp(-E/T)), never
 * -E, with an analytic gradient. Plain {@code double} arithmetic, no ND4J. All randomness is passed
 * in as a {@link java.util.random.RandomGenerator} or a {@code long} seed.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.landscape.Domain}, {@link org.ebmjava.landscape.Energy2D},
 *       {@link org.ebmjava.landscape.Energy1D}: a plotting box and the landscape interfaces.</li>
 *   <li>Landscapes: {@link org.ebmjava.landscape.Rosenbrock}, {@link org.ebmjava.landscape.Rastrigin},
 *       {@link org.ebmjava.landscape.Ackley}, {@link org.ebmjava.landscape.NeuralLossSurface},
 *       {@link org.ebmjava.landscape.DoubleWell}, {@link org.ebmjava.landscape.GaussianMixtureEnergy},
 *       the 1D {@link org.ebmjava.landscape.DoubleWell1D}, and the factories in
 *       {@link org.ebmjava.landscape.Landscapes}.</li>
 *   <li>{@link org.ebmjava.landscape.CoolingSchedule}: constant, exponential, polynomial, linear
 *       and logarithmic temperature schedules.</li>
 *   <li>{@link org.ebmjava.landscape.Optimizer2D} with
 *       {@link org.ebmjava.landscape.ThermalGradientDescent} (Langevin-noised gradient descent) and
 *       {@link org.ebmjava.landscape.SimulatedAnnealing} (Metropolis random walk), both recording a
 *       {@link org.ebmjava.landscape.Trajectory}.</li>
 *   <li>{@link org.ebmjava.landscape.AnnealingExperiment}: success rate over seeded random starts,
 *       one table row per schedule.</li>
 * </ul>
 */
package org.ebmjava.landscape;
