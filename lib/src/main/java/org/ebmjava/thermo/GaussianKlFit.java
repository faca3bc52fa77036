package org.ebmjava.thermo;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Fits a single Gaussian q = N(mean, std<sup>2</sup>) to a one-dimensional target density p by
 * minimising either the forward KL(p||q) or the reverse KL(q||p).
 *
 * <p>The forward KL is minimised exactly by moment matching (mean and variance of p), which for a
 * multimodal p gives a broad Gaussian that covers every mode ("mode covering", as in maximum
 * likelihood). The reverse KL has no closed form; it is minimised numerically and, started near one
 * mode, settles on that mode alone ("mode seeking", as in variational inference).
 *
 * <p>Discretisation: densities are evaluated at the midpoints x<sub>j</sub> = lo + (j + 1/2) dx,
 * dx = (hi - lo) / gridSize, and both p and q are renormalised to integrate to 1 over the grid
 * (q is the Gaussian truncated to [lo, hi]). Renormalising q keeps the reverse-KL objective
 * honest: a Gaussian pushed off the grid cannot reach KL = 0 by having no mass on it. Choose [lo,
 * hi] wide enough that the truncation is negligible for the fits of interest.
 *
 * <pre>
 * Reference: C. M. Bishop, "Pattern Recognition and Machine Learning", Springer, 2006,
 * section 10.1.2 (forward versus reverse KL for a bimodal target).
 * </pre>
 */
public final class GaussianKlFit {

