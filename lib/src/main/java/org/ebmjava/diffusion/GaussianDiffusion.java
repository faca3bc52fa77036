package org.ebmjava.diffusion;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ebmjava.sampling.BatchScore;
import org.ebmjava.stats.GaussianOps;

/**
 * The forward (noising) process of a Gaussian diffusion of d-dimensional data, and the closed forms that
 * connect a noise prediction to the reverse process and to the score.
 *
 * <p>Forward process, with the schedule's &beta;<sub>t</sub>, &alpha;<sub>t</sub> = 1 - &beta;<sub>t</sub> and
 * &alpha;&#772;<sub>t</sub> (Ho et al. 2020, eq. 2 and 4):
 * <pre>
 *   q(x_t | x_{t-1}) = N( sqrt(&alpha;_t) x_{t-1}, &beta;_t I )
 *   q(x_t | x_0)     = N( sqrt(&alpha;&#772;_t) x_0, (1 - &alpha;&#772;_t) I ),   i.e.  x_t = sqrt(&alpha;&#772;_t) x_0 + sqrt(1 - &alpha;&#772;_t) &epsilon;
 * </pre>
 * Forward posterior (eq. 6 and 7), by Bayes' rule on the two Gaussians above:
 * <pre>
 *   q(x_{t-1} | x_t, x_0) = N( &mu;&#771;_t, &beta;&#771;_t I ),
 *   &mu;&#771;_t = sqrt(&alpha;&#772;_{t-1}) &beta;_t / (1 - &alpha;&#772;_t) x_0 + sqrt(&alpha;_t) (1 - &alpha;&#772;_{t-1}) / (1 - &alpha;&#772;_t) x_t
 * </pre>
 * A noise prediction &epsilon;&#770; &asymp; E[&epsilon; | x<sub>t</sub>] gives, by substituting x<sub>0</sub> =
 * (x<sub>t</sub> - sqrt(1 - &alpha;&#772;<sub>t</sub>) &epsilon;)/sqrt(&alpha;&#772;<sub>t</sub>):
 * <pre>
 *   x&#770;_0 = (x_t - sqrt(1 - &alpha;&#772;_t) &epsilon;&#770;) / sqrt(&alpha;&#772;_t)                     the denoised estimate
 *   &mu;_&theta; = (x_t - &beta;_t / sqrt(1 - &alpha;&#772;_t) &epsilon;&#770;) / sqrt(&alpha;_t)                the reverse mean (eq. 11)
 *   s = &nabla; log q(x_t) = -E[&epsilon; | x_t] / sqrt(1 - &alpha;&#772;_t)  &asymp; -&epsilon;&#770; / sqrt(1 - &alpha;&#772;_t)   the score (Tweedie)
 * </pre>
 * The last line is the link to denoising score matching (notebook 06): since the gradient in x<sub>t</sub> of log
 * q(x<sub>t</sub> | x<sub>0</sub>) = -&epsilon;/sqrt(1 - &alpha;&#772;<sub>t</sub>), the noise-prediction loss
 * E|&epsilon; - &epsilon;&#770;|<sup>2</sup> equals (1 - &alpha;&#772;<sub>t</sub>) times the denoising score matching
 * loss at noise level t, so a DDPM network is a noise-conditional score network.
 *
 * <p>For Gaussian data x<sub>0</sub> ~ N(m, s<sup>2</sup>) (per dimension) the forward marginal stays Gaussian,
 * N(sqrt(&alpha;&#772;<sub>t</sub>) m, &alpha;&#772;<sub>t</sub> s<sup>2</sup> + 1 - &alpha;&#772;<sub>t</sub>), and drifts to the
 * equilibrium N(0, 1): its relative entropy to equilibrium, KL(q<sub>t</sub> || N(0, 1)) (a non-equilibrium free
 * energy F[q<sub>t</sub>] - F<sub>eq</sub> with energy |x|<sup>2</sup>/2 at T = 1), falls monotonically, while the
 * entropy of the noise added, H(x<sub>t</sub> | x<sub>0</sub>) = log(2&pi;e(1 - &alpha;&#772;<sub>t</sub>))/2, rises.
 * The marginal entropy itself rises towards log(2&pi;e)/2 when s &lt; 1 and falls towards it when s &gt; 1.
 *
 * <p>Batches are row-major float arrays of n&middot;d values, as everywhere in the course; closed forms are
 * evaluated in double precision. Instances are immutable.
 *
 * <pre>
 * J. Sohl-Dickstein, E. Weiss, N. Maheswaranathan and S. Ganguli, "Deep Unsupervised Learning using
 * Nonequilibrium Thermodynamics", ICML 2015.
 * J. Ho, A. Jain and P. Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020.
 * P. Vincent, "A Connection Between Score Matching and Denoising Autoencoders", Neural Computation 23(7),
 * 2011.
 * </pre>
 */
