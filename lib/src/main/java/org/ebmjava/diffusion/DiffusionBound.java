package org.ebmjava.diffusion;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ebmjava.stats.GaussianOps;

/**
 * The variational bound of a DDPM on the negative log-likelihood of data, term by term (Sohl-Dickstein et al.
 * 2015; Ho et al. 2020, eq. 5):
 * <pre>
 *   -log p_&theta;(x_0) &le; L = L_T + &sum;_{t=2..T} L_{t-1} + L_0,
 *   L_T     = KL( q(x_T | x_0) || N(0, I) )                                        no parameters
 *   L_{t-1} = E_q KL( q(x_{t-1} | x_t, x_0) || p_&theta;(x_{t-1} | x_t) )
 *           = E_q [ |&mu;&#771;_t - &mu;_&theta;|^2 / (2 &sigma;_t^2) ] + d (&beta;&#771;_t/&sigma;_t^2 - 1 - log(&beta;&#771;_t/&sigma;_t^2)) / 2
 *           = E_q [ &beta;_t^2 / (2 &sigma;_t^2 &alpha;_t (1 - &alpha;&#772;_t)) |&epsilon; - &epsilon;_&theta;(x_t, t)|^2 ] + (variance term)
 *   L_0     = -E_q log N( x_0; &mu;_&theta;(x_1, 1), &sigma;_1^2 I )
 * </pre>
 * The third line is why DDPM trains on |&epsilon; - &epsilon;<sub>&theta;</sub>|<sup>2</sup>: each transition term is a
 * weighted noise-prediction error, and dropping the weights gives Ho et al.'s "simple" loss. The decoder
 * L<sub>0</sub> is Gaussian with variance &beta;<sub>1</sub> under either {@link ReverseVariance} (&beta;&#771;<sub>1</sub> = 0),
 * suited to continuous data such as 2D points (Ho et al. use a discrete decoder for images), so L is a
 * bound on the differential NLL and may be negative.
 *
 * <p>Each expectation over q is estimated with one draw of x<sub>t</sub> ~ q(x<sub>t</sub> | x<sub>0</sub>) per data
 * point and step (seeded), and every KL between Gaussians is exact ({@link GaussianOps#kl}); terms are
 * averaged over the points. Cost: T predictor calls per chunk of points. Units: nats per point;
 * {@link Result#bitsPerDimension()} divides by d log 2.
 *
 * <pre>
 * J. Sohl-Dickstein, E. Weiss, N. Maheswaranathan and S. Ganguli, "Deep Unsupervised Learning using
 * Nonequilibrium Thermodynamics", ICML 2015.
 * J. Ho, A. Jain and P. Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020.
 * </pre>
 */
public final class DiffusionBound {

    private final GaussianDiffusion diffusion;
    private final ReverseVariance variance;
    private final int chunk;

    /**
     * The bound's terms, averaged over the data points.
     *
     * @param prior L<sub>T</sub>, nats per point.
     * @param transitions Entry t (2 &le; t &le; T) holds L<sub>t-1</sub>, nats per point; entries 0 and 1 are 0.
     * @param reconstruction L<sub>0</sub>, nats per point.
     * @param dimension The data dimension d.
     * @param points The number of data points averaged over.
     */
    public record Result(double prior, double[] transitions, double reconstruction, int dimension, int points) {

        /**
         * Returns L = L<sub>T</sub> + &sum; L<sub>t-1</sub> + L<sub>0</sub>.
         *
         * @return The bound, nats per point.
         */
        public double total() {
            double s = prior + reconstruction;
            for (double v : transitions) {
                s += v;
            }
            return s;
        }

        /**
         * Returns the bound in bits per point.
         *
         * @return L / log 2.
         */
        public double bitsPerPoint() {
            return GaussianOps.toBits(total());
        }

        /**
         * Returns the bound in nats per dimension.
         *
         * @return L / d.
         */
        public double natsPerDimension() {
            return total() / dimension;
        }

