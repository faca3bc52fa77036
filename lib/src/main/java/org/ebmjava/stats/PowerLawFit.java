package org.ebmjava.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Least-squares fits of a power law L(N) = a N<sup>-b</sup> (+ c) to measured losses, for scaling curves,
 * with standard errors and a seeded residual bootstrap.
 *
 * <p>Two models:
 * <ul>
 *   <li>{@link #logLog}: L = a N<sup>-b</sup>, fitted as the straight line log L = log a - b log N by
 *       ordinary least squares in log-log space (multiplicative errors). Standard errors are the OLS ones;
 *       the error of a comes from that of log a by the delta method, se(a) = a se(log a).</li>
 *   <li>{@link #withOffset}: L = a N<sup>-b</sup> + c, with an irreducible loss c, fitted by least squares
 *       on L itself (additive errors). For fixed b the model is linear in (a, c), so the residual sum of
 *       squares is profiled over b: a grid over (0, {@link #MAX_EXPONENT}] brackets the minimum and Brent's
 *       method polishes it. Standard errors come from the Gauss-Newton covariance s<sup>2</sup>
 *       (J<sup>T</sup>J)<sup>-1</sup> at the optimum, s<sup>2</sup> = RSS / (k - 3).</li>
 * </ul>
 * With k measured sizes, the line needs k &ge; 2 and the offset model k &ge; 3; standard errors need one
 * more point (they are NaN otherwise). Both are approximations that assume independent, equally noisy
 * points; {@link #bootstrap} gives a second opinion from the data (residuals resampled with replacement,
 * scaled by sqrt(k / (k - p)), added to the fitted curve and refitted).
 *
 * <p>What a fit does not say: a power law fitted over one or two decades of N is a description of those
 * decades, not a law; the exponent of the line and of the offset model differ on the same data; and the
 * extrapolation beyond the measured range is where the fit carries no evidence.
 *
 * <pre>
 * J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv:2001.08361, 2020.
 * J. Hoffmann et al., "Training Compute-Optimal Large Language Models", NeurIPS 2022 (the offset form).
 * B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap", Chapman and Hall, 1993, chapter 9.
 * </pre>
 */
public final class PowerLawFit {

    /** The largest exponent b searched by {@link #withOffset}. */
    public static final double MAX_EXPONENT = 4.0;
    /** The smallest exponent b searched by {@link #withOffset}. */
    public static final double MIN_EXPONENT = 1e-4;

    private static final int PROFILE_GRID = 400;

    private PowerLawFit() {}

    /**
     * A fitted power law.
     *
     * @param a The scale a.
     * @param b The exponent b (L falls as N<sup>-b</sup> for b &gt; 0).
     * @param c The offset c; 0 for the log-log line.
     * @param seA The standard error of a; NaN without residual degrees of freedom.
     * @param seB The standard error of b; NaN without residual degrees of freedom.
     * @param seC The standard error of c; NaN for the log-log line or without residual degrees of freedom.
     * @param rss The residual sum of squares (of log L for the log-log line, of L for the offset model).
     * @param points The number of points k.
     * @param withOffset True for L = a N<sup>-b</sup> + c, false for the log-log line.
     * @param exponentAtBound True if the offset model's best b sits at an end of the search range, so the
     *     data do not pin down a decaying power law; always false for the log-log line.
     */
    public record Result(double a, double b, double c, double seA, double seB, double seC, double rss,
            int points, boolean withOffset, boolean exponentAtBound) {

        /**
         * Evaluates the fitted curve.
         *
         * @param n The size N. Must be &gt; 0.
         * @return a N<sup>-b</sup> + c.
         */
        public double predict(double n) {
            return a * Math.pow(n, -b) + c;
        }

        /**
         * Returns the residual degrees of freedom k - p (p = 2 for the line, 3 with the offset).
         *
         * @return k - p, possibly 0.
         */
        public int degreesOfFreedom() {
            return points - (withOffset ? 3 : 2);
        }

        /**
         * Returns a confidence interval for the exponent, b &plusmn; t<sub>k-p</sub> se(b), with the Student t
         * quantile for the residual degrees of freedom (wider than &plusmn;1.96 se for few points).
         *
         * @param level The confidence level, in (0, 1), e.g. 0.95.
         * @return The interval; NaN ends without residual degrees of freedom.
         * @throws IllegalArgumentException If level is not in (0, 1).
         */
        public Interval exponentInterval(double level) {
            if (!(level > 0.0 && level < 1.0)) {
                throw new IllegalArgumentException("level must be in (0, 1), found " + level);
            }
            if (degreesOfFreedom() < 1 || Double.isNaN(seB)) {
                return new Interval(Double.NaN, Double.NaN);
            }
            double t = new TDistribution(null, degreesOfFreedom()).inverseCumulativeProbability(0.5 + level / 2);
            return new Interval(b - t * seB, b + t * seB);
        }

        /**
         * Summarises the fit.
         *
         * @return The model and its parameters with standard errors.
         */
        @Override
        public String toString() {
            String model = withOffset ? "L = a N^-b + c" : "log L = log a - b log N";
            String s = String.format(Locale.ROOT, "PowerLawFit[%s, a=%.4g +- %.2g, b=%.4g +- %.2g", model, a, seA,
                    b, seB);
            if (withOffset) {
                s += String.format(Locale.ROOT, ", c=%.4g +- %.2g", c, seC);
            }
            return s + String.format(Locale.ROOT, ", rss=%.3g, k=%d%s]", rss, points,
                    exponentAtBound ? ", b at search bound" : "");
        }
    }

    /**
     * A central interval.
     *
     * @param lower The lower end (the 2.5 % bootstrap quantile).
     * @param upper The upper end (the 97.5 % bootstrap quantile).
     */
    public record Interval(double lower, double upper) {
        /**
         * Tells whether a value lies in the closed interval.
         *
         * @param v The value.
         * @return True if lower &le; v &le; upper.
         */
        public boolean contains(double v) {
            return lower <= v && v <= upper;
        }
    }

    /**
     * The outcome of a residual bootstrap.
     *
     * @param fit The fit to the original data.
     * @param resamples The number of bootstrap refits.
     * @param seA The bootstrap standard deviation of a.
     * @param seB The bootstrap standard deviation of b.
     * @param seC The bootstrap standard deviation of c (0 for the log-log line).
     * @param a The 95 % percentile interval of a.
     * @param b The 95 % percentile interval of b.
     * @param c The 95 % percentile interval of c ([0, 0] for the log-log line).
     */
    public record Bootstrap(Result fit, int resamples, double seA, double seB, double seC, Interval a, Interval b,
            Interval c) {}

    /**
     * Fits log L = log a - b log N by ordinary least squares.
     *
     * @param sizes The sizes N<sub>i</sub>, each finite and &gt; 0, at least two distinct. Not modified.
     * @param losses The losses L<sub>i</sub>, each finite and &gt; 0, same length. Not modified.
     * @return The fit, with c = 0.
     * @throws IllegalArgumentException If the arrays are invalid.
     */
    public static Result logLog(double[] sizes, double[] losses) {
        check(sizes, losses, 2, true);
        int k = sizes.length;
        double[] x = new double[k];
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = Math.log(sizes[i]);
            y[i] = Math.log(losses[i]);
        }
        double[] line = ols(x, y);
        double slope = line[0];
        double intercept = line[1];
        double mx = line[2];
        double sxx = line[3];
        double rss = 0.0;
        for (int i = 0; i < k; i++) {
            double r = y[i] - intercept - slope * x[i];
            rss += r * r;
        }
        double seSlope = Double.NaN;
        double seIntercept = Double.NaN;
        if (k > 2) {
            double s2 = rss / (k - 2);
            seSlope = Math.sqrt(s2 / sxx);
            seIntercept = Math.sqrt(s2 * (1.0 / k + mx * mx / sxx));
        }
        double a = Math.exp(intercept);
        return new Result(a, -slope, 0.0, a * seIntercept, seSlope, Double.NaN, rss, k, false, false);
    }

    /**
     * Fits L = a N<sup>-b</sup> + c by least squares on L, profiling over b in [{@link #MIN_EXPONENT},
     * {@link #MAX_EXPONENT}].
     *
     * @param sizes The sizes N<sub>i</sub>, each finite and &gt; 0, at least three distinct. Not modified.
     * @param losses The losses L<sub>i</sub>, each finite, same length. Not modified.
     * @return The fit; see {@link Result#exponentAtBound()} for a minimum at the edge of the search.
     * @throws IllegalArgumentException If the arrays are invalid.
     */
    public static Result withOffset(double[] sizes, double[] losses) {
        check(sizes, losses, 3, false);
        int k = sizes.length;
        double logMin = Math.log(MIN_EXPONENT);
        double logMax = Math.log(MAX_EXPONENT);
        int bestIdx = 0;
        double bestRss = Double.POSITIVE_INFINITY;
        double[] grid = new double[PROFILE_GRID];
        for (int g = 0; g < PROFILE_GRID; g++) {
            grid[g] = Math.exp(logMin + (logMax - logMin) * g / (PROFILE_GRID - 1));
            double r = profileRss(sizes, losses, grid[g]);
            if (r < bestRss) {
                bestRss = r;
                bestIdx = g;
            }
        }
        double lo = grid[Math.max(0, bestIdx - 1)];
        double hi = grid[Math.min(PROFILE_GRID - 1, bestIdx + 1)];
        double bHat = grid[bestIdx];
        if (hi > lo) {
            UnivariatePointValuePair p = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(500),
                    new UnivariateObjectiveFunction(b -> profileRss(sizes, losses, b)), GoalType.MINIMIZE,
                    new SearchInterval(lo, hi, bHat));
            if (p.getValue() <= bestRss) {
                bHat = p.getPoint();
                bestRss = p.getValue();
            }
        }
        boolean atBound = bestIdx == 0 || bestIdx == PROFILE_GRID - 1;
        double[] ac = linearFit(sizes, losses, bHat);
        double a = ac[0];
        double c = ac[1];
        double seA = Double.NaN;
        double seB = Double.NaN;
        double seC = Double.NaN;
        if (k > 3) {
            double[][] jtj = new double[3][3];
            for (int i = 0; i < k; i++) {
                double p = Math.pow(sizes[i], -bHat);
                double[] row = {p, -a * Math.log(sizes[i]) * p, 1.0};
                for (int r = 0; r < 3; r++) {
                    for (int s = 0; s < 3; s++) {
                        jtj[r][s] += row[r] * row[s];
                    }
                }
            }
            LUDecomposition lu = new LUDecomposition(MatrixUtils.createRealMatrix(jtj));
            if (lu.getSolver().isNonSingular()) {
                RealMatrix cov = lu.getSolver().getInverse().scalarMultiply(bestRss / (k - 3));
                seA = Math.sqrt(cov.getEntry(0, 0));
                seB = Math.sqrt(cov.getEntry(1, 1));
                seC = Math.sqrt(cov.getEntry(2, 2));
            }
        }
        return new Result(a, bHat, c, seA, seB, seC, bestRss, k, true, atBound);
    }

    /**
     * Runs a residual bootstrap of either fit.
     *
     * @param sizes The sizes N<sub>i</sub>, as for the chosen fit. Not modified.
     * @param losses The losses L<sub>i</sub>, as for the chosen fit. Not modified.
     * @param withOffset True to bootstrap {@link #withOffset}, false for {@link #logLog}.
     * @param resamples The number of refits, &ge; 20 (1000 is usual).
     * @param rng The source of randomness. Advanced.
     * @return The original fit with bootstrap standard deviations and 95 % percentile intervals.
     * @throws IllegalArgumentException If an argument is invalid, or a resample yields a non-positive loss
     *     in the log-log fit.
     */
    public static Bootstrap bootstrap(double[] sizes, double[] losses, boolean withOffset, int resamples,
            RandomGenerator rng) {
        if (resamples < 20) {
            throw new IllegalArgumentException("resamples must be >= 20, found " + resamples);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        Result fit = withOffset ? withOffset(sizes, losses) : logLog(sizes, losses);
        int k = sizes.length;
        int params = withOffset ? 3 : 2;
        double inflate = k > params ? Math.sqrt((double) k / (k - params)) : 1.0;
        double[] fitted = new double[k];
        double[] resid = new double[k];
        for (int i = 0; i < k; i++) {
            double f = fit.predict(sizes[i]);
            fitted[i] = withOffset ? f : Math.log(f);
            double obs = withOffset ? losses[i] : Math.log(losses[i]);
            resid[i] = (obs - fitted[i]) * inflate;
        }
        double[] as = new double[resamples];
        double[] bs = new double[resamples];
        double[] cs = new double[resamples];
        double[] yStar = new double[k];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < k; i++) {
                double v = fitted[i] + resid[rng.nextInt(k)];
                yStar[i] = withOffset ? v : Math.exp(v);
            }
            Result f = withOffset ? withOffset(sizes, yStar) : logLog(sizes, yStar);
            as[r] = f.a();
            bs[r] = f.b();
            cs[r] = f.c();
        }
        return new Bootstrap(fit, resamples, std(as), std(bs), std(cs), percentiles(as), percentiles(bs),
                percentiles(cs));
    }

    /** Residual sum of squares of the best (a, c) for a fixed exponent b. */
    private static double profileRss(double[] sizes, double[] losses, double b) {
        double[] ac = linearFit(sizes, losses, b);
        double rss = 0.0;
        for (int i = 0; i < sizes.length; i++) {
            double r = losses[i] - ac[0] * Math.pow(sizes[i], -b) - ac[1];
            rss += r * r;
        }
        return rss;
    }

    /** OLS of L on [N^-b, 1]: returns {a, c}. */
    private static double[] linearFit(double[] sizes, double[] losses, double b) {
        double[] x = new double[sizes.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(sizes[i], -b);
        }
        double[] line = ols(x, losses);
        return new double[] {line[0], line[1]};
    }

    /** Ordinary least squares y = slope x + intercept: returns {slope, intercept, mean of x, Sxx}. */
    private static double[] ols(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0.0;
        double sxy = 0.0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxx > 0.0 ? sxy / sxx : 0.0;
        return new double[] {slope, my - slope * mx, mx, sxx};
    }

    private static void check(double[] sizes, double[] losses, int minDistinct, boolean positiveLosses) {
        if (sizes == null || losses == null) {
            throw new IllegalArgumentException("sizes and losses must not be null");
        }
        if (sizes.length != losses.length) {
            throw new IllegalArgumentException("sizes and losses must have the same length, found "
                    + sizes.length + " and " + losses.length);
        }
        for (int i = 0; i < sizes.length; i++) {
            if (!(sizes[i] > 0.0) || Double.isInfinite(sizes[i])) {
                throw new IllegalArgumentException("sizes[" + i + "] must be finite and > 0, found " + sizes[i]);
            }
            if (!Double.isFinite(losses[i]) || (positiveLosses && !(losses[i] > 0.0))) {
                throw new IllegalArgumentException("losses[" + i + "] must be finite"
                        + (positiveLosses ? " and > 0 for a log-log fit" : "") + ", found " + losses[i]);
            }
        }
        long distinct = Arrays.stream(sizes).distinct().count();
        if (distinct < minDistinct) {
            throw new IllegalArgumentException("need at least " + minDistinct + " distinct sizes, found " + distinct);
        }
    }

    private static double mean(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0.0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static Interval percentiles(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return new Interval(quantile(s, 0.025), quantile(s, 0.975));
    }

    /** Linear interpolation between order statistics (type 7). */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
