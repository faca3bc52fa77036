package org.ebmjava.score;

import java.util.random.RandomGenerator;
import org.ebmjava.sampling.BatchOps;
import org.ebmjava.sampling.BatchScore;

/**
 * Static helpers of score matching on batches stored as row-major float arrays (row i holds x<sub>i</sub>, d floats):
 * the denoising loss with its gradient, noise perturbation, projection vectors, the Fisher divergence between two
 * score fields, mode fractions of samples, and the small dense linear algebra of the closed-form estimators.
 *
 * <p>Denoising score matching (Vincent, 2011) with noise level &sigma;: perturb x&#771; = x + &sigma; z, z ~ N(0, I);
 * the score of the noise kernel is -z/&sigma;, and
 * <pre>
 *   l(&sigma;) = (1/n) &sum;_i (1/2) |s(x&#771;_i, &sigma;) + z_i/&sigma;|^2           (unweighted)
 *   &sigma;^2 l(&sigma;) = (1/n) &sum;_i (1/2) |&sigma; s(x&#771;_i, &sigma;) + z_i|^2        (Song and Ermon's weighting &lambda;(&sigma;) = &sigma;^2)
 * </pre>
 * Its minimiser over all functions is the score of the noisy density p<sub>&sigma;</sub> = p * N(0, &sigma;<sup>2</sup>
 * I). The weighted form has the same scale at every &sigma;, which is why noise-conditional training uses it.
 *
 * <pre>
 * References: P. Vincent, "A Connection Between Score Matching and Denoising Autoencoders", Neural Computation
 * 23(7), 1661-1674, 2011.
 * Y. Song and S. Ermon, "Generative Modeling by Estimating Gradients of the Data Distribution", NeurIPS 2019.
 * </pre>
 */
public final class ScoreOps {

    private ScoreOps() {}

    /**
     * Computes the &sigma;<sup>2</sup>-weighted denoising loss of a batch and, optionally, its gradient with respect to
     * the model's outputs.
     *
     * <p>Performs, per sample i with its own noise level &sigma;<sub>i</sub>:
     * <pre>
     *   L = (1/n) &sum;_i (1/2) |&sigma;_i s_i + z_i|^2,     dL/ds_i = &sigma;_i (&sigma;_i s_i + z_i) / n
     * </pre>
     *
     * @param scores The model scores s<sub>i</sub> = s(x<sub>i</sub> + &sigma;<sub>i</sub> z<sub>i</sub>,
     *     &sigma;<sub>i</sub>), at least n&middot;d floats. Not modified.
     * @param noise The standard normal draws z<sub>i</sub> that made the noisy inputs, at least n&middot;d floats. Not
     *     modified.
     * @param sigmas The noise level of each sample, at least n values, finite and &gt; 0. Not modified.
     * @param n The number of samples, at least 1.
     * @param d The dimension, at least 1.
     * @param outGrad Receives dL/ds (n&middot;d floats), the {@code outGrad} an engine's backward pass takes; null when
     *     only the loss is wanted. Modified.
     * @return The mean loss L.
     * @throws IllegalArgumentException If an array is too short or a &sigma; is not finite and positive.
     */
    public static double denoisingLoss(float[] scores, float[] noise, float[] sigmas, int n, int d, float[] outGrad) {
        BatchOps.requireAtLeast(n, 1, "n");
        BatchOps.requireAtLeast(d, 1, "d");
        long m = (long) n * d;
        BatchOps.requireLength(scores, m, "scores");
        BatchOps.requireLength(noise, m, "noise");
        BatchOps.requireLength(sigmas, n, "sigmas");
        if (outGrad != null) {
            BatchOps.requireLength(outGrad, m, "outGrad");
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double sigma = BatchOps.requirePositive(sigmas[i], "sigmas[" + i + "]");
            for (int j = 0; j < d; j++) {
                int k = i * d + j;
                double r = sigma * scores[k] + noise[k];
                sum += 0.5 * r * r;
                if (outGrad != null) {
                    outGrad[k] = (float) (sigma * r / n);
                }
            }
        }
        return sum / n;
    }

    /**
     * Computes the &sigma;<sup>2</sup>-weighted denoising loss at one noise level for every sample.
     *
     * @param scores The model scores at the noisy points, at least n&middot;d floats. Not modified.
     * @param noise The standard normal draws z<sub>i</sub>, at least n&middot;d floats. Not modified.
     * @param sigma The noise level, finite and &gt; 0.
     * @param n The number of samples, at least 1.
     * @param d The dimension, at least 1.
     * @param outGrad Receives dL/ds, or null. Modified.
     * @return L = (1/n) &sum;<sub>i</sub> (1/2) |&sigma; s<sub>i</sub> + z<sub>i</sub>|<sup>2</sup>.
     * @throws IllegalArgumentException If an array is too short or sigma is not finite and positive.
     */
    public static double denoisingLoss(float[] scores, float[] noise, double sigma, int n, int d, float[] outGrad) {
        BatchOps.requirePositive(sigma, "sigma");
        BatchOps.requireAtLeast(n, 1, "n");
        float[] sigmas = new float[n];
        java.util.Arrays.fill(sigmas, (float) sigma);
        return denoisingLoss(scores, noise, sigmas, n, d, outGrad);
    }