        /**
         * Returns the bound in bits per dimension.
         *
         * @return L / (d log 2).
         */
        public double bitsPerDimension() {
            return bitsPerPoint() / dimension;
        }

        /**
         * Returns the transition terms.
         *
         * @return A copy; entry t holds L<sub>t-1</sub>.
         */
        @Override
        public double[] transitions() {
            return transitions.clone();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "DiffusionBound.Result[L=%.5g nats/point (%.4g bits/dim): L_T=%.3g, sum L_t-1=%.5g, L_0=%.5g, n=%d]",
                    total(), bitsPerDimension(), prior, total() - prior - reconstruction, reconstruction, points);
        }
    }

    /**
     * Creates the estimator calling the predictor with up to {@link DdpmSampler#DEFAULT_CHUNK} rows.
     *
     * @param diffusion The process. Must not be null.
     * @param variance The reverse variance of the model. Must not be null.
     * @throws IllegalArgumentException If an argument is null.
     */
    public DiffusionBound(GaussianDiffusion diffusion, ReverseVariance variance) {
        this(diffusion, variance, DdpmSampler.DEFAULT_CHUNK);
    }

    /**
     * Creates the estimator.
     *
     * @param diffusion The process. Must not be null.
     * @param variance The reverse variance of the model. Must not be null.
     * @param chunk The most rows per predictor call, &ge; 1.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public DiffusionBound(GaussianDiffusion diffusion, ReverseVariance variance, int chunk) {
        this.chunk = GaussianDiffusion.checkSetup(diffusion, variance, chunk);
        this.diffusion = diffusion;
        this.variance = variance;
    }

    /**
     * Estimates the bound on data points.
     *
     * @param model The noise predictor, of the process's dimension.
     * @param x0 The data points, n&middot;d floats. Not modified.
     * @param n The number of points, &ge; 1.
     * @param rng The source of the forward noise. Advanced.
     * @return The terms, averaged over the points.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public Result evaluate(NoisePredictor model, float[] x0, int n, RandomGenerator rng) {
        int d = diffusion.dimension();
        diffusion.checkModel(model);
        if (n < 1 || x0 == null || x0.length < (long) n * d || rng == null) {
            throw new IllegalArgumentException("need n >= 1, x0 with n*d floats and an rng");
        }
        VarianceSchedule s = diffusion.schedule();
        int steps = diffusion.steps();
        double abT = s.alphaBar(steps);
        double prior = 0.0;
        for (int j = 0; j < n * d; j++) {
            prior += GaussianOps.kl(Math.sqrt(abT) * x0[j], 1.0 - abT, 0.0, 1.0);
        }
        prior /= n;

        float[] xt = new float[n * d];
        float[] eps = new float[n * d];
        float[] mu = new float[n * d];
        double[] transitions = new double[steps + 1];
        double reconstruction = 0.0;
        for (int t = 1; t <= steps; t++) {
            diffusion.sampleMarginal(x0, n, t, rng, xt, eps);
            diffusion.reverseMeans(model, xt, n, t, chunk, mu);
            if (t == 1) {
                double v1 = s.beta(1);
                double sum = 0.0;
                for (int j = 0; j < n * d; j++) {
                    sum -= GaussianOps.logDensity(x0[j], mu[j], v1);
                }
                reconstruction = sum / n;
            } else {
                double[] c = diffusion.posteriorMeanCoefficients(t);
                double postVar = s.posteriorVariance(t);
                double modelVar = variance.variance(s, t);
                double sum = 0.0;
                for (int j = 0; j < n * d; j++) {
                    double tilde = c[0] * x0[j] + c[1] * xt[j];
                    sum += GaussianOps.kl(tilde, postVar, mu[j], modelVar);
                }
                transitions[t] = sum / n;
            }
        }
        return new Result(prior, transitions, reconstruction, d, n);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DiffusionBound[%s, sigma^2=%s, chunk=%d]", diffusion, variance, chunk);
    }
}
