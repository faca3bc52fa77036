package org.ebmjava.score;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ebmjava.sampling.BatchOps;

/**
 * A one-dimensional exponential family with polynomial energy, p(x) &prop; exp(-E<sub>&theta;</sub>(x)), and its two
 * estimators: score matching in closed form and maximum likelihood by Newton's method on a quadrature grid.
 *
 * <p>Performs, with sufficient statistics T<sub>k</sub>(x) = x<sup>k</sup>, k = 1, ..., K:
 * <pre>
 *   E(x) = &sum;_k &theta;_k x^k,    score s(x) = -E'(x) = -&sum;_k k &theta;_k x^(k-1),    s'(x) = -E''(x)
 * </pre>
 * The density is normalisable when K is even and &theta;<sub>K</sub> &gt; 0. The normalising constant Z(&theta;) has
 * no closed form (for K &ge; 3), yet Hyv&auml;rinen's objective is quadratic in &theta;:
 * <pre>
 *   J(&theta;) = (1/n) &sum;_i [ (1/2) (&theta;&middot;T'(x_i))^2 - &theta;&middot;T''(x_i) ] = (1/2) &theta;^T M &theta; - b^T &theta;
 *   M_jk = (1/n) &sum;_i T_j'(x_i) T_k'(x_i),    b_k = (1/n) &sum;_i T_k''(x_i)     so   &theta;_SM = M^-1 b
 * </pre>
 * Maximum likelihood needs log Z and its derivatives E<sub>&theta;</sub>[T], Cov<sub>&theta;</sub>[T]; here they come
 * from a midpoint rule on a finite grid [lo, hi] (the model truncated to the grid, which for the double wells of the
 * course loses less than 1e-12 of the mass).
 *
 * <pre>
 * References: A. Hyv&auml;rinen, "Some extensions of score matching", Computational Statistics and Data Analysis 51,
 * 2499-2512, 2007 (score matching for exponential families in closed form).
 * P. G. M. Forbes and S. Lauritzen, "Linear estimating equations for exponential families with application to
 * Gaussian linear concentration models", Linear Algebra and its Applications 473, 261-283, 2015.
 * </pre>
 */
public final class PolynomialEnergy1D {

    private final double[] theta;

    /**
     * Creates the energy E(x) = &sum;<sub>k=1..K</sub> &theta;<sub>k</sub> x<sup>k</sup>.
     *
     * @param theta The coefficients &theta;<sub>1</sub> .. &theta;<sub>K</sub>, K &ge; 1, finite. Not modified
     *     (copied).
     * @throws IllegalArgumentException If theta is null, empty or not finite.
     */
    public PolynomialEnergy1D(double... theta) {
        if (theta == null || theta.length == 0) {
            throw new IllegalArgumentException("theta: expected at least one coefficient, found "
                    + (theta == null ? "null" : "none"));
        }
        ScoreOps.checkVector(theta, theta.length, "theta");
        this.theta = theta.clone();
    }

    /**
     * Returns the coefficients.
     *
     * @return A copy of &theta;<sub>1</sub> .. &theta;<sub>K</sub>.
     */
    public double[] theta() {
        return theta.clone();
    }

    /**
     * Returns the degree K.
     *
     * @return The number of coefficients.
     */
    public int degree() {
        return theta.length;
    }

    /**
     * Says whether exp(-E) is normalisable on the real line.
     *
     * @return True if K is even and &theta;<sub>K</sub> &gt; 0.
     */
    public boolean normalisable() {
        return theta.length % 2 == 0 && theta[theta.length - 1] > 0;
    }

    /**
     * Evaluates the energy.
     *
     * @param x The point.
     * @return E(x).
     */
    public double energy(double x) {
        double e = 0.0;
        double p = x;
        for (double t : theta) {
            e += t * p;
            p *= x;
        }
        return e;
    }

    /**
     * Evaluates the score.
     *
     * @param x The point.
     * @return s(x) = -E'(x).
     */
    public double score(double x) {
        double g = 0.0;
        double p = 1.0;
        for (int k = 1; k <= theta.length; k++) {
            g += k * theta[k - 1] * p;
            p *= x;
        }
        return -g;
    }

