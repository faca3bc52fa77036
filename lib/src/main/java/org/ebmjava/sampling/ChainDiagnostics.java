package org.ebmjava.sampling;

import java.util.Locale;

/**
 * Convergence and efficiency diagnostics for Markov chains of scalar summaries (an energy, a
 * magnetisation, a unit's value): autocorrelation, integrated autocorrelation time, effective sample
 * size, running means and the Gelman-Rubin R-hat.
 *
 * <p>Conventions: x<sub>0</sub>, ..., x<sub>n-1</sub> is one chain, x&#772; its mean. The
 * autocovariance at lag k is c<sub>k</sub> = (1/n) &sum;<sub>t=0</sub><sup>n-1-k</sup>
 * (x<sub>t</sub> - x&#772;)(x<sub>t+k</sub> - x&#772;) (the biased, positive-definite estimator,
 * divided by n, not n - k), and &rho;<sub>k</sub> = c<sub>k</sub>/c<sub>0</sub>. A constant chain
 * has c<sub>0</sub> = 0 and undefined correlations: its &rho;<sub>k</sub> (k &ge; 1), &tau; and
 * ESS are NaN.
 *
 * <pre>
 * References: A. D. Sokal, "Monte Carlo Methods in Statistical Mechanics: Foundations and New
 * Algorithms", lecture notes, Cargese Summer School, 1996 (automatic windowing).
 * A. Gelman and D. B. Rubin, "Inference from Iterative Simulation Using Multiple Sequences",
 * Statistical Science 7(4), 457-472, 1992.
 * </pre>
 */
public final class ChainDiagnostics {

    /** Sokal's window constant c: the window M is the smallest with M &ge; c &tau;(M). */
    public static final double SOKAL_WINDOW_CONSTANT = 5.0;

    private ChainDiagnostics() {}