public final class GaussianDiffusion {

    private final VarianceSchedule schedule;
    private final int dimension;

    /**
     * Creates the process.
     *
     * @param schedule The variance schedule. Must not be null.
     * @param dimension The data dimension d, &ge; 1.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public GaussianDiffusion(VarianceSchedule schedule, int dimension) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, found " + dimension);
        }
        this.schedule = schedule;
        this.dimension = dimension;
    }

    /**
     * Returns the schedule.
     *
     * @return The variance schedule.
     */
    public VarianceSchedule schedule() {
        return schedule;
    }

    /**
     * Returns the data dimension.
     *
     * @return d.
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Returns the number of steps.
     *
     * @return T.
     */
    public int steps() {
        return schedule.steps();
    }

    /**
     * Samples x<sub>t</sub> ~ q(x<sub>t</sub> | x<sub>0</sub>) with a step per row, returning the noise used
     * (the regression target of DDPM training).
     *
     * @param x0 The clean points, n&middot;d floats. Not modified.
     * @param n The number of points.
     * @param t The step of each row, 1 &le; t[i] &le; T. Not modified.
     * @param rng The source of the noise. Advanced by n&middot;d Gaussian draws, row by row.
     * @param xt Receives x<sub>t</sub>. Modified.
     * @param eps Receives &epsilon;. Modified.
     * @throws IllegalArgumentException If an array is too short or a step is out of range.
     */
    public void sampleMarginal(float[] x0, int n, int[] t, RandomGenerator rng, float[] xt, float[] eps) {
        checkBatch(n, "x0", x0, "xt", xt, "eps", eps);
        checkSteps(t, n);
        for (int i = 0; i < n; i++) {
            double ab = schedule.alphaBar(t[i]);
            double a = Math.sqrt(ab);
            double b = Math.sqrt(1.0 - ab);
            for (int j = i * dimension; j < (i + 1) * dimension; j++) {
                float e = (float) rng.nextGaussian();
                eps[j] = e;
                xt[j] = (float) (a * x0[j] + b * e);
            }
        }
    }

    /**
     * Samples x<sub>t</sub> ~ q(x<sub>t</sub> | x<sub>0</sub>) at one step for all rows.
     *
     * @param x0 The clean points, n&middot;d floats. Not modified.
     * @param n The number of points.
     * @param t The step, 1 &le; t &le; T.
     * @param rng The source of the noise. Advanced by n&middot;d Gaussian draws.
     * @param xt Receives x<sub>t</sub>. Modified.
     * @param eps Receives &epsilon;. Modified.
     * @throws IllegalArgumentException If an array is too short or t is out of range.
     */
    public void sampleMarginal(float[] x0, int n, int t, RandomGenerator rng, float[] xt, float[] eps) {
        sampleMarginal(x0, n, constantSteps(n, t), rng, xt, eps);
    }

    /**
     * Takes one forward step, x<sub>t</sub> ~ q(x<sub>t</sub> | x<sub>t-1</sub>) = N(sqrt(&alpha;<sub>t</sub>)
     * x<sub>t-1</sub>, &beta;<sub>t</sub> I).
     *
     * @param previous The points x<sub>t-1</sub>, n&middot;d floats. Not modified.
     * @param n The number of points.
     * @param t The step, 1 &le; t &le; T.
     * @param rng The source of the noise. Advanced by n&middot;d Gaussian draws.
     * @param out Receives x<sub>t</sub>; may be the same array as previous. Modified.
     * @throws IllegalArgumentException If an array is too short or t is out of range.
     */
    public void step(float[] previous, int n, int t, RandomGenerator rng, float[] out) {
        checkBatch(n, "previous", previous, "out", out, null, null);
        double a = Math.sqrt(schedule.alpha(t));
        double b = Math.sqrt(schedule.beta(t));
        for (int j = 0; j < n * dimension; j++) {
            out[j] = (float) (a * previous[j] + b * rng.nextGaussian());
        }
    }

