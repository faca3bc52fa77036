package org.ebmjava.inference;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ebmjava.landscape.Energy1D;

/**
 * The posterior of the weight w of a one-feature logistic regression with a Gaussian prior: a
 * non-conjugate, skewed posterior with no closed form, for comparing variational inference with the
 * exact (gridded) answer.
 *
 * <p>Labels y<sub>i</sub> &isin; {0, 1} with p(y = 1 | x, w) = &sigma;(w x) and prior w ~ N(0,
 * s<sub>0</sub><sup>2</sup>). With signs t<sub>i</sub> = 2 y<sub>i</sub> - 1 the energy is
 * <pre>
 *   E(w) = &sum;_i softplus(-t_i w x_i) + w^2 / (2 s_0^2) + log(2 &pi; s_0^2)/2,
 *   dE/dw = -&sum;_i t_i x_i &sigma;(-t_i w x_i) + w / s_0^2,
 * </pre>
 * with softplus(z) = log(1 + e<sup>z</sup>) evaluated stably, so Z = &int; exp(-E) dw is the evidence. On
 * nearly separable data the likelihood keeps rising towards one side and the prior alone stops it: the
 * posterior then has a steep flank and a long tail, which a Gaussian cannot follow.
 *
 * <pre>
 * C. M. Bishop, "Pattern Recognition and Machine Learning", Springer, 2006, section 4.5 (Bayesian
 * logistic regression) and section 10.6 (its variational treatment).
 * </pre>
 */
public final class LogisticRegressionPosterior implements Energy1D {

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private final double[] x;
    private final int[] y;
    private final double priorStd;

    /**
     * Creates the posterior for given data.
     *
     * @param x The feature values x<sub>i</sub>, finite. Not modified (copied).
     * @param y The labels y<sub>i</sub> &isin; {0, 1}, same length. Not modified (copied).
     * @param priorStd The prior standard deviation s<sub>0</sub>. Must be finite and &gt; 0.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public LogisticRegressionPosterior(double[] x, int[] y, double priorStd) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("x and y must be non-null arrays of the same length, found "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        for (int i = 0; i < x.length; i++) {
            Checks.finite(x[i], "x[" + i + "]");
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y[" + i + "] must be 0 or 1, found " + y[i]);
            }
        }
        Checks.positive(priorStd, "priorStd");
        this.x = x.clone();
        this.y = y.clone();
        this.priorStd = priorStd;
    }

    /**
     * Draws a synthetic data set: x<sub>i</sub> ~ N(0, 1), y<sub>i</sub> ~ Bernoulli(&sigma;(w x<sub>i</sub>)).
     *
     * @param n The number of points, &ge; 0.
     * @param trueWeight The weight w that generates the labels. Must be finite.
     * @param priorStd The prior standard deviation s<sub>0</sub>. Must be finite and &gt; 0.
     * @param rng The source of randomness. Advanced by 2n draws.
     * @return The posterior for the drawn data.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static LogisticRegressionPosterior synthetic(int n, double trueWeight, double priorStd,
            RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        Checks.finite(trueWeight, "trueWeight");
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        double[] x = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
            y[i] = rng.nextDouble() < LogisticOps.sigmoid(trueWeight * x[i]) ? 1 : 0;
        }
        return new LogisticRegressionPosterior(x, y, priorStd);
    }

    @Override
    public double value(double w) {
        double e = 0.0;
        for (int i = 0; i < x.length; i++) {
            e += LogisticOps.softplus(-sign(i) * w * x[i]);
        }
        return e + w * w / (2.0 * priorStd * priorStd) + 0.5 * (LOG_2PI + 2.0 * Math.log(priorStd));
    }

    @Override
    public double derivative(double w) {
        double g = 0.0;
        for (int i = 0; i < x.length; i++) {
            double t = sign(i);
            g -= t * x[i] * LogisticOps.sigmoid(-t * w * x[i]);
        }
        return g + w / (priorStd * priorStd);
    }

    /**
     * Returns the second derivative, d<sup>2</sup>E/dw<sup>2</sup> = &sum;<sub>i</sub> x<sub>i</sub><sup>2</sup>
     * &sigma;(w x<sub>i</sub>)(1 - &sigma;(w x<sub>i</sub>)) + 1/s<sub>0</sub><sup>2</sup> &gt; 0 (E is convex).
     *
     * @param w The weight.
     * @return The curvature at w; its inverse at the MAP is the Laplace approximation's variance.
     */
    public double secondDerivative(double w) {
        double h = 0.0;
        for (double xi : x) {
            double s = LogisticOps.sigmoid(w * xi);
            h += xi * xi * s * (1.0 - s);
        }
        return h + 1.0 / (priorStd * priorStd);
    }

    /**
     * Finds the MAP weight by Newton's method (E is strictly convex).
     *
     * @return argmin E, to about 1e-12 relative.
     */
    public double map() {
        double w = 0.0;
        for (int it = 0; it < 100; it++) {
            double step = derivative(w) / secondDerivative(w);
            w -= step;
            if (Math.abs(step) < 1e-13 * (1.0 + Math.abs(w))) {
                break;
            }
        }
        return w;
    }

    /**
     * Returns the Laplace approximation N(w<sub>MAP</sub>, 1/E''(w<sub>MAP</sub>)), the Gaussian that matches
     * the curvature at the mode.
     *
     * @return The Laplace approximation.
     */
    public NormalDensity laplace() {
        double m = map();
        return new NormalDensity(m, 1.0 / Math.sqrt(secondDerivative(m)));
    }

    /**
     * Returns the number of data points.
     *
     * @return n.
     */
    public int size() {
        return x.length;
    }

    @Override
    public String name() {
        int ones = 0;
        for (int v : y) {
            ones += v;
        }
        return String.format(Locale.ROOT, "LogisticRegressionPosterior(n=%d, %d positive, prior sd %.4g)", x.length,
                ones, priorStd);
    }

    @Override
    public String toString() {
        return name();
    }

    private double sign(int i) {
        return y[i] == 1 ? 1.0 : -1.0;
    }
}