    /**
     * Draws noise and perturbs a batch: z ~ N(0, I), x&#771; = x + &sigma;<sub>i</sub> z.
     *
     * @param x The clean points, at least n&middot;d floats. Not modified.
     * @param sigmas The noise level of each sample, at least n values, finite and &gt; 0. Not modified.
     * @param n The number of samples, at least 1.
     * @param d The dimension, at least 1.
     * @param rng The random source (n&middot;d Gaussian draws, row by row). Modified.
     * @param noise Receives z, n&middot;d floats. Modified.
     * @param noisy Receives x&#771;, n&middot;d floats (may be x itself to perturb in place). Modified.
     * @throws IllegalArgumentException If an array is too short, a &sigma; is invalid or rng is null.
     */
    public static void perturb(float[] x, float[] sigmas, int n, int d, RandomGenerator rng, float[] noise,
            float[] noisy) {
        BatchOps.requireAtLeast(n, 1, "n");
        BatchOps.requireAtLeast(d, 1, "d");
        BatchOps.requireRng(rng);
        long m = (long) n * d;
        BatchOps.requireLength(x, m, "x");
        BatchOps.requireLength(sigmas, n, "sigmas");
        BatchOps.requireLength(noise, m, "noise");
        BatchOps.requireLength(noisy, m, "noisy");
        for (int i = 0; i < n; i++) {
            double sigma = BatchOps.requirePositive(sigmas[i], "sigmas[" + i + "]");
            for (int j = 0; j < d; j++) {
                int k = i * d + j;
                float z = (float) rng.nextGaussian();
                noise[k] = z;
                noisy[k] = (float) (x[k] + sigma * z);
            }
        }
    }

    /**
     * Fills a buffer with Rademacher draws (&plusmn;1 with probability 1/2 each): the projection directions of sliced
     * score matching with E[v v<sup>T</sup>] = I.
     *
     * @param v The buffer, at least m long. Modified.
     * @param m How many entries to fill, at least 0.
     * @param rng The random source (m booleans). Modified.
     * @throws IllegalArgumentException If v is too short or rng is null.
     */
    public static void rademacher(float[] v, int m, RandomGenerator rng) {
        BatchOps.requireAtLeast(m, 0, "m");
        BatchOps.requireLength(v, m, "v");
        BatchOps.requireRng(rng);
        for (int k = 0; k < m; k++) {
            v[k] = rng.nextBoolean() ? 1f : -1f;
        }
    }