    /**
     * Summary of one chain: its length, mean, standard deviation, integrated autocorrelation time,
     * effective sample size and the Monte Carlo standard error of the mean.
     *
     * @param length n.
     * @param mean x&#772;.
     * @param standardDeviation The sample standard deviation (denominator n - 1).
     * @param autocorrelationTime &tau; from {@link #integratedAutocorrelationTime(double[])}.
     * @param effectiveSampleSize n / &tau;.
     * @param standardError sd / sqrt(ESS), the error bar of the mean.
     */
    public record Summary(int length, double mean, double standardDeviation,
            double autocorrelationTime, double effectiveSampleSize, double standardError) {

        /**
         * Formats the summary.
         *
         * @return E.g. "mean = 0.5012 +/- 0.0031 (tau = 19.2, ESS = 5208 of 100000)".
         */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean = %.4f +/- %.4f (tau = %.3g, ESS = %.0f of %d)",
                    mean, standardError, autocorrelationTime, effectiveSampleSize, length);
        }
    }

    /**
     * Computes the normalised autocorrelation &rho;<sub>k</sub> = c<sub>k</sub>/c<sub>0</sub> for
     * k = 0, ..., maxLag by direct sums (cost O(n &middot; maxLag)).
     *
     * @param x The chain, length n &ge; 2, finite. Not modified.
     * @param maxLag The largest lag, in [0, n - 1].
     * @return A new array of length maxLag + 1 with &rho;<sub>0</sub> = 1 (NaN beyond lag 0 if x is
     *     constant).
     * @throws IllegalArgumentException If x is null, shorter than 2 or not finite, or maxLag is out
     *     of range.
     */
    public static double[] autocorrelation(double[] x, int maxLag) {
        checkChain(x, "x");
        if (maxLag < 0 || maxLag >= x.length) {
            throw new IllegalArgumentException(
                    "maxLag must be in [0, " + (x.length - 1) + "], found " + maxLag);
        }
        double[] d = centred(x);
        double c0 = lagSum(d, 0);
        double[] rho = new double[maxLag + 1];
        rho[0] = 1.0;
        for (int k = 1; k <= maxLag; k++) {
            rho[k] = c0 == 0.0 ? Double.NaN : lagSum(d, k) / c0;
        }
        return rho;
    }

    /**
     * Estimates the integrated autocorrelation time &tau; = 1 + 2 &sum;<sub>k&ge;1</sub>
     * &rho;<sub>k</sub> with Sokal's automatic window: &tau;(M) = 1 + 2 &sum;<sub>k=1</sub><sup>M</sup>
     * &rho;<sub>k</sub> for the smallest M with M &ge; c &tau;(M), c = {@link #SOKAL_WINDOW_CONSTANT}
     * (or M = n - 1 if there is none: the chain is too short and the estimate unreliable).
     *
     * <p>&tau; is the factor by which correlation inflates the variance of the chain mean: Var(x&#772;)
     * &asymp; &tau; Var(x) / n. For an AR(1) chain x<sub>t</sub> = &phi; x<sub>t-1</sub> + noise,
     * &rho;<sub>k</sub> = &phi;<sup>k</sup> and &tau; = (1 + &phi;)/(1 - &phi;); for independent draws
     * &tau; = 1. The result is floored at 1/max(1, log<sub>10</sub> n), as Stan does, so that
     * anti-correlated chains do not give a negative or huge ESS.
     *
     * @param x The chain, length n &ge; 2, finite. Not modified.
     * @return &tau; in sweeps (steps) of the chain; NaN if x is constant.
     * @throws IllegalArgumentException If x is null, shorter than 2 or not finite.
     */
    public static double integratedAutocorrelationTime(double[] x) {
        checkChain(x, "x");
        double[] d = centred(x);
        double c0 = lagSum(d, 0);
        if (c0 == 0.0) {
            return Double.NaN;
        }
        double tau = 1.0;
        for (int m = 1; m < x.length; m++) {
            tau += 2.0 * lagSum(d, m) / c0;
            if (m >= SOKAL_WINDOW_CONSTANT * tau) {
                break;
            }
        }
        return Math.max(tau, 1.0 / Math.max(1.0, Math.log10(x.length)));
    }

    /**
     * Estimates the effective sample size ESS = n / &tau;: the number of independent draws that would
     * give the chain mean the same variance.
     *
     * @param x The chain, length n &ge; 2, finite. Not modified.
     * @return n / {@link #integratedAutocorrelationTime(double[])}; NaN if x is constant.
     * @throws IllegalArgumentException If x is null, shorter than 2 or not finite.
     */
    public static double effectiveSampleSize(double[] x) {
        double tau = integratedAutocorrelationTime(x);
        return x.length / tau;
    }

    /**
     * Computes the running mean m<sub>t</sub> = (1/(t+1)) &sum;<sub>u=0</sub><sup>t</sup>
     * x<sub>u</sub>, e.g. to watch an estimate settle.
     *
     * @param x The chain, finite, possibly empty. Not modified.
     * @return A new array of the same length.
     * @throws IllegalArgumentException If x is null or has a non-finite entry.
     */
    public static double[] runningMean(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        double[] m = new double[x.length];
        double sum = 0.0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isFinite(x[t])) {
                throw new IllegalArgumentException("x[" + t + "] must be finite, found " + x[t]);
            }
            sum += x[t];
            m[t] = sum / (t + 1);
        }
        return m;
    }

    /**
     * Computes the Gelman-Rubin potential scale reduction factor R-hat of m chains of length n.
     *
     * <p>Performs, with chain means x&#772;<sub>j</sub>, grand mean x&#772; and within-chain
     * variances s<sub>j</sub><sup>2</sup> (denominator n - 1):
     * <pre>
     *   B = n/(m-1) &sum;_j (x&#772;_j - x&#772;)^2       between-chain variance
     *   W = (1/m) &sum;_j s_j^2                 within-chain variance
     *   R-hat = sqrt(((n-1)/n W + B/n) / W)
     * </pre>
     * R-hat &asymp; 1 when all chains sample the same distribution; values above about 1.1 say the
     * chains have not mixed. Conventions for W = 0: 1 if all chains are the same constant, +Infinity
     * if they are different constants.
     *
     * @param chains The chains, at least 2, of equal length n &ge; 2, finite. Not modified.
     * @return R-hat &ge; sqrt((n-1)/n).
     * @throws IllegalArgumentException If there are fewer than 2 chains, the lengths differ or are
     *     below 2, or an entry is not finite.
     */
    public static double gelmanRubin(double[][] chains) {
        if (chains == null || chains.length < 2) {
            throw new IllegalArgumentException("chains must hold at least 2 chains, found "
                    + (chains == null ? "null" : String.valueOf(chains.length)));
        }
        int m = chains.length;
        for (int j = 0; j < m; j++) {
            checkChain(chains[j], "chains[" + j + "]");
            if (chains[j].length != chains[0].length) {
                throw new IllegalArgumentException("chains must have equal lengths, found "
                        + chains[0].length + " and " + chains[j].length + " (chain " + j + ")");
            }
        }
        int n = chains[0].length;
        double[] means = new double[m];
        double grand = 0.0;
        double within = 0.0;
        for (int j = 0; j < m; j++) {
            means[j] = mean(chains[j]);
            grand += means[j] / m;
            double ss = 0.0;
            for (double v : chains[j]) {
                ss += (v - means[j]) * (v - means[j]);
            }
            within += ss / (n - 1) / m;
        }
        double between = 0.0;
        for (double mj : means) {
            between += (mj - grand) * (mj - grand);
        }
        between *= (double) n / (m - 1);
        if (within == 0.0) {
            return between == 0.0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        double pooled = (n - 1.0) / n * within + between / n;
        return Math.sqrt(pooled / within);
    }

    /**
     * Summarises one chain: mean, standard deviation, &tau;, ESS and the standard error of the mean
     * sd / sqrt(ESS).
     *
     * @param x The chain, length n &ge; 2, finite. Not modified.
     * @return The summary (&tau;, ESS and the standard error are NaN if x is constant).
     * @throws IllegalArgumentException If x is null, shorter than 2 or not finite.
     */
    public static Summary summarize(double[] x) {
        checkChain(x, "x");
        double mean = mean(x);
        double ss = 0.0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (x.length - 1));
        double tau = integratedAutocorrelationTime(x);
        double ess = x.length / tau;
        return new Summary(x.length, mean, sd, tau, ess, sd / Math.sqrt(ess));
    }

    private static double mean(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double[] centred(double[] x) {
        double mu = mean(x);
        double[] d = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            d[t] = x[t] - mu;
        }
        return d;
    }

    /** Returns n c_k = sum_t d_t d_{t+k} (the 1/n cancels in every ratio). */
    private static double lagSum(double[] d, int k) {
        double s = 0.0;
        for (int t = 0; t + k < d.length; t++) {
            s += d[t] * d[t + k];
        }
        return s;
    }

    private static void checkChain(double[] x, String name) {
        if (x == null || x.length < 2) {
            throw new IllegalArgumentException(name + " must have length >= 2, found "
                    + (x == null ? "null" : "length " + x.length));
        }
        for (int t = 0; t < x.length; t++) {
            if (!Double.isFinite(x[t])) {
                throw new IllegalArgumentException(
                        name + "[" + t + "] must be finite, found " + x[t]);
            }
        }
    }
}
