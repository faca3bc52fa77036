package org.ebmjava.landscape;

import java.util.random.RandomGenerator;

/**
 * Gradient descent with thermal noise (the unadjusted Langevin algorithm at temperature
 * T<sub>k</sub>):
 * <pre>
 *   p_{k+1} = p_k - lr * grad E(p_k) + sqrt(2 * lr * T_k) * xi_k,    xi_k ~ N(0, I)
 * </pre>
 *
 * <p>At T = 0 this is plain gradient descent. At a constant T &gt; 0 and a small learning rate the
 * iterates sample approximately from p(x, y) &prop; exp(-E/T); the bias is of order lr (for
 * E = |p|<sup>2</sup>/2 the stationary variance is T / (1 - lr/2) instead of T), since no
 * Metropolis correction is made. With a decreasing schedule it becomes an annealed, noisy descent
 * that can hop out of shallow local minima.
 *
 * <p>Overflow guard: after each step the point is clamped to the landscape's domain scaled by
 * {@value #CLIP_FACTOR} about its centre, so a too-large learning rate on a steep landscape
 * saturates at that box instead of overflowing to Infinity/NaN. The box is far larger than any
 * region of interest and has no effect on well-behaved runs. Gaussian draws are taken only when
 * T<sub>k</sub> &gt; 0, so a T = 0 run is deterministic.
 *
 * <pre>
 * Reference: G. O. Roberts and R. L. Tweedie, "Exponential convergence of Langevin distributions
 * and their discrete approximations", Bernoulli 2(4), 1996.
 * </pre>
 */
public final class ThermalGradientDescent implements Optimizer2D {

    /** Points are clamped to the domain scaled by this factor about its centre. */
    public static final double CLIP_FACTOR = 10.0;

    private final double learningRate;
    private final int steps;
    private final CoolingSchedule schedule;

    /**
     * Creates the optimiser.
     *
     * @param learningRate The step size lr multiplying the gradient. Must be finite and &gt; 0.
     * @param steps The number of updates per run. Must be &ge; 1.
     * @param schedule The temperature schedule; {@code CoolingSchedule.constant(0)} gives plain
     *     gradient descent. Must not be null.
     * @throws IllegalArgumentException If a parameter is invalid.
     */
    public ThermalGradientDescent(double learningRate, int steps, CoolingSchedule schedule) {
        Params.requirePositive(learningRate, "learningRate");
        Params.checkOptimizer(steps, schedule);
        this.learningRate = learningRate;
        this.steps = steps;
        this.schedule = schedule;
    }

    /**
     * Runs thermal gradient descent from (x0, y0) for the configured number of steps.
     *
     * @param e The energy. Must not be null.
     * @param x0 The starting x. Must be finite.
     * @param y0 The starting y. Must be finite.
     * @param rng The source of Gaussian noise. Must not be null; two draws per step with T &gt; 0.
     * @return A trajectory of steps + 1 points; its acceptance rate is NaN.
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
        double[] g = new double[2];
        double x = x0;
        double y = y0;
        xs[0] = x;
        ys[0] = y;
        es[0] = e.value(x, y);
        for (int k = 0; k < steps; k++) {
            e.gradient(x, y, g);
            x -= learningRate * g[0];
            y -= learningRate * g[1];
            if (ts[k] > 0.0) {
                double noise = Math.sqrt(2.0 * learningRate * ts[k]);
                x += noise * rng.nextGaussian();
                y += noise * rng.nextGaussian();
            }
            x = clamp(x, box.xMin(), box.xMax());
            y = clamp(y, box.yMin(), box.yMax());
            xs[k + 1] = x;
            ys[k + 1] = y;
            es[k + 1] = e.value(x, y);
        }
        return new Trajectory(xs, ys, es, ts, Double.NaN);
    }

    /** Clamps v to [lo, hi]; a NaN (from a NaN gradient) is left as is so that it stays visible. */
    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /**
     * Returns the learning rate.
     *
     * @return lr.
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns the number of updates per run.
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
     * @return E.g. "ThermalGradientDescent(lr=0.01, steps=1000, schedule=constant(T=0))".
     */
    @Override
    public String toString() {
        return "ThermalGradientDescent(lr=" + Params.num(learningRate) + ", steps=" + steps
                + ", schedule=" + schedule.name() + ")";
    }
}