    /**
     * Computes the forward posterior mean &mu;&#771;<sub>t</sub>(x<sub>t</sub>, x<sub>0</sub>).
     *
     * @param x0 The clean points, n&middot;d floats. Not modified.
     * @param xt The noisy points, n&middot;d floats. Not modified.
     * @param n The number of points.
     * @param t The step, 1 &le; t &le; T.
     * @param out Receives &mu;&#771;<sub>t</sub>. Modified.
     * @throws IllegalArgumentException If an array is too short or t is out of range.
     */
    public void posteriorMean(float[] x0, float[] xt, int n, int t, float[] out) {
        checkBatch(n, "x0", x0, "xt", xt, "out", out);
        double[] c = posteriorMeanCoefficients(t);
        for (int j = 0; j < n * dimension; j++) {
            out[j] = (float) (c[0] * x0[j] + c[1] * xt[j]);
        }
    }

    /**
     * Returns the two coefficients of the forward posterior mean, &mu;&#771;<sub>t</sub> = c<sub>0</sub> x<sub>0</sub> +
     * c<sub>t</sub> x<sub>t</sub>.
     *
     * @param t The step, 1 &le; t &le; T.
     * @return {c<sub>0</sub>, c<sub>t</sub>} = {sqrt(&alpha;&#772;<sub>t-1</sub>) &beta;<sub>t</sub>/(1 - &alpha;&#772;<sub>t</sub>),
     *     sqrt(&alpha;<sub>t</sub>)(1 - &alpha;&#772;<sub>t-1</sub>)/(1 - &alpha;&#772;<sub>t</sub>)}.
     * @throws IllegalArgumentException If t is out of range.
     */
    public double[] posteriorMeanCoefficients(int t) {
        double ab = schedule.alphaBar(t);
        double abPrev = schedule.alphaBar(t - 1);
        double b = schedule.beta(t);
        return new double[] {Math.sqrt(abPrev) * b / (1.0 - ab), Math.sqrt(1.0 - b) * (1.0 - abPrev) / (1.0 - ab)};
    }

    /**
     * Returns the forward posterior variance &beta;&#771;<sub>t</sub> (per dimension).
     *
     * @param t The step, 1 &le; t &le; T.
     * @return &beta;&#771;<sub>t</sub>.
     * @throws IllegalArgumentException If t is out of range.
     */
    public double posteriorVariance(int t) {
        return schedule.posteriorVariance(t);
    }

    /**
     * Converts a noise prediction into the denoised estimate x&#770;<sub>0</sub>.
     *
     * @param xt The noisy points, n&middot;d floats. Not modified.
     * @param eps The predicted noise, n&middot;d floats. Not modified.
     * @param n The number of points.
     * @param t The step, 1 &le; t &le; T.
     * @param out Receives (x<sub>t</sub> - sqrt(1 - &alpha;&#772;<sub>t</sub>) &epsilon;&#770;)/sqrt(&alpha;&#772;<sub>t</sub>). Modified.
     * @throws IllegalArgumentException If an array is too short or t is out of range.
     */
    public void predictX0(float[] xt, float[] eps, int n, int t, float[] out) {
        checkBatch(n, "xt", xt, "eps", eps, "out", out);
        schedule.checkStep(t);
        double ab = schedule.alphaBar(t);
        double a = 1.0 / Math.sqrt(ab);
        double b = Math.sqrt(1.0 - ab);
        for (int j = 0; j < n * dimension; j++) {
            out[j] = (float) (a * (xt[j] - b * eps[j]));
        }
    }

    /**
     * Converts a noise prediction into the reverse mean &mu;<sub>&theta;</sub>(x<sub>t</sub>, t).
     *
     * @param xt The noisy points, n&middot;d floats. Not modified.
     * @param eps The predicted noise, n&middot;d floats. Not modified.
     * @param n The number of points.
     * @param t The step, 1 &le; t &le; T.
     * @param out Receives (x<sub>t</sub> - &beta;<sub>t</sub>/sqrt(1 - &alpha;&#772;<sub>t</sub>) &epsilon;&#770;)/sqrt(&alpha;<sub>t</sub>); may
     *     be the same array as xt. Modified.
     * @throws IllegalArgumentException If an array is too short or t is out of range.
     */
    public void reverseMean(float[] xt, float[] eps, int n, int t, float[] out) {
        checkBatch(n, "xt", xt, "eps", eps, "out", out);
        double a = 1.0 / Math.sqrt(schedule.alpha(t));
        double b = schedule.beta(t) / Math.sqrt(1.0 - schedule.alphaBar(t));
        for (int j = 0; j < n * dimension; j++) {
            out[j] = (float) (a * (xt[j] - b * eps[j]));
        }
    }

