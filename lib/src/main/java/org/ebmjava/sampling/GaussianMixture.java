package org.ebmjava.sampling;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A mixture of isotropic Gaussians in d dimensions, p(x) = &sum;<sub>k</sub> &pi;<sub>k</sub> N(x; &mu;<sub>k</sub>,
 * s<sub>k</sub><sup>2</sup> I), as an energy E = -log p with its exact score, and the exact score of the mixture
 * convolved with Gaussian noise: the closed-form target of the score-matching lesson.
 *
 * <p>Performs, with responsibilities r<sub>k</sub>(x) = &pi;<sub>k</sub> N(x; &mu;<sub>k</sub>,
 * s<sub>k</sub><sup>2</sup> I) / p(x) (the posterior probability of component k):
 * <pre>
 *   E(x) = -log &sum;_k &pi;_k (2&pi; s_k^2)^(-d/2) exp(-|x - &mu;_k|^2 / (2 s_k^2))     (by log-sum-exp)
 *   &nabla;E(x) = &sum;_k r_k(x) (x - &mu;_k) / s_k^2,      score s(x) = -&nabla;E(x)
 * </pre>
 * Adding noise &sigma; z, z ~ N(0, I), to a draw from p gives the mixture with every component's variance grown
 * by &sigma;<sup>2</sup>: p<sub>&sigma;</sub> = &sum;<sub>k</sub> &pi;<sub>k</sub> N(&mu;<sub>k</sub>,
 * (s<sub>k</sub><sup>2</sup> + &sigma;<sup>2</sup>) I) ({@link #convolved(double)}). Its score, exact for every
 * &sigma; &gt; 0, is {@link #noisyScore()}: the target of denoising score matching at level &sigma; and the score
 * annealed Langevin needs.
 *
 * <p>exp(-E) is the normalised density (log Z = 0). Arithmetic is in double, results rounded to float as
 * {@link BatchEnergy} requires. The two-dimensional {@code org.ebmjava.landscape.GaussianMixtureEnergy} of notebook
 * 01 is the same density for d = 2 ({@link #of(org.ebmjava.landscape.GaussianMixtureEnergy)}).
 *
 * <pre>
 * Reference for {@link #songErmon()}: Y. Song and S. Ermon, "Generative Modeling by Estimating Gradients of the
 * Data Distribution", NeurIPS 2019, Section 3.2 and Figure 3.
 * </pre>
 */
public final class GaussianMixture implements BatchEnergy {

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private final int d;
    private final double[] weights;
    private final double[][] means;
    private final double[] stds;
    private final double[] logWeights;

    /**
     * Creates a mixture from its weights, means and isotropic standard deviations.
     *
     * @param weights The mixing weights &pi;<sub>k</sub>, K &ge; 1 of them, finite, &ge; 0, summing to 1 within
     *     1e-9. Not modified (copied).
     * @param means The means &mu;<sub>k</sub>, K arrays of the same length d &ge; 1, finite. Not modified (copied).
     * @param stds The standard deviations s<sub>k</sub>, K values, finite and &gt; 0. Not modified (copied).
     * @throws IllegalArgumentException If the lengths differ or a value is out of range (the message names it).
     */
    public GaussianMixture(double[] weights, double[][] means, double[] stds) {
        if (weights == null || means == null || stds == null || weights.length == 0) {
            throw new IllegalArgumentException("weights, means, stds: expected K >= 1 components, found "
                    + (weights == null ? "null" : weights.length) + ", " + (means == null ? "null" : means.length)
                    + ", " + (stds == null ? "null" : stds.length));
        }
        int k = weights.length;
        if (means.length != k || stds.length != k) {
            throw new IllegalArgumentException("means, stds: expected K = " + k + " (one per weight), found "
                    + means.length + ", " + stds.length);
        }
        if (means[0] == null || means[0].length == 0) {
            throw new IllegalArgumentException("means[0]: expected d >= 1 coordinates, found "
                    + (means[0] == null ? "null" : "none"));
        }
        this.d = means[0].length;
        this.weights = weights.clone();
        this.means = new double[k][];
        this.stds = stds.clone();
        this.logWeights = new double[k];
        double sum = 0.0;
        for (int c = 0; c < k; c++) {
            BatchOps.requireNonNegative(weights[c], "weights[" + c + "]");
            BatchOps.requirePositive(stds[c], "stds[" + c + "]");
            if (means[c] == null || means[c].length != d) {
                throw new IllegalArgumentException("means[" + c + "]: expected " + d + " coordinates, found "
                        + (means[c] == null ? "null" : String.valueOf(means[c].length)));
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(means[c][j])) {
                    throw new IllegalArgumentException("means[" + c + "][" + j + "]: expected a finite number, found "
                            + means[c][j]);
                }
            }
            this.means[c] = means[c].clone();
            logWeights[c] = Math.log(weights[c]);
            sum += weights[c];
        }
        if (Math.abs(sum - 1.0) > 1e-9) {
            throw new IllegalArgumentException("weights: expected a sum of 1 (within 1e-9), found " + sum);
        }
    }

    /**
     * Creates the two-mode mixture of Song and Ermon (2019), Section 3.2: p = (1/5) N((-5, -5), I) + (4/5) N((5, 5),
     * I). Component 0 is the light mode at (-5, -5), component 1 the heavy one at (5, 5).
     *
     * @return The mixture, d = 2.
     */
    public static GaussianMixture songErmon() {
        return new GaussianMixture(new double[] {0.2, 0.8}, new double[][] {{-5.0, -5.0}, {5.0, 5.0}},
                new double[] {1.0, 1.0});
    }

    /**
     * Converts notebook 01's two-dimensional mixture landscape into a batch energy of the same density.
     *
     * @param energy The landscape.
     * @return The same mixture, d = 2.
     * @throws IllegalArgumentException If energy is null.
     */
    public static GaussianMixture of(org.ebmjava.landscape.GaussianMixtureEnergy energy) {
        if (energy == null) {
            throw new IllegalArgumentException("energy: expected a mixture landscape, found null");
        }
        return new GaussianMixture(energy.weights(), energy.means(), energy.stds());
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public void evaluate(float[] x, int n, float[] energies, float[] gradient) {
        BatchOps.checkEvaluation(x, n, d, energies, gradient);
        evaluate(x, n, 0.0, energies, gradient, 1.0);
    }

    /**
     * Returns the exact noise-conditional score s(x, &sigma;) = &nabla;<sub>x</sub> log p<sub>&sigma;</sub>(x) of the
     * mixture convolved with N(0, &sigma;<sup>2</sup> I) (component variances s<sub>k</sub><sup>2</sup> +
     * &sigma;<sup>2</sup>).
     *
     * @return A score field of dimension d; it rejects &sigma; &le; 0 or non-finite with an
     *     IllegalArgumentException (use the mixture itself, {@code BatchScore.of(this)}, for the clean score).
     */
    public BatchScore noisyScore() {
        return new BatchScore() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public void score(float[] x, int n, double sigma, float[] out) {
                BatchOps.requirePositive(sigma, "sigma");
                BatchOps.checkEvaluation(x, n, d, null, null);
                BatchOps.requireLength(out, (long) n * d, "out");
                evaluate(x, n, sigma * sigma, null, out, -1.0);
            }
        };
    }

    /**
     * Returns the mixture convolved with isotropic noise: the density of x + &sigma; z, z ~ N(0, I).
     *
     * @param sigma The noise level &sigma;, finite and &gt; 0.
     * @return The mixture with standard deviations sqrt(s<sub>k</sub><sup>2</sup> + &sigma;<sup>2</sup>).
     * @throws IllegalArgumentException If sigma is not finite and positive.
     */
    public GaussianMixture convolved(double sigma) {
        BatchOps.requirePositive(sigma, "sigma");
        double[] s = new double[stds.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = Math.sqrt(stds[c] * stds[c] + sigma * sigma);
        }
        return new GaussianMixture(weights, means, s);
    }

    /**
     * Evaluates the log-density at one point, in double precision.
     *
     * @param x The point, d values. Not modified.
     * @return log p(x) = -E(x).
     * @throws IllegalArgumentException If x has the wrong length.
     */
    public double logDensity(double... x) {
        BatchOps.requirePoint(x, d);
        double[] terms = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < terms.length; c++) {
            double r2 = 0.0;
            for (int j = 0; j < d; j++) {
                double diff = x[j] - means[c][j];
                r2 += diff * diff;
            }
            terms[c] = logComponent(c, r2, 0.0);
            max = Math.max(max, terms[c]);
        }
        double s = 0.0;
        for (double t : terms) {
            s += Math.exp(t - max);
        }
        return max + Math.log(s);
    }

    /**
     * Draws exact independent samples: a component k with probability &pi;<sub>k</sub>, then &mu;<sub>k</sub> +
     * s<sub>k</sub> z.
     *
     * @param n The number of samples, at least 1.
     * @param rng The random source. Modified.
     * @return A new row-major array of n&middot;d floats.
     * @throws IllegalArgumentException If n &lt; 1 or rng is null.
     */
    public float[] sample(int n, RandomGenerator rng) {
        BatchOps.requireAtLeast(n, 1, "n");
        BatchOps.requireRng(rng);
        float[] out = new float[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int c = 0;
            double cumulative = weights[0];
            while (u >= cumulative && c < weights.length - 1) {
                c++;
                cumulative += weights[c];
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) (means[c][j] + stds[c] * rng.nextGaussian());
            }
        }
        return out;
    }

    /**
     * Assigns each point to its most probable component (largest responsibility r<sub>k</sub>(x)).
     *
     * @param x The points, n &ge; 1 rows of d finite floats. Not modified.
     * @return A new array of n component indices.
     * @throws IllegalArgumentException If x is invalid.
     */
    public int[] assign(float[] x) {
        int n = BatchOps.rows(x, d, "x");
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < weights.length; c++) {
                double t = logComponent(c, squaredDistance(x, i, c), 0.0);
                if (t > best) {
                    best = t;
                    out[i] = c;
                }
            }
        }
        return out;
    }

    /**
     * Computes the fraction of points assigned to each component ({@link #assign(float[])}): the "mode
     * fractions" to compare with the weights &pi;<sub>k</sub>.
     *
     * @param x The points, n &ge; 1 rows of d finite floats. Not modified.
     * @return A new array of K fractions summing to 1.
     * @throws IllegalArgumentException If x is invalid.
     */
    public double[] componentFractions(float[] x) {
        int[] a = assign(x);
        double[] f = new double[weights.length];
        for (int c : a) {
            f[c] += 1.0 / a.length;
        }
        return f;
    }

    /**
     * Returns the number of components.
     *
     * @return K.
     */
    public int components() {
        return weights.length;
    }

    /**
     * Returns the mixing weights.
     *
     * @return A copy of &pi;<sub>k</sub>.
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Returns the means.
     *
     * @return A deep copy of &mu;<sub>k</sub>.
     */
    public double[][] means() {
        double[][] m = new double[means.length][];
        for (int c = 0; c < m.length; c++) {
            m[c] = means[c].clone();
        }
        return m;
    }

    /**
     * Returns the standard deviations.
     *
     * @return A copy of s<sub>k</sub>.
     */
    public double[] stds() {
        return stds.clone();
    }

    /**
     * Describes the mixture.
     *
     * @return E.g. "GaussianMixture[K=2, d=2, weights=[0.2, 0.8]]".
     */
    @Override
    public String toString() {
        StringBuilder w = new StringBuilder();
        for (int c = 0; c < weights.length; c++) {
            w.append(c == 0 ? "" : ", ").append(BatchOps.num(weights[c]));
        }
        return "GaussianMixture[K=" + weights.length + ", d=" + d + ", weights=[" + w + "]]";
    }

    /** log(pi_c N(x; mu_c, (s_c^2 + extraVar) I)) from the squared distance r2 = |x - mu_c|^2. */
    private double logComponent(int c, double r2, double extraVar) {
        double var = stds[c] * stds[c] + extraVar;
        return logWeights[c] - 0.5 * d * (LOG_2PI + Math.log(var)) - 0.5 * r2 / var;
    }

    private double squaredDistance(float[] x, int i, int c) {
        double r2 = 0.0;
        for (int j = 0; j < d; j++) {
            double diff = x[i * d + j] - means[c][j];
            r2 += diff * diff;
        }
        return r2;
    }

    /**
     * Energies and sign * gradients of the mixture with every variance grown by extraVar (sign -1 gives the score).
     */
    private void evaluate(float[] x, int n, double extraVar, float[] energies, float[] out, double sign) {
        int k = weights.length;
        double[] terms = new double[k];
        double[] g = new double[d];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                terms[c] = logComponent(c, squaredDistance(x, i, c), extraVar);
                max = Math.max(max, terms[c]);
            }
            double s = 0.0;
            for (int c = 0; c < k; c++) {
                s += Math.exp(terms[c] - max);
            }
            double lse = max + Math.log(s);
            if (energies != null) {
                energies[i] = (float) -lse;
            }
            if (out != null) {
                Arrays.fill(g, 0.0);
                for (int c = 0; c < k; c++) {
                    double r = Math.exp(terms[c] - lse) / (stds[c] * stds[c] + extraVar);
                    for (int j = 0; j < d; j++) {
                        g[j] += r * (x[i * d + j] - means[c][j]);
                    }
                }
                for (int j = 0; j < d; j++) {
                    out[i * d + j] = (float) (sign * g[j]);
                }
            }
        }
    }
}
