package org.ebmjava.diffusion;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ebmjava.thermo.ThermoOps;

/**
 * The Bayes-optimal noise prediction E[&epsilon; | x<sub>t</sub>] for data from a known Gaussian mixture with
 * diagonal covariances: an oracle that the sampler and the bound can be tested with before any network is
 * trained, and the target a trained network should approach.
 *
 * <p>The data are x<sub>0</sub> ~ &sum;<sub>k</sub> w<sub>k</sub> N(m<sub>k</sub>, diag(s<sub>k</sub><sup>2</sup>)). The forward
 * marginal is again a mixture, q(x<sub>t</sub>) = &sum;<sub>k</sub> w<sub>k</sub> N(sqrt(&alpha;&#772;<sub>t</sub>) m<sub>k</sub>,
 * diag(v<sub>k</sub>)) with v<sub>k</sub> = &alpha;&#772;<sub>t</sub> s<sub>k</sub><sup>2</sup> + 1 - &alpha;&#772;<sub>t</sub>, so its score is exact:
 * <pre>
 *   &nabla; log q(x_t) = &sum;_k r_k(x_t) ( -(x_t - sqrt(&alpha;&#772;_t) m_k) / v_k ),     r_k = responsibilities of the components at x_t
 *   &epsilon;*(x_t, t)    = E[&epsilon; | x_t] = -sqrt(1 - &alpha;&#772;_t) &nabla; log q(x_t)         (Tweedie's formula)
 * </pre>
 * For one Gaussian (K = 1) the optimum is linear in x<sub>t</sub>: (x<sub>t</sub>, &epsilon;) is jointly Gaussian with
 * Cov(&epsilon;, x<sub>t</sub>) = sqrt(1 - &alpha;&#772;<sub>t</sub>) and Var(x<sub>t</sub>) = v, so
 * <pre>
 *   &epsilon;*(x_t, t) = sqrt(1 - &alpha;&#772;_t) (x_t - sqrt(&alpha;&#772;_t) m) / (&alpha;&#772;_t s^2 + 1 - &alpha;&#772;_t),
 * </pre>
 * the regression of &epsilon; on x<sub>t</sub>. For unit-variance data (s = 1) it is sqrt(1 - &alpha;&#772;<sub>t</sub>)
 * (x<sub>t</sub> - sqrt(&alpha;&#772;<sub>t</sub>) m). Instances are immutable and thread-safe.
 *
 * <pre>
 * B. Efron, "Tweedie's Formula and Selection Bias", Journal of the American Statistical Association
 * 106(496), 2011.
 * Y. Song et al., "Score-Based Generative Modeling through Stochastic Differential Equations", ICLR 2021
 * (variance-preserving and variance-exploding processes).
 * </pre>
 */
public final class ExactNoisePredictor implements NoisePredictor {

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private final VarianceSchedule schedule;
    private final double[] logWeights;
    private final double[] weights;
    private final double[][] means;
    private final double[][] variances;
    private final int dimension;

    private ExactNoisePredictor(VarianceSchedule schedule, double[] weights, double[][] means, double[][] stds) {
        if (schedule == null || weights == null || means == null || stds == null) {
            throw new IllegalArgumentException("schedule, weights, means and stds must not be null");
        }
        int k = weights.length;
        if (k == 0 || means.length != k || stds.length != k) {
            throw new IllegalArgumentException("need K >= 1 components with K weights, means and stds, found "
                    + k + ", " + means.length + ", " + stds.length);
        }
        int d = means[0] == null ? 0 : means[0].length;
        if (d < 1) {
            throw new IllegalArgumentException("means[0] must have dimension >= 1");
        }
        this.schedule = schedule;
        this.dimension = d;
        this.weights = new double[k];
        this.logWeights = new double[k];
        this.means = new double[k][];
        this.variances = new double[k][d];
        double sum = 0.0;
        for (int c = 0; c < k; c++) {
            if (!(weights[c] > 0.0) || Double.isInfinite(weights[c])) {
                throw new IllegalArgumentException("weights[" + c + "] must be finite and > 0, found " + weights[c]);
            }
            if (means[c] == null || means[c].length != d || stds[c] == null || stds[c].length != d) {
                throw new IllegalArgumentException("means[" + c + "] and stds[" + c + "] must have dimension " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(means[c][j]) || !(stds[c][j] > 0.0) || Double.isInfinite(stds[c][j])) {
                    throw new IllegalArgumentException("component " + c + ", dimension " + j
                            + ": need a finite mean and a finite std > 0");
                }
                variances[c][j] = stds[c][j] * stds[c][j];
            }
            this.means[c] = means[c].clone();
            sum += weights[c];
        }
        if (Math.abs(sum - 1.0) > 1e-9) {
            throw new IllegalArgumentException("weights must sum to 1, found " + sum);
        }
        for (int c = 0; c < k; c++) {
            this.weights[c] = weights[c];
            this.logWeights[c] = Math.log(weights[c]);
        }
    }

