package org.ebmjava.landscape;

import java.util.random.RandomGenerator;

/**
 * Simulated annealing: a Metropolis random walk whose temperature follows a cooling schedule.
 *
 * <p>Each step proposes p' = p + stepSize * xi, xi ~ N(0, I), and accepts it with probability
 * min(1, exp(-(E(p') - E(p)) / T<sub>k</sub>)); at T<sub>k</sub> = 0 only moves that do not
 * increase the energy are accepted (greedy random search). At a constant T &gt; 0 the chain samples
 * exactly from p(x, y) &prop; exp(-E/T) restricted to the box below (Metropolis needs no
 * step-size correction, unlike {@link ThermalGradientDescent}).
 *
 * <p>Proposals outside the landscape's domain scaled by {@value #CLIP_FACTOR} about its centre are
 * rejected, which keeps energies finite and only matters for runaway high-temperature runs. Each
 * step uses two Gaussian draws and, for an uphill move at T &gt; 0, one uniform draw.
 *
 * <pre>
 * Reference: S. Kirkpatrick, C. D. Gelatt and M. P. Vecchi, "Optimization by Simulated Annealing",
 * Science 220(4598), 1983; N. Metropolis, A. W. Rosenbluth, M. N. Rosenbluth, A. H. Teller and
 * E. Teller, "Equation of State Calculations by Fast Computing Machines", J. Chem. Phys. 21, 1953.
 * </pre>
 */
public final class SimulatedAnnealing implements Optimizer2D {

    /** Proposals outside the domain scaled by this factor about its centre are rejected. */
    public static final double CLIP_FACTOR = 10.0;

    private final double stepSize;
    private final int steps;
    private final CoolingSchedule schedule;

    /**
     * Creates the optimiser.
     *
     * @param stepSize The standard deviation of the Gaussian proposal, in coordinate units. Must be
     *     finite and &gt; 0.
     * @param steps The number of proposals per run. Must be &ge; 1.
     * @param schedule The temperature schedule. Must not be null.
     * @throws IllegalArgumentException If a parameter is invalid.
     */
    public SimulatedAnnealing(double stepSize, int steps, CoolingSchedule schedule) {
        Params.requirePositive(stepSize, "stepSize");
        Params.checkOptimizer(steps, schedule);
        this.stepSize = stepSize;
        this.steps = steps;
        this.schedule = schedule;
    }

    /**
     * Runs simulated annealing from (x0, y0) for the configured number of proposals.
     *
     * @param e The energy. Must not be null.
     * @param x0 The starting x. Must be finite.
     * @param y0 The starting y. Must be finite.
     * @param rng The source of randomness. Must not be null.
     * @return A trajectory of steps + 1 points (the current state after each step; a rejected
     *     proposal repeats the previous point) with the acceptance rate.
     * @throws IllegalArgumentException If an argument is invalid or the schedule returns a negative
     *     or non-finite temperature.
     */
    @Override
    public Trajectory run(Energy2D e, double x0, double y0, RandomGenerator rng) {
        Params.checkRun(e, x0, y0, rng);
        double[] ts = Params.temperatures(schedule, steps);
        Domain box = e.domain().scaled(CLIP_FACTOR);
        double[] xs = new double[steps + 1];
        double[] ys = new double[steps + 1];
        double[] es = new double[steps + 1];
        double x = x0;
        double y = y0;
        double energy = e.value(x, y);
        xs[0] = x;
        ys[0] = y;
        es[0] = energy;
        int accepted = 0;
        for (int k = 0; k < steps; k++) {
            double nx = x + stepSize * rng.nextGaussian();
            double ny = y + stepSize * rng.nextGaussian();
            if (box.contains(nx, ny)) {
                double ne = e.value(nx, ny);
                double delta = ne - energy;
                boolean accept;
                if (delta <= 0.0) {
                    accept = true;
                } else if (ts[k] > 0.0) {
                    accept = rng.nextDouble() < Math.exp(-delta / ts[k]);
                } else {
                    accept = false;
                }
                if (accept) {
                    x = nx;
                    y = ny;
                    energy = ne;
                    accepted++;
                }
            }
            xs[k + 1] = x;
            ys[k + 1] = y;
            es[k + 1] = energy;
        }
        return new Trajectory(xs, ys, es, ts, (double) accepted / steps);
    }

    /**
     * Returns the proposal standard deviation.
     *
     * @return stepSize.
     */
    public double stepSize() {
        return stepSize;
    }

    /**
     * Returns the number of proposals per run.
     *
     * @return steps.
     */
    public int steps() {
        return steps;
    }

    /**
     * Returns the temperature schedule.
     *
     * @return The schedule.
     */
    public CoolingSchedule schedule() {
        return schedule;
    }

    /**
     * Describes the optimiser with all its hyperparameters.
     *
     * @return E.g. "SimulatedAnnealing(stepSize=0.5, steps=5000, schedule=exponential(T0=2, a=0.999))".
     */
    @Override
    public String toString() {
        return "SimulatedAnnealing(stepSize=" + Params.num(stepSize) + ", steps=" + steps
                + ", schedule=" + schedule.name() + ")";
    }
}