    /**
     * Estimates the Fisher divergence between two score fields on given points.
     *
     * <p>Performs D = (1/n) &sum;<sub>i</sub> (1/2) |s<sub>a</sub>(x<sub>i</sub>, &sigma;) - s<sub>b</sub>(x<sub>i</sub>,
     * &sigma;)|<sup>2</sup>; with x<sub>i</sub> drawn from p this estimates (1/2) E<sub>p</sub>|s<sub>a</sub> -
     * s<sub>b</sub>|<sup>2</sup>, the objective score matching minimises.
     *
     * @param a The first score field (e.g. a learned one). Not modified (evaluated).
     * @param b The second score field (e.g. the true one), same dimension. Not modified (evaluated).
     * @param x The points, n &ge; 1 rows. Not modified.
     * @param sigma The noise level passed to both fields, finite and &gt; 0 (ignored by unconditional fields).
     * @return D &ge; 0.
     * @throws IllegalArgumentException If a field is null, the dimensions differ, or x is not a valid batch.
     */
    public static double fisherDivergence(BatchScore a, BatchScore b, float[] x, double sigma) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("a, b: expected two score fields, found " + a + ", " + b);
        }
        int d = a.dimension();
        if (b.dimension() != d) {
            throw new IllegalArgumentException("b: expected dimension " + d + " (that of a), found " + b.dimension());
        }
        BatchOps.requirePositive(sigma, "sigma");
        int n = BatchOps.rows(x, d, "x");
        float[] sa = new float[x.length];
        float[] sb = new float[x.length];
        a.score(x, n, sigma, sa);
        b.score(x, n, sigma, sb);
        double sum = 0.0;
        for (int k = 0; k < x.length; k++) {
            double diff = sa[k] - sb[k];
            sum += 0.5 * diff * diff;
        }
        return sum / n;
    }

    /**
     * Assigns each point to its nearest centre and returns the fraction of points per centre: how samples split
     * between the modes of a mixture.
     *
     * @param x The points, n &ge; 1 rows of d values. Not modified.
     * @param centres The K &ge; 1 centres, each d values. Not modified.
     * @return K fractions summing to 1.
     * @throws IllegalArgumentException If the shapes disagree or x is not a valid batch.
     */
    public static double[] modeFractions(float[] x, double[][] centres) {
        if (centres == null || centres.length == 0) {
            throw new IllegalArgumentException("centres: expected at least one centre, found "
                    + (centres == null ? "null" : "none"));
        }
        int d = centres[0].length;
        for (int c = 0; c < centres.length; c++) {
            checkVector(centres[c], d, "centres[" + c + "]");
        }
        int n = BatchOps.rows(x, d, "x");
        double[] counts = new double[centres.length];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double r2 = 0.0;
                for (int j = 0; j < d; j++) {
                    double diff = x[i * d + j] - centres[c][j];
                    r2 += diff * diff;
                }
                if (r2 < bestD) {
                    bestD = r2;
                    best = c;
                }
            }
            counts[best] += 1.0;
        }
        for (int c = 0; c < counts.length; c++) {
            counts[c] /= n;
        }
        return counts;
    }

    /**
     * Converts a row-major float batch into rows of doubles (for the {@code stats} distances and plots).
     *
     * @param x The batch, n &ge; 1 rows of d floats. Not modified.
     * @param d The dimension, at least 1.
     * @return A new n &times; d array.
     * @throws IllegalArgumentException If x is not a valid batch.
     */
    public static double[][] toRows(float[] x, int d) {
        int n = BatchOps.rows(x, d, "x");
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = x[i * d + j];
            }
        }
        return rows;
    }

    /**
     * Converts rows of doubles into a row-major float batch.
     *
     * @param rows The points, n &ge; 1 rows of the same length d &ge; 1, finite. Not modified.
     * @return A new array of n&middot;d floats.
     * @throws IllegalArgumentException If rows is empty, ragged or not finite.
     */
    public static float[] flatten(double[][] rows) {
        int d = checkRows(rows, "rows");
        float[] x = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) rows[i][j];
            }
        }
        return x;
    }

    /** Checks a non-empty, rectangular, finite data matrix and returns its number of columns. */
    static int checkRows(double[][] x, String name) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(name + ": expected at least one row, found "
                    + (x == null ? "null" : "none"));
        }
        if (x[0] == null || x[0].length == 0) {
            throw new IllegalArgumentException(name + "[0]: expected at least one value, found "
                    + (x[0] == null ? "null" : "none"));
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            checkVector(x[i], d, name + "[" + i + "]");
        }
        return d;
    }

    static void checkVector(double[] v, int d, String name) {
        if (v == null || v.length != d) {
            throw new IllegalArgumentException(name + ": expected " + d + " values, found "
                    + (v == null ? "null" : String.valueOf(v.length)));
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException(name + "[" + j + "]: expected a finite number, found " + v[j]);
            }
        }
    }

    static void checkSquare(double[][] a, int d, String name) {
        if (a == null || a.length != d) {
            throw new IllegalArgumentException(name + ": expected " + d + " x " + d + ", found "
                    + (a == null ? "null" : a.length + " rows"));
        }
        for (int j = 0; j < d; j++) {
            checkVector(a[j], d, name + "[" + j + "]");
        }
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting; a and b are copied. */
    static double[] solve(double[][] a, double[] b, String what) {
        int q = b.length;
        double[][] m = new double[q][];
        double scale = 0.0;
        for (int r = 0; r < q; r++) {
            m[r] = java.util.Arrays.copyOf(a[r], q + 1);
            m[r][q] = b[r];
            for (int c = 0; c < q; c++) {
                scale = Math.max(scale, Math.abs(a[r][c]));
            }
        }
        for (int col = 0; col < q; col++) {
            int piv = col;
            for (int r = col + 1; r < q; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(m[piv][col]) > 1e-13 * scale)) {
                throw new IllegalArgumentException(what + ": expected a non-singular system, found pivot "
                        + m[piv][col] + " in column " + col);
            }
            double[] t = m[piv];
            m[piv] = m[col];
            m[col] = t;
            for (int r = col + 1; r < q; r++) {
                double f = m[r][col] / m[col][col];
                if (f != 0.0) {
                    for (int c = col; c <= q; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[q];
        for (int r = q - 1; r >= 0; r--) {
            double s = m[r][q];
            for (int c = r + 1; c < q; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /** The inverse of a non-singular square matrix, column by column. */
    static double[][] inverse(double[][] a) {
        int d = a.length;
        double[][] inv = new double[d][d];
        for (int c = 0; c < d; c++) {
            double[] e = new double[d];
            e[c] = 1.0;
            double[] col = solve(a, e, "matrix");
            for (int r = 0; r < d; r++) {
                inv[r][c] = col[r];
            }
        }
        return inv;
    }
}