    /**
     * Computes the reverse means &mu;<sub>&theta;</sub>(x<sub>t</sub>, t) of a batch by asking the predictor for
     * &epsilon;<sub>&theta;</sub> at most {@code chunk} rows at a time.
     *
     * @param model The noise predictor, of this process's dimension.
     * @param xt The noisy points, n&middot;d floats. Not modified unless it is also out.
     * @param n The number of points.
     * @param t The step, 1 &le; t &le; T.
     * @param chunk The most rows per predictor call, &ge; 1.
     * @param out Receives &mu;<sub>&theta;</sub>; may be xt. Modified.
     */
    void reverseMeans(NoisePredictor model, float[] xt, int n, int t, int chunk, float[] out) {
        int rows = Math.max(1, Math.min(chunk, n));
        float[] bufX = new float[rows * dimension];
        float[] bufEps = new float[rows * dimension];
        int[] bufT = constantSteps(rows, t);
        for (int start = 0; start < n; start += rows) {
            int m = Math.min(rows, n - start);
            System.arraycopy(xt, start * dimension, bufX, 0, m * dimension);
            model.predict(bufX, m, bufT, bufEps);
            reverseMean(bufX, bufEps, m, t, bufX);
            System.arraycopy(bufX, 0, out, start * dimension, m * dimension);
        }
    }

    /** Checks the arguments shared by the sampler and the bound; returns the chunk. */
    static int checkSetup(GaussianDiffusion diffusion, ReverseVariance variance, int chunk) {
        if (diffusion == null || variance == null) {
            throw new IllegalArgumentException("diffusion and variance must not be null");
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, found " + chunk);
        }
        return chunk;
    }

    /** Checks that a predictor fits this process. */
    void checkModel(NoisePredictor model) {
        if (model == null || model.dimension() != dimension) {
            throw new IllegalArgumentException("model must be a noise predictor of dimension " + dimension);
        }
    }

    /**
     * Converts a noise prediction into a score estimate.
     *
     * @param eps The predicted noise, n&middot;d floats. Not modified.
     * @param n The number of points.
     * @param t The step, 1 &le; t &le; T.
     * @param out Receives -&epsilon;&#770;/sqrt(1 - &alpha;&#772;<sub>t</sub>) &asymp; &nabla; log q(x<sub>t</sub>); may be eps. Modified.
     * @throws IllegalArgumentException If an array is too short or t is out of range.
     */
    public void scoreFromNoise(float[] eps, int n, int t, float[] out) {
        checkBatch(n, "eps", eps, "out", out, null, null);
        schedule.checkStep(t);
        double c = -1.0 / Math.sqrt(1.0 - schedule.alphaBar(t));
        for (int j = 0; j < n * dimension; j++) {
            out[j] = (float) (c * eps[j]);
        }
    }