    /**
     * Evaluates Hyv&auml;rinen's empirical objective J(&theta;) = (1/n) &sum; [(1/2) s(x<sub>i</sub>)<sup>2</sup> +
     * s'(x<sub>i</sub>)].
     *
     * @param x The data, n &ge; 1 finite values. Not modified.
     * @return J.
     * @throws IllegalArgumentException If x is empty or not finite.
     */
    public double scoreMatchingObjective(double[] x) {
        checkData(x);
        double sum = 0.0;
        for (double v : x) {
            double s = score(v);
            double ds = 0.0;
            double p = 1.0;
            for (int k = 2; k <= theta.length; k++) {
                ds -= k * (k - 1) * theta[k - 1] * p;
                p *= v;
            }
            sum += 0.5 * s * s + ds;
        }
        return sum / x.length;
    }

    /**
     * Computes log Z = log &int;<sub>lo</sub><sup>hi</sup> exp(-E(x)) dx by the midpoint rule (log-sum-exp).
     *
     * @param lo The left end of the grid, finite.
     * @param hi The right end, finite and &gt; lo.
     * @param cells The number of cells, at least 2.
     * @return log Z on the grid.
     * @throws IllegalArgumentException If the grid is invalid.
     */
    public double logPartition(double lo, double hi, int cells) {
        double[] m = gridMoments(lo, hi, cells);
        return m[0];
    }

    /**
     * Computes the negative mean log-likelihood of data under the model normalised on a grid.
     *
     * @param x The data, n &ge; 1 finite values inside [lo, hi]. Not modified.
     * @param lo The left end of the grid.
     * @param hi The right end, &gt; lo.
     * @param cells The number of cells, at least 2.
     * @return (1/n) &sum; E(x<sub>i</sub>) + log Z, in nats.
     * @throws IllegalArgumentException If x or the grid is invalid.
     */
    public double negativeLogLikelihood(double[] x, double lo, double hi, int cells) {
        checkData(x);
        double sum = 0.0;
        for (double v : x) {
            sum += energy(v);
        }
        return sum / x.length + logPartition(lo, hi, cells);
    }

    /**
     * Computes the KL divergence KL(p || q) from this density p to another q, both normalised on the same grid.
     *
     * <p>Performs KL = &sum;<sub>c</sub> p<sub>c</sub> (log p<sub>c</sub> - log q<sub>c</sub>) h over the midpoints
     * of the cells, in nats.
     *
     * @param q The other density; if it is not normalisable the result is still finite on the grid, so check
     *     {@link #normalisable()} first.
     * @param lo The left end of the grid, finite.
     * @param hi The right end, finite and &gt; lo.
     * @param cells The number of cells, at least 2.
     * @return KL(p || q) &ge; 0 (up to rounding).
     * @throws IllegalArgumentException If q is null or the grid is invalid.
     */
    public double klDivergenceTo(PolynomialEnergy1D q, double lo, double hi, int cells) {
        if (q == null) {
            throw new IllegalArgumentException("q: expected a density, found null");
        }
        double logZp = logPartition(lo, hi, cells);
        double logZq = q.logPartition(lo, hi, cells);
        double h = (hi - lo) / cells;
        double kl = 0.0;
        for (int c = 0; c < cells; c++) {
            double v = lo + (c + 0.5) * h;
            double logP = -energy(v) - logZp;
            double logQ = -q.energy(v) - logZq;
            kl += Math.exp(logP) * (logP - logQ) * h;
        }
        return kl;
    }