    /**
     * The oracle for Gaussian data N(mean, diag(std<sup>2</sup>)).
     *
     * @param schedule The variance schedule. Must not be null.
     * @param mean The data mean, length d. Not modified (copied).
     * @param std The per-dimension standard deviations, length d, each &gt; 0. Not modified (copied).
     * @return The oracle.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static ExactNoisePredictor gaussian(VarianceSchedule schedule, double[] mean, double[] std) {
        return new ExactNoisePredictor(schedule, new double[] {1.0}, new double[][] {mean}, new double[][] {std});
    }

    /**
     * The oracle for a Gaussian mixture with diagonal covariances.
     *
     * @param schedule The variance schedule. Must not be null.
     * @param weights The mixture weights, each &gt; 0, summing to 1. Not modified (copied).
     * @param means The component means, K x d. Not modified (copied).
     * @param stds The component standard deviations, K x d, each &gt; 0. Not modified (copied).
     * @return The oracle.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static ExactNoisePredictor mixture(VarianceSchedule schedule, double[] weights, double[][] means,
            double[][] stds) {
        return new ExactNoisePredictor(schedule, weights, means, stds);
    }

    /**
     * The oracle for data from notebook 06's isotropic mixture, so that score matching and diffusion share one
     * data description.
     *
     * <p>The variance-preserving marginal at step t is the variance-exploding one of the mixture, rescaled:
     * x<sub>t</sub>/sqrt(&alpha;&#772;<sub>t</sub>) = x<sub>0</sub> + &sigma;<sub>t</sub> &epsilon; with &sigma;<sub>t</sub><sup>2</sup> =
     * (1 - &alpha;&#772;<sub>t</sub>)/&alpha;&#772;<sub>t</sub>, so the score here at x equals the mixture's
     * {@link org.ebmjava.sampling.GaussianMixture#noisyScore()} at level &sigma;<sub>t</sub> and point
     * x/sqrt(&alpha;&#772;<sub>t</sub>), divided by sqrt(&alpha;&#772;<sub>t</sub>) (Song et al. 2021).
     *
     * @param schedule The variance schedule. Must not be null.
     * @param data The data distribution. Must not be null.
     * @return The oracle.
     * @throws IllegalArgumentException If an argument is null.
     */
    public static ExactNoisePredictor of(VarianceSchedule schedule, org.ebmjava.sampling.GaussianMixture data) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        double[] s = data.stds();
        double[][] means = data.means();
        double[][] stds = new double[s.length][means[0].length];
        for (int c = 0; c < s.length; c++) {
            java.util.Arrays.fill(stds[c], s[c]);
        }
        return new ExactNoisePredictor(schedule, data.weights(), means, stds);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void predict(float[] x, int n, int[] t, float[] out) {
        if (n < 0 || x == null || out == null || t == null || x.length < (long) n * dimension
                || out.length < (long) n * dimension || t.length < n) {
            throw new IllegalArgumentException("x and out need n*d = " + (long) n * dimension
                    + " floats and t needs n = " + n + " steps");
        }
        double[] row = new double[dimension];
        double[] s = new double[dimension];
        for (int i = 0; i < n; i++) {
            schedule.checkStep(t[i]);
            for (int j = 0; j < dimension; j++) {
                row[j] = x[i * dimension + j];
            }
            scoreInto(row, t[i], s);
            double c = -Math.sqrt(1.0 - schedule.alphaBar(t[i]));
            for (int j = 0; j < dimension; j++) {
                out[i * dimension + j] = (float) (c * s[j]);
            }
        }
    }

    /**
     * Returns the exact score of the forward marginal.
     *
     * @param x The point, length d. Not modified.
     * @param t The step, 0 &le; t &le; T (t = 0: the data density).
     * @return &nabla;<sub>x</sub> log q(x<sub>t</sub> = x).
     * @throws IllegalArgumentException If x has the wrong length or t is out of range.
     */
    public double[] score(double[] x, int t) {
        checkPoint(x);
        double[] s = new double[dimension];
        scoreInto(x, t, s);
        return s;
    }

