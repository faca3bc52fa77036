package org.ebmjava.variational;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ebmjava.thermo.ThermoOps;

/**
 * The linear-Gaussian latent-variable model (factor analysis with isotropic noise, i.e. probabilistic PCA),
 * whose evidence and posterior are known in closed form: the reference every variational estimate in
 * this package is checked against.
 *
 * <p>Model, with k latent and d observed dimensions:
 * <pre>
 *   z ~ N(0, I_k),   x | z ~ N(W z + b, &sigma;^2 I_d),   so   x ~ N(b, &sigma;^2 I + W W^T),
 *   p(z | x) = N( M^-1 W^T (x - b) / &sigma;^2, M^-1 ),   M = I + W^T W / &sigma;^2   (k x k).
 * </pre>
 * For a diagonal Gaussian q(z) = N(m, diag(s<sup>2</sup>)) the variational free energy of {@link
 * VariationalFreeEnergy} has the closed form
 * <pre>
 *   U = E_q[-log p(x, z)] = (d/2) log(2&pi;&sigma;^2) + ( |x - b - W m|^2 + &sum;_j s_j^2 |W_j|^2 ) / (2&sigma;^2)
 *                          + (k/2) log(2&pi;) + (|m|^2 + |s|^2) / 2
 *   S = H[q]              = &sum;_j log(2&pi;e s_j^2) / 2,
 * </pre>
 * and F = U - S = -log p(x) exactly when q is the posterior (possible with a diagonal q when M is diagonal,
 * e.g. k = 1 or orthogonal columns of W). log p(x) uses the matrix determinant lemma and Woodbury's
 * identity, so only k x k matrices are factorised.
 *
 * <pre>
 * M. E. Tipping and C. M. Bishop, "Probabilistic Principal Component Analysis", Journal of the Royal
 * Statistical Society B 61(3), 1999.
 * D. P. Kingma and M. Welling, "Auto-Encoding Variational Bayes", ICLR 2014.
 * </pre>
 */
public final class LinearGaussianModel {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[][] w;
    private final double[] b;
    private final double noiseStd;
    private final int d;
    private final int k;
    private final double[][] cholM;

    /**
     * The exact posterior p(z | x).
     *
     * @param mean The posterior mean, k entries.
     * @param covariance The posterior covariance M<sup>-1</sup>, k x k.
     */
    public record Posterior(double[] mean, double[][] covariance) {

        /**
         * Returns the posterior standard deviations sqrt(diag(M<sup>-1</sup>)).
         *
         * @return k entries.
         */
        public double[] std() {
            double[] s = new double[mean.length];
            for (int j = 0; j < s.length; j++) {
                s[j] = Math.sqrt(covariance[j][j]);
            }
            return s;
        }
    }