    /**
     * Draws exact samples (up to the grid) by inverting the cumulative distribution on a grid: a cell is chosen with
     * its probability, then a point uniformly inside it.
     *
     * @param n The number of samples, at least 1.
     * @param rng The random source (2n uniforms). Modified.
     * @param lo The left end of the grid, finite.
     * @param hi The right end, finite and &gt; lo.
     * @param cells The number of cells, at least 2.
     * @return n samples.
     * @throws IllegalArgumentException If an argument is out of range.
     */
    public double[] sample(int n, RandomGenerator rng, double lo, double hi, int cells) {
        BatchOps.requireAtLeast(n, 1, "n");
        BatchOps.requireRng(rng);
        checkGrid(lo, hi, cells);
        double h = (hi - lo) / cells;
        double[] logw = new double[cells];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cells; c++) {
            logw[c] = -energy(lo + (c + 0.5) * h);
            max = Math.max(max, logw[c]);
        }
        double[] cdf = new double[cells];
        double acc = 0.0;
        for (int c = 0; c < cells; c++) {
            acc += Math.exp(logw[c] - max);
            cdf[c] = acc;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * acc;
            int c = Arrays.binarySearch(cdf, u);
            c = c >= 0 ? c : -c - 1;
            c = Math.min(c, cells - 1);
            out[i] = lo + (c + rng.nextDouble()) * h;
        }
        return out;
    }

    /**
     * Fits a degree-K polynomial energy by score matching: the minimiser &theta; = M<sup>-1</sup> b of the quadratic
     * objective J(&theta;).
     *
     * @param x The data, n &ge; 1 finite values, spread enough that M is non-singular (at least K distinct values).
     *     Not modified.
     * @param degree K, at least 1.
     * @return The score-matching estimate (not necessarily normalisable: check {@link #normalisable()}).
     * @throws IllegalArgumentException If x is empty or not finite, degree &lt; 1, or M is singular.
     */
    public static PolynomialEnergy1D scoreMatching(double[] x, int degree) {
        checkData(x);
        BatchOps.requireAtLeast(degree, 1, "degree");
        double[][] m = new double[degree][degree];
        double[] b = new double[degree];
        double[] d1 = new double[degree];
        for (double v : x) {
            for (int k = 1; k <= degree; k++) {
                d1[k - 1] = k * Math.pow(v, k - 1);
                b[k - 1] += k >= 2 ? k * (k - 1) * Math.pow(v, k - 2) : 0.0;
            }
            for (int j = 0; j < degree; j++) {
                for (int k = 0; k < degree; k++) {
                    m[j][k] += d1[j] * d1[k];
                }
            }
        }
        for (int j = 0; j < degree; j++) {
            b[j] /= x.length;
            for (int k = 0; k < degree; k++) {
                m[j][k] /= x.length;
            }
        }
        return new PolynomialEnergy1D(ScoreOps.solve(m, b, "score-matching moment matrix M"));
    }

    /**
     * Fits a degree-K polynomial energy by maximum likelihood, normalised on a grid, by damped Newton steps: gradient
     * (1/n) &sum; T(x<sub>i</sub>) - E<sub>&theta;</sub>[T], Hessian Cov<sub>&theta;</sub>[T].
     *
     * @param x The data, n &ge; 1 finite values inside [lo, hi]. Not modified.
     * @param degree K, even and at least 2.
     * @param lo The left end of the grid, finite.
     * @param hi The right end, finite and &gt; lo.
     * @param cells The number of grid cells, at least 2.
     * @return The maximum-likelihood estimate (within a relative gradient norm of 1e-10, or after 100 steps).
     * @throws IllegalArgumentException If an argument is out of range.
     */
    public static PolynomialEnergy1D maximumLikelihood(double[] x, int degree, double lo, double hi, int cells) {
        checkData(x);
        BatchOps.requireAtLeast(degree, 2, "degree");
        if (degree % 2 != 0) {
            throw new IllegalArgumentException("degree: expected an even degree (normalisable), found " + degree);
        }
        checkGrid(lo, hi, cells);
        double mean = 0.0;
        double[] dataT = new double[degree];
        for (double v : x) {
            if (v < lo || v > hi) {
                throw new IllegalArgumentException("x: expected values inside the grid [" + lo + ", " + hi
                        + "], found " + v);
            }
            mean += v;
            double p = v;
            for (int k = 0; k < degree; k++) {
                dataT[k] += p;
                p *= v;
            }
        }
        mean /= x.length;
        double var = 0.0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var = Math.max(var / x.length, 1e-12);
        for (int k = 0; k < degree; k++) {
            dataT[k] /= x.length;
        }
        double[] theta = new double[degree];
        PolynomialEnergy1D sm = scoreMatching(x, degree);
        if (sm.normalisable()) {
            theta = sm.theta();
        } else {
            theta[0] = -mean / var;
            theta[1] = 0.5 / var;
            theta[degree - 1] += 1e-3;
        }
        double nll = nll(theta, dataT, lo, hi, cells);
        for (int iter = 0; iter < 100; iter++) {
            double[] mom = new PolynomialEnergy1D(theta).gridMoments(lo, hi, cells);
            double[] g = new double[degree];
            double[][] h = new double[degree][degree];
            double gn = 0.0;
            double tn = 0.0;
            for (int j = 0; j < degree; j++) {
                g[j] = dataT[j] - mom[1 + j];
                gn += g[j] * g[j];
                tn += dataT[j] * dataT[j];
                for (int k = 0; k < degree; k++) {
                    h[j][k] = mom[1 + degree + j * degree + k] - mom[1 + j] * mom[1 + k];
                }
            }
            if (Math.sqrt(gn) <= 1e-10 * Math.max(1.0, Math.sqrt(tn))) {
                break;
            }
            double[] step = ScoreOps.solve(h, g, "covariance of the statistics");
            double t = 1.0;
            double[] next = new double[degree];
            double nextNll = Double.POSITIVE_INFINITY;
            for (int ls = 0; ls < 40; ls++) {
                for (int j = 0; j < degree; j++) {
                    next[j] = theta[j] - t * step[j];
                }
                nextNll = next[degree - 1] > 0 ? nll(next, dataT, lo, hi, cells) : Double.POSITIVE_INFINITY;
                if (nextNll <= nll + 1e-15 * Math.abs(nll)) {
                    break;
                }
                t *= 0.5;
            }
            if (!(nextNll <= nll + 1e-15 * Math.abs(nll))) {
                break;
            }
            theta = next.clone();
            nll = nextNll;
        }
        return new PolynomialEnergy1D(theta);
    }

    /**
     * Describes the energy.
     *
     * @return E.g. "PolynomialEnergy1D[theta=[0.3, -1.0, 0.0, 0.25]]".
     */
    @Override
    public String toString() {
        return "PolynomialEnergy1D[theta=" + Arrays.toString(theta) + "]";
    }

    private static double nll(double[] theta, double[] dataT, double lo, double hi, int cells) {
        double s = 0.0;
        for (int k = 0; k < theta.length; k++) {
            s += theta[k] * dataT[k];
        }
        return s + new PolynomialEnergy1D(theta).logPartition(lo, hi, cells);
    }

    /** [log Z, E[T_1..T_K], E[T_j T_k] row-major] on the grid. */
    private double[] gridMoments(double lo, double hi, int cells) {
        checkGrid(lo, hi, cells);
        int k = theta.length;
        double h = (hi - lo) / cells;
        double max = Double.NEGATIVE_INFINITY;
        double[] logw = new double[cells];
        for (int c = 0; c < cells; c++) {
            logw[c] = -energy(lo + (c + 0.5) * h);
            max = Math.max(max, logw[c]);
        }
        double[] out = new double[1 + k + k * k];
        double z = 0.0;
        double[] t = new double[k];
        for (int c = 0; c < cells; c++) {
            double w = Math.exp(logw[c] - max);
            z += w;
            double v = lo + (c + 0.5) * h;
            double p = v;
            for (int j = 0; j < k; j++) {
                t[j] = p;
                p *= v;
            }
            for (int j = 0; j < k; j++) {
                out[1 + j] += w * t[j];
                for (int l = 0; l < k; l++) {
                    out[1 + k + j * k + l] += w * t[j] * t[l];
                }
            }
        }
        for (int j = 1; j < out.length; j++) {
            out[j] /= z;
        }
        out[0] = max + Math.log(z * h);
        return out;
    }

    private static void checkGrid(double lo, double hi, int cells) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException("lo, hi: expected finite lo < hi, found lo = " + lo + ", hi = " + hi);
        }
        BatchOps.requireAtLeast(cells, 2, "cells");
    }

    private static void checkData(double[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("x: expected at least one value, found "
                    + (x == null ? "null" : "none"));
        }
        ScoreOps.checkVector(x, x.length, "x");
    }
}