    /** Relative convergence threshold of the Nelder-Mead search for the reverse fit. */
    static final double NM_RELATIVE_TOLERANCE = 1e-12;
    /** Absolute convergence threshold of the Nelder-Mead search for the reverse fit. */
    static final double NM_ABSOLUTE_TOLERANCE = 1e-14;
    /** Evaluation budget of each Nelder-Mead run. */
    static final int NM_MAX_EVALUATIONS = 20_000;
    /** Number of Nelder-Mead restarts from the previous optimum (guards against early stalls). */
    static final int NM_RESTARTS = 3;

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2.0 * Math.PI);

    private GaussianKlFit() {}

    /**
     * The fitted Gaussian and the divergence it reached.
     *
     * @param mean The mean of q.
     * @param std The standard deviation of q (&gt; 0).
     * @param kl The divergence that was minimised, on the grid: KL(p||q) for
     *     {@link GaussianKlFit#forward}, KL(q||p) for {@link GaussianKlFit#reverse}; nats.
     */
    public record Result(double mean, double std, double kl) {}

    /**
     * Returns the density of a one-dimensional Gaussian mixture,
     * p(x) = &sum;<sub>k</sub> w<sub>k</sub> N(x; m<sub>k</sub>, s<sub>k</sub><sup>2</sup>).
     *
     * @param weights The mixture weights w<sub>k</sub>. Finite, &ge; 0, summing to 1 within
     *     {@link Divergences#NORMALISATION_TOLERANCE}. Not modified (copied).
     * @param means The component means m<sub>k</sub>. Finite, same length. Not modified (copied).
     * @param stds The component standard deviations s<sub>k</sub>. Finite and &gt; 0, same length.
     *     Not modified (copied).
     * @return The mixture density x &rarr; p(x).
     * @throws IllegalArgumentException If the arrays are null, empty, of different lengths, or
     *     violate the constraints.
     */
    public static DoubleUnaryOperator mixtureDensity(double[] weights, double[] means, double[] stds) {
        if (weights == null || means == null || stds == null) {
            throw new IllegalArgumentException("weights, means and stds must not be null");
        }
        int k = weights.length;
        if (k == 0 || means.length != k || stds.length != k) {
            throw new IllegalArgumentException("weights, means and stds must be non-empty and of equal"
                    + " length, found " + k + ", " + means.length + ", " + stds.length);
        }
        double sum = 0.0;
        for (int i = 0; i < k; i++) {
            if (!(weights[i] >= 0.0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException(
                        "weights[" + i + "] must be finite and >= 0, found " + weights[i]);
            }
            if (!Double.isFinite(means[i])) {
                throw new IllegalArgumentException("means[" + i + "] must be finite, found " + means[i]);
            }
            checkStd(stds[i], "stds[" + i + "]");
            sum += weights[i];
        }
        if (Math.abs(sum - 1.0) > Divergences.NORMALISATION_TOLERANCE) {
            throw new IllegalArgumentException("weights must sum to 1, found " + sum);
        }
        double[] w = weights.clone();
        double[] m = means.clone();
        double[] s = stds.clone();
        return x -> {
            double p = 0.0;
            for (int i = 0; i < w.length; i++) {
                p += w[i] * gaussianDensity(x, m[i], s[i]);
            }
            return p;
        };
    }

    /**
     * Returns the Gaussian density N(x; mean, std<sup>2</sup>) = exp(-(x-mean)<sup>2</sup> /
     * (2 std<sup>2</sup>)) / (std sqrt(2 pi)).
     *
     * @param x The point.
     * @param mean The mean. Must be finite.
     * @param std The standard deviation. Must be finite and &gt; 0.
     * @return The density at x (&ge; 0; underflows to 0 beyond about 38 standard deviations).
     * @throws IllegalArgumentException If mean or std is invalid.
     */
    public static double gaussianDensity(double x, double mean, double std) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, found " + mean);
        }
        checkStd(std, "std");
        return Math.exp(gaussianLogDensity(x, mean, std));
    }

    /**
     * Fits q = N(mean, std<sup>2</sup>) by minimising the forward KL(p||q): moment matching.
     *
     * <p>mean = &int; x p(x) dx and std<sup>2</sup> = &int; (x - mean)<sup>2</sup> p(x) dx, both by
     * the midpoint rule on the grid, with p renormalised on the grid.
     *
     * @param target The target density p (need not be normalised). Must be finite and &ge; 0 on the
     *     grid, and positive somewhere.
     * @param lo The left end of the grid. Must be finite.
     * @param hi The right end of the grid. Must be finite and &gt; lo.
     * @param gridSize The number of grid cells. Must be &ge; 2.
     * @return The fitted mean and std, and KL(p||q) on the grid.
     * @throws IllegalArgumentException If an argument is invalid or p has zero variance on the grid.
     */
    public static Result forward(DoubleUnaryOperator target, double lo, double hi, int gridSize) {
        Grid g = new Grid(target, lo, hi, gridSize);
        double mean = 0.0;
        for (int j = 0; j < g.x.length; j++) {
            mean += g.x[j] * g.p[j] * g.dx;
        }
        double var = 0.0;
        for (int j = 0; j < g.x.length; j++) {
            double d = g.x[j] - mean;
            var += d * d * g.p[j] * g.dx;
        }
        if (!(var > 0.0)) {
            throw new IllegalArgumentException(
                    "target has zero variance on the grid (all mass in one cell); refine the grid");
        }
        double std = Math.sqrt(var);
        return new Result(mean, std, g.forwardKl(mean, std));
    }

    /**
     * Fits q = N(mean, std<sup>2</sup>) by minimising the reverse KL(q||p) over (mean, log std).
     *
     * <p>Uses the Nelder-Mead simplex of commons-math3 (deterministic; no randomness involved),
     * started at (initMean, log initStd) with initial simplex steps (initStd/4, 1/4), and restarted
     * three times from its own optimum. log std is confined to [log dx - 5,
     * log(hi - lo) + 5]. For a multimodal target, the mode found depends on the start.
     *
     * @param target The target density p (need not be normalised). Must be finite and &ge; 0 on the
     *     grid, and positive somewhere.
     * @param lo The left end of the grid. Must be finite.
     * @param hi The right end of the grid. Must be finite and &gt; lo.
     * @param gridSize The number of grid cells. Must be &ge; 2.
     * @param initMean The starting mean. Must be finite.
     * @param initStd The starting standard deviation. Must be finite and &gt; 0.
     * @return The fitted mean and std, and KL(q||p) on the grid.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static Result reverse(DoubleUnaryOperator target, double lo, double hi, int gridSize,
            double initMean, double initStd) {
        if (!Double.isFinite(initMean)) {
            throw new IllegalArgumentException("initMean must be finite, found " + initMean);
        }
        checkStd(initStd, "initStd");
        Grid g = new Grid(target, lo, hi, gridSize);
        MultivariateFunction f = v -> g.reverseKl(v[0], g.clampLogStd(v[1]));
        double[] start = {initMean, g.clampLogStd(Math.log(initStd))};
        double[] steps = {initStd / 4.0, 0.25};
        SimplexOptimizer optimizer = new SimplexOptimizer(NM_RELATIVE_TOLERANCE, NM_ABSOLUTE_TOLERANCE);
        PointValuePair best = null;
        for (int r = 0; r <= NM_RESTARTS; r++) {
            PointValuePair found = optimizer.optimize(
                    new MaxEval(NM_MAX_EVALUATIONS),
                    new ObjectiveFunction(f),
                    GoalType.MINIMIZE,
                    new InitialGuess(start),
                    new NelderMeadSimplex(steps));
            if (best == null || found.getValue() <= best.getValue()) {
                best = found;
            }
            start = best.getPoint();
        }
        double mean = best.getPoint()[0];
        double std = Math.exp(g.clampLogStd(best.getPoint()[1]));
        return new Result(mean, std, g.reverseKl(mean, Math.log(std)));
    }

    /**
     * Evaluates the forward KL(p||q) on the grid for a given Gaussian q, with the same
     * discretisation as {@link #forward}; useful to plot the objective.
     *
     * @param target The target density p. Must be finite and &ge; 0 on the grid, positive somewhere.
     * @param lo The left end of the grid. Must be finite.
     * @param hi The right end of the grid. Must be finite and &gt; lo.
     * @param gridSize The number of grid cells. Must be &ge; 2.
     * @param mean The mean of q. Must be finite.
     * @param std The standard deviation of q. Must be finite and &gt; 0.
     * @return KL(p||q) in nats, possibly +Infinity if q underflows where p is positive.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static double forwardKl(DoubleUnaryOperator target, double lo, double hi, int gridSize,
            double mean, double std) {
        checkMeanStd(mean, std);
        return new Grid(target, lo, hi, gridSize).forwardKl(mean, std);
    }

    /**
     * Evaluates the reverse KL(q||p) on the grid for a given Gaussian q, with the same
     * discretisation as {@link #reverse}; useful to plot the objective.
     *
     * @param target The target density p. Must be finite and &ge; 0 on the grid, positive somewhere.
     * @param lo The left end of the grid. Must be finite.
     * @param hi The right end of the grid. Must be finite and &gt; lo.
     * @param gridSize The number of grid cells. Must be &ge; 2.
     * @param mean The mean of q. Must be finite.
     * @param std The standard deviation of q. Must be finite and &gt; 0.
     * @return KL(q||p) in nats, possibly +Infinity if p is 0 where q is positive.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static double reverseKl(DoubleUnaryOperator target, double lo, double hi, int gridSize,
            double mean, double std) {
        checkMeanStd(mean, std);
        return new Grid(target, lo, hi, gridSize).reverseKl(mean, Math.log(std));
    }

    private static double gaussianLogDensity(double x, double mean, double std) {
        double z = (x - mean) / std;
        return -0.5 * z * z - Math.log(std) - LOG_SQRT_2PI;
    }

    private static void checkStd(double std, String name) {
        if (!(std > 0.0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, found " + std);
        }
    }

    private static void checkMeanStd(double mean, double std) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, found " + mean);
        }
        checkStd(std, "std");
    }

    /** The target tabulated on a midpoint grid and renormalised there. */
    private static final class Grid {
        final double[] x;
        final double[] p;
        final double[] logP;
        final double dx;
        final double minLogStd;
        final double maxLogStd;

        Grid(DoubleUnaryOperator target, double lo, double hi, int gridSize) {
            if (target == null) {
                throw new IllegalArgumentException("target must not be null");
            }
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
                throw new IllegalArgumentException(
                        "need finite lo < hi, found lo=" + lo + ", hi=" + hi);
            }
            if (gridSize < 2) {
                throw new IllegalArgumentException("gridSize must be >= 2, found " + gridSize);
            }
            dx = (hi - lo) / gridSize;
            x = new double[gridSize];
            p = new double[gridSize];
            logP = new double[gridSize];
            double mass = 0.0;
            for (int j = 0; j < gridSize; j++) {
                x[j] = lo + (j + 0.5) * dx;
                double v = target.applyAsDouble(x[j]);
                if (!(v >= 0.0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("target(" + x[j] + ") must be finite and >= 0, found " + v);
                }
                p[j] = v;
                mass += v * dx;
            }
            if (!(mass > 0.0)) {
                throw new IllegalArgumentException("target must be positive somewhere on [lo, hi]");
            }
            double logMass = Math.log(mass);
            for (int j = 0; j < gridSize; j++) {
                logP[j] = Math.log(p[j]) - logMass;
                p[j] /= mass;
            }
            minLogStd = Math.log(dx) - 5.0;
            maxLogStd = Math.log(hi - lo) + 5.0;
        }

        double clampLogStd(double logStd) {
            return Math.max(minLogStd, Math.min(maxLogStd, logStd));
        }

        /** Log of the Gaussian truncated to the grid and renormalised there, at every grid point. */
        double[] logQ(double mean, double logStd) {
            double std = Math.exp(logStd);
            double[] lq = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double z = (x[j] - mean) / std;
                lq[j] = -0.5 * z * z;
            }
            double norm = ThermoOps.logSumExp(lq) + Math.log(dx);
            for (int j = 0; j < x.length; j++) {
                lq[j] -= norm;
            }
            return lq;
        }

        double forwardKl(double mean, double std) {
            double[] lq = logQ(mean, Math.log(std));
            double sum = 0.0;
            for (int j = 0; j < x.length; j++) {
                if (p[j] > 0.0) {
                    if (lq[j] == Double.NEGATIVE_INFINITY) {
                        return Double.POSITIVE_INFINITY;
                    }
                    sum += p[j] * (logP[j] - lq[j]);
                }
            }
            return sum * dx;
        }

        double reverseKl(double mean, double logStd) {
            double[] lq = logQ(mean, logStd);
            double sum = 0.0;
            for (int j = 0; j < x.length; j++) {
                double q = Math.exp(lq[j]);
                if (q > 0.0) {
                    if (logP[j] == Double.NEGATIVE_INFINITY) {
                        return Double.POSITIVE_INFINITY;
                    }
                    sum += q * (lq[j] - logP[j]);
                }
            }
            return sum * dx;
        }
    }
}