    /**
     * Creates the model.
     *
     * @param w The loading matrix W, d x k (row i holds the weights of x<sub>i</sub>). Not modified (copied).
     * @param b The offset b, d entries. Not modified (copied).
     * @param noiseStd The noise standard deviation &sigma;, finite and &gt; 0.
     * @throws IllegalArgumentException If the shapes disagree, an entry is not finite or &sigma; &le; 0.
     */
    public LinearGaussianModel(double[][] w, double[] b, double noiseStd) {
        if (w == null || b == null || w.length == 0 || w[0] == null || w[0].length == 0 || b.length != w.length) {
            throw new IllegalArgumentException("need W of d x k with d, k >= 1 and b of d entries");
        }
        if (!(noiseStd > 0) || Double.isInfinite(noiseStd)) {
            throw new IllegalArgumentException("noiseStd must be finite and > 0, found " + noiseStd);
        }
        this.d = w.length;
        this.k = w[0].length;
        this.w = new double[d][];
        for (int i = 0; i < d; i++) {
            if (w[i] == null || w[i].length != k) {
                throw new IllegalArgumentException("W row " + i + " must have " + k + " entries");
            }
            this.w[i] = finite(w[i], "W row " + i);
        }
        this.b = finite(b, "b");
        this.noiseStd = noiseStd;
        double s2 = noiseStd * noiseStd;
        double[][] m = new double[k][k];
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                double sum = p == q ? 1.0 : 0.0;
                for (int i = 0; i < d; i++) {
                    sum += this.w[i][p] * this.w[i][q] / s2;
                }
                m[p][q] = sum;
            }
        }
        this.cholM = cholesky(m);
    }

    private static double[] finite(double[] v, String what) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(what + " must be finite, found " + x);
            }
        }
        return v.clone();
    }

    /**
     * Returns the number of observed dimensions.
     *
     * @return d.
     */
    public int dataDimension() {
        return d;
    }

    /**
     * Returns the number of latent dimensions.
     *
     * @return k.
     */
    public int latentDimension() {
        return k;
    }

    /**
     * Returns the exact log evidence log p(x) = log N(x; b, &sigma;<sup>2</sup> I + W W<sup>T</sup>).
     *
     * @param x The data point, d entries. Not modified.
     * @return log p(x), nats.
     * @throws IllegalArgumentException If x has the wrong length.
     */
    public double logEvidence(double[] x) {
        checkX(x);
        double s2 = noiseStd * noiseStd;
        double[] r = residual(x, new double[k]);
        double rr = dot(r, r);
        double[] wtr = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < d; i++) {
                wtr[j] += w[i][j] * r[i];
            }
        }
        double[] y = solveLower(cholM, wtr);             // |L^-1 W^T r|^2 = r^T W M^-1 W^T r
        double logDetM = 0;
        for (int j = 0; j < k; j++) {
            logDetM += 2 * Math.log(cholM[j][j]);
        }
        double quad = rr / s2 - dot(y, y) / (s2 * s2);
        return -0.5 * (d * (LOG_2PI + Math.log(s2)) + logDetM + quad);
    }

    /**
     * Returns the exact posterior p(z | x).
     *
     * @param x The data point, d entries. Not modified.
     * @return Its mean and covariance.
     * @throws IllegalArgumentException If x has the wrong length.
     */
    public Posterior posterior(double[] x) {
        checkX(x);
        double s2 = noiseStd * noiseStd;
        double[] r = residual(x, new double[k]);
        double[] wtr = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < d; i++) {
                wtr[j] += w[i][j] * r[i] / s2;
            }
        }
        double[] mean = solveUpper(cholM, solveLower(cholM, wtr));
        double[][] cov = new double[k][];
        for (int j = 0; j < k; j++) {
            double[] e = new double[k];
            e[j] = 1;
            cov[j] = solveUpper(cholM, solveLower(cholM, e));
        }
        return new Posterior(mean, cov);
    }

    /**
     * Returns the variational free energy of a diagonal Gaussian q(z) = N(m, diag(s<sup>2</sup>)) in closed form.
     *
     * @param x The data point, d entries. Not modified.
     * @param qMean m, k entries. Not modified.
     * @param qStd s, k entries, each &gt; 0. Not modified.
     * @return U and S (F = U - S &ge; -log p(x)).
     * @throws IllegalArgumentException If a length is wrong or a standard deviation is not positive.
     */
    public VariationalFreeEnergy freeEnergy(double[] x, double[] qMean, double[] qStd) {
        checkX(x);
        checkQ(qMean, qStd);
        double s2 = noiseStd * noiseStd;
        double[] r = residual(x, qMean);
        double spread = 0;
        for (int j = 0; j < k; j++) {
            double col = 0;
            for (int i = 0; i < d; i++) {
                col += w[i][j] * w[i][j];
            }
            spread += qStd[j] * qStd[j] * col;
        }
        double energy = 0.5 * d * (LOG_2PI + Math.log(s2)) + (dot(r, r) + spread) / (2 * s2)
                + 0.5 * k * LOG_2PI + 0.5 * (dot(qMean, qMean) + dot(qStd, qStd));
        double entropy = 0;
        for (double s : qStd) {
            entropy += 0.5 * (LOG_2PI + 1) + Math.log(s);
        }
        return new VariationalFreeEnergy(energy, entropy);
    }

    /**
     * Returns log p(x, z) = log p(x | z) + log p(z).
     *
     * @param x The data point, d entries. Not modified.
     * @param z The latent point, k entries. Not modified.
     * @return The log joint density, nats.
     */
    public double logJoint(double[] x, double[] z) {
        checkX(x);
        double[] r = residual(x, z);
        double s2 = noiseStd * noiseStd;
        return -0.5 * d * (LOG_2PI + Math.log(s2)) - dot(r, r) / (2 * s2) - 0.5 * k * LOG_2PI - 0.5 * dot(z, z);
    }

    /**
     * Estimates log p(x) by importance sampling with a diagonal Gaussian proposal q:
     * log (1/K) &sum;<sub>k</sub> p(x, z<sub>k</sub>) / q(z<sub>k</sub>), z<sub>k</sub> ~ q. Its expectation is
     * at most log p(x) (Jensen) and rises towards it as K grows (Burda et al. 2016); with K = 1 it is a
     * one-sample ELBO estimate. Exact for every K when q is the posterior.
     *
     * @param x The data point, d entries. Not modified.
     * @param qMean m, k entries. Not modified.
     * @param qStd s, k entries, each &gt; 0. Not modified.
     * @param samples K &ge; 1.
     * @param rng The source of the draws. Advanced.
     * @return The estimate, nats.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public double importanceSampledLogEvidence(double[] x, double[] qMean, double[] qStd, int samples,
            RandomGenerator rng) {
        checkX(x);
        checkQ(qMean, qStd);
        if (samples < 1 || rng == null) {
            throw new IllegalArgumentException("need samples >= 1 and an rng, found " + samples);
        }
        double[] logW = new double[samples];
        double[] z = new double[k];
        for (int s = 0; s < samples; s++) {
            double logQ = 0;
            for (int j = 0; j < k; j++) {
                double e = rng.nextGaussian();
                z[j] = qMean[j] + qStd[j] * e;
                logQ += -0.5 * LOG_2PI - Math.log(qStd[j]) - 0.5 * e * e;
            }
            logW[s] = logJoint(x, z) - logQ;
        }
        return ThermoOps.logSumExp(logW) - Math.log(samples);
    }

    /**
     * Draws data points from the model.
     *
     * @param n The number of points, &ge; 0.
     * @param rng The source of randomness. Advanced.
     * @return n x d points.
     */
    public double[][] sample(int n, RandomGenerator rng) {
        double[][] out = new double[n][d];
        double[] z = new double[k];
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < k; j++) {
                z[j] = rng.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double mu = b[i];
                for (int j = 0; j < k; j++) {
                    mu += w[i][j] * z[j];
                }
                out[p][i] = mu + noiseStd * rng.nextGaussian();
            }
        }
        return out;
    }

    /**
     * Returns the noise standard deviation.
     *
     * @return &sigma;.
     */
    public double noiseStd() {
        return noiseStd;
    }

    /**
     * Returns W.
     *
     * @return A copy, d x k.
     */
    public double[][] loadings() {
        double[][] c = new double[d][];
        for (int i = 0; i < d; i++) {
            c[i] = w[i].clone();
        }
        return c;
    }

    /**
     * Returns b.
     *
     * @return A copy, d entries.
     */
    public double[] offset() {
        return b.clone();
    }

    private double[] residual(double[] x, double[] z) {
        double[] r = new double[d];
        for (int i = 0; i < d; i++) {
            double mu = b[i];
            for (int j = 0; j < k; j++) {
                mu += w[i][j] * z[j];
            }
            r[i] = x[i] - mu;
        }
        return r;
    }

    private void checkX(double[] x) {
        if (x == null || x.length != d) {
            throw new IllegalArgumentException("x must have " + d + " entries, found "
                    + (x == null ? "null" : x.length));
        }
    }

    private void checkQ(double[] m, double[] s) {
        if (m == null || s == null || m.length != k || s.length != k) {
            throw new IllegalArgumentException("q's mean and std must have " + k + " entries");
        }
        for (double v : s) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("q's standard deviations must be finite and > 0, found " + v);
            }
        }
    }

    private static double dot(double[] a, double[] c) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * c[i];
        }
        return s;
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int p = 0; p < j; p++) {
                    s -= l[i][p] * l[j][p];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }

    private static double[] solveLower(double[][] l, double[] v) {
        double[] y = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = v[i];
            for (int p = 0; p < i; p++) {
                s -= l[i][p] * y[p];
            }
            y[i] = s / l[i][i];
        }
        return y;
    }

    private static double[] solveUpper(double[][] l, double[] y) {
        int n = y.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int p = i + 1; p < n; p++) {
                s -= l[p][i] * x[p];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LinearGaussianModel[d=%d, k=%d, sigma=%.3g]", d, k, noiseStd);
    }
}