    /**
     * Returns the log density of the forward marginal.
     *
     * @param x The point, length d. Not modified.
     * @param t The step, 0 &le; t &le; T (t = 0: the data density).
     * @return log q(x<sub>t</sub> = x), nats.
     * @throws IllegalArgumentException If x has the wrong length or t is out of range.
     */
    public double marginalLogDensity(double[] x, int t) {
        checkPoint(x);
        return ThermoOps.logSumExp(componentLogDensities(x, t));
    }

    /**
     * Draws data points x<sub>0</sub>.
     *
     * @param n The number of points, &ge; 0.
     * @param rng The source of randomness. Advanced.
     * @return A new n x d array.
     * @throws IllegalArgumentException If n &lt; 0 or rng is null.
     */
    public double[][] sampleData(int n, RandomGenerator rng) {
        if (n < 0 || rng == null) {
            throw new IllegalArgumentException("need n >= 0 and an rng");
        }
        double[][] out = new double[n][dimension];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int c = 0;
            double acc = weights[0];
            while (u >= acc && c < weights.length - 1) {
                c++;
                acc += weights[c];
            }
            for (int j = 0; j < dimension; j++) {
                out[i][j] = means[c][j] + Math.sqrt(variances[c][j]) * rng.nextGaussian();
            }
        }
        return out;
    }

    /**
     * Returns the data mean, &sum;<sub>k</sub> w<sub>k</sub> m<sub>k</sub>.
     *
     * @return A new array of length d.
     */
    public double[] dataMean() {
        double[] m = new double[dimension];
        for (int c = 0; c < weights.length; c++) {
            for (int j = 0; j < dimension; j++) {
                m[j] += weights[c] * means[c][j];
            }
        }
        return m;
    }

    /**
     * Returns the data variance per dimension, &sum;<sub>k</sub> w<sub>k</sub> (s<sub>k</sub><sup>2</sup> + m<sub>k</sub><sup>2</sup>) - mean<sup>2</sup>.
     *
     * @return A new array of length d.
     */
    public double[] dataVariance() {
        double[] m = dataMean();
        double[] v = new double[dimension];
        for (int c = 0; c < weights.length; c++) {
            for (int j = 0; j < dimension; j++) {
                v[j] += weights[c] * (variances[c][j] + means[c][j] * means[c][j]);
            }
        }
        for (int j = 0; j < dimension; j++) {
            v[j] -= m[j] * m[j];
        }
        return v;
    }

    /**
     * Returns the number of mixture components.
     *
     * @return K.
     */
    public int components() {
        return weights.length;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ExactNoisePredictor[K=%d, d=%d, %s]", weights.length, dimension,
                schedule.name());
    }

    private void scoreInto(double[] x, int t, double[] s) {
        double ab = schedule.alphaBar(t);
        double sq = Math.sqrt(ab);
        double[] logR = componentLogDensities(x, t);
        double lse = ThermoOps.logSumExp(logR);
        java.util.Arrays.fill(s, 0.0);
        for (int c = 0; c < logR.length; c++) {
            double r = Math.exp(logR[c] - lse);
            for (int j = 0; j < dimension; j++) {
                double v = ab * variances[c][j] + 1.0 - ab;
                s[j] -= r * (x[j] - sq * means[c][j]) / v;
            }
        }
    }

    /** log w_k + log N(x; sqrt(abar) m_k, diag(v_k)) for each component. */
    private double[] componentLogDensities(double[] x, int t) {
        double ab = schedule.alphaBar(t);
        double sq = Math.sqrt(ab);
        double[] out = new double[weights.length];
        for (int c = 0; c < weights.length; c++) {
            double lp = logWeights[c];
            for (int j = 0; j < dimension; j++) {
                double v = ab * variances[c][j] + 1.0 - ab;
                double dlt = x[j] - sq * means[c][j];
                lp += -0.5 * dlt * dlt / v - 0.5 * (LOG_2PI + Math.log(v));
            }
            out[c] = lp;
        }
        return out;
    }

    private void checkPoint(double[] x) {
        if (x == null || x.length != dimension) {
            throw new IllegalArgumentException("x must have length " + dimension + ", found "
                    + (x == null ? "null" : x.length));
        }
    }
}