    /**
     * Views a noise predictor at a fixed step as a score field, so notebook 06's Langevin samplers can use a
     * DDPM network: s(x) = -&epsilon;<sub>&theta;</sub>(x, t)/sqrt(1 - &alpha;&#772;<sub>t</sub>).
     *
     * @param model The noise predictor, of this process's dimension.
     * @param t The step, 1 &le; t &le; T.
     * @return A score whose noise-level argument is ignored.
     * @throws IllegalArgumentException If the model's dimension differs or t is out of range.
     */
    public BatchScore score(NoisePredictor model, int t) {
        checkModel(model);
        schedule.checkStep(t);
        return new BatchScore() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public void score(float[] x, int n, double sigma, float[] out) {
                model.predict(x, n, constantSteps(n, t), out);
                scoreFromNoise(out, n, t, out);
            }
        };
    }

    /**
     * Returns the per-dimension variance of the forward marginal for Gaussian data of variance s<sup>2</sup>.
     *
     * @param t The step, 0 &le; t &le; T.
     * @param dataVariance s<sup>2</sup> &gt; 0.
     * @return &alpha;&#772;<sub>t</sub> s<sup>2</sup> + 1 - &alpha;&#772;<sub>t</sub>.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public double gaussianMarginalVariance(int t, double dataVariance) {
        checkVariance(dataVariance);
        double ab = schedule.alphaBar(t);
        return ab * dataVariance + 1.0 - ab;
    }

    /**
     * Returns the differential entropy of the forward marginal q(x<sub>t</sub>) per dimension, for Gaussian
     * data of variance s<sup>2</sup>.
     *
     * @param t The step, 0 &le; t &le; T.
     * @param dataVariance s<sup>2</sup> &gt; 0.
     * @return log(2&pi;e(&alpha;&#772;<sub>t</sub> s<sup>2</sup> + 1 - &alpha;&#772;<sub>t</sub>))/2, nats.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public double gaussianMarginalEntropy(int t, double dataVariance) {
        return GaussianOps.entropy(gaussianMarginalVariance(t, dataVariance));
    }

    /**
     * Returns the entropy of the noise added by step t, H(x<sub>t</sub> | x<sub>0</sub>), per dimension (any
     * data distribution).
     *
     * @param t The step, 1 &le; t &le; T.
     * @return log(2&pi;e(1 - &alpha;&#772;<sub>t</sub>))/2, nats; rises with t.
     * @throws IllegalArgumentException If t is out of range.
     */
    public double conditionalEntropy(int t) {
        schedule.checkStep(t);
        return GaussianOps.entropy(1.0 - schedule.alphaBar(t));
    }

    /**
     * Returns the relative entropy of the forward marginal to the equilibrium N(0, 1), per dimension, for
     * Gaussian data N(m, s<sup>2</sup>).
     *
     * @param t The step, 0 &le; t &le; T.
     * @param dataMean m.
     * @param dataVariance s<sup>2</sup> &gt; 0.
     * @return KL(N(sqrt(&alpha;&#772;<sub>t</sub>) m, &alpha;&#772;<sub>t</sub> s<sup>2</sup> + 1 - &alpha;&#772;<sub>t</sub>) || N(0, 1)), nats;
     *     falls with t.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public double gaussianKlToEquilibrium(int t, double dataMean, double dataVariance) {
        double ab = schedule.alphaBar(t);
        return GaussianOps.kl(Math.sqrt(ab) * dataMean, gaussianMarginalVariance(t, dataVariance), 0.0, 1.0);
    }

    /**
     * Copies a flat row-major batch into points, for plots and {@link org.ebmjava.stats} metrics.
     *
     * @param flat The batch, a multiple of d floats. Not modified.
     * @param dimension d, &ge; 1.
     * @return A new (length/d) x d array.
     * @throws IllegalArgumentException If the length is not a multiple of d.
     */
    public static double[][] toPoints(float[] flat, int dimension) {
        if (flat == null || dimension < 1 || flat.length % dimension != 0) {
            throw new IllegalArgumentException("flat must hold a whole number of points of dimension " + dimension);
        }
        double[][] p = new double[flat.length / dimension][dimension];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < dimension; j++) {
                p[i][j] = flat[i * dimension + j];
            }
        }
        return p;
    }

    /**
     * Copies points into a flat row-major float batch.
     *
     * @param points n x d points, n &ge; 1, rectangular. Not modified.
     * @return A new array of n&middot;d floats.
     * @throws IllegalArgumentException If the points are null, empty or ragged.
     */
    public static float[] flatten(double[][] points) {
        if (points == null || points.length == 0 || points[0] == null) {
            throw new IllegalArgumentException("points must be a non-empty n x d array");
        }
        int d = points[0].length;
        float[] out = new float[points.length * d];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != d) {
                throw new IllegalArgumentException("points[" + i + "] must have length " + d);
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) points[i][j];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GaussianDiffusion[d=%d, %s]", dimension, schedule);
    }

    static int[] constantSteps(int n, int t) {
        int[] steps = new int[n];
        java.util.Arrays.fill(steps, t);
        return steps;
    }

    void checkSteps(int[] t, int n) {
        if (t == null || t.length < n) {
            throw new IllegalArgumentException("t must have at least " + n + " entries, found "
                    + (t == null ? "null" : t.length));
        }
        for (int i = 0; i < n; i++) {
            schedule.checkStep(t[i]);
        }
    }

    void checkBatch(int n, String an, float[] a, String bn, float[] b, String cn, float[] c) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        long need = (long) n * dimension;
        checkLength(an, a, need);
        checkLength(bn, b, need);
        if (cn != null) {
            checkLength(cn, c, need);
        }
    }

    private static void checkLength(String name, float[] a, long need) {
        if (a == null || a.length < need) {
            throw new IllegalArgumentException(name + " must hold at least " + need + " floats, found "
                    + (a == null ? "null" : a.length));
        }
    }

    private static void checkVariance(double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("dataVariance must be finite and > 0, found " + v);
        }
    }
}
