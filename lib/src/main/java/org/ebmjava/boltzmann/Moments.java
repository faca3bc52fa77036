package org.ebmjava.boltzmann;

import java.util.List;

/**
 * First and second moments of binary units: the means &lt;s<sub>i</sub>&gt; and the correlations
 * &lt;s<sub>i</sub> s<sub>j</sub>&gt; (uncentred, so the diagonal equals the mean because
 * s<sub>i</sub><sup>2</sup> = s<sub>i</sub>).
 *
 * <p>These are the sufficient statistics of a Boltzmann machine: the log-likelihood gradient is the
 * data moments minus the model moments. Both arrays are copied in and out, so a record is
 * immutable.
 *
 * @param mean The means &lt;s<sub>i</sub>&gt;, length n, entries in [0, 1].
 * @param correlation The n &times; n symmetric matrix &lt;s<sub>i</sub> s<sub>j</sub>&gt;.
 */
public record Moments(double[] mean, double[][] correlation) {

    /**
     * Validates and copies the moments.
     *
     * @param mean The means, length n. Not modified (copied).
     * @param correlation The n &times; n correlations. Not modified (copied).
     * @throws IllegalArgumentException If an array is null, empty or ragged, the sizes disagree or
     *     an entry is not finite.
     */
    public Moments {
        if (mean == null || correlation == null) {
            throw new IllegalArgumentException("mean and correlation must not be null");
        }
        int n = mean.length;
        if (n == 0 || correlation.length != n) {
            throw new IllegalArgumentException("mean must be non-empty and correlation " + n + " x "
                    + n + ", found lengths " + n + " and " + correlation.length);
        }
        double[] m = new double[n];
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = BoltzmannOps.checkFinite(mean[i], "mean[" + i + "]");
            if (correlation[i] == null || correlation[i].length != n) {
                throw new IllegalArgumentException("correlation[" + i + "] must have length " + n
                        + ", found " + (correlation[i] == null ? "null" : correlation[i].length));
            }
            c[i] = correlation[i].clone();
            for (int j = 0; j < n; j++) {
                BoltzmannOps.checkFinite(c[i][j], "correlation[" + i + "][" + j + "]");
            }
        }
        mean = m;
        correlation = c;
    }

    /**
     * Computes the empirical moments (1/N) &sum;<sub>d</sub> s<sub>i</sub><sup>(d)</sup> and
     * (1/N) &sum;<sub>d</sub> s<sub>i</sub><sup>(d)</sup> s<sub>j</sub><sup>(d)</sup> of a data set
     * (also of a set of Gibbs chain states).
     *
     * @param data The binary vectors, non-empty, all of the same length. Not modified.
     * @return The moments.
     * @throws IllegalArgumentException If data is null or empty, or a vector is invalid.
     */
    public static Moments ofData(List<int[]> data) {
        if (data == null || data.isEmpty() || data.get(0) == null) {
            throw new IllegalArgumentException("data must be a non-empty list of vectors, found "
                    + (data == null ? "null" : data.isEmpty() ? "an empty list" : "data[0] = null"));
        }
        int n = data.get(0).length;
        BoltzmannOps.checkData(data, n);
        double[] mean = new double[n];
        double[][] corr = new double[n][n];
        for (int[] s : data) {
            for (int i = 0; i < n; i++) {
                if (s[i] == 0) {
                    continue;
                }
                mean[i] += 1.0;
                for (int j = i + 1; j < n; j++) {
                    if (s[j] != 0) {
                        corr[i][j] += 1.0;
                    }
                }
            }
        }
        double inv = 1.0 / data.size();
        for (int i = 0; i < n; i++) {
            mean[i] *= inv;
            corr[i][i] = mean[i];
            for (int j = i + 1; j < n; j++) {
                corr[i][j] *= inv;
                corr[j][i] = corr[i][j];
            }
        }
        return new Moments(mean, corr);
    }

    /**
     * Returns the number of units.
     *
     * @return n &ge; 1.
     */
    public int size() {
        return mean.length;
    }

    /**
     * Returns the means.
     *
     * @return A new array of length n.
     */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /**
     * Returns the correlations.
     *
     * @return A new n &times; n array.
     */
    @Override
    public double[][] correlation() {
        double[][] c = new double[correlation.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = correlation[i].clone();
        }
        return c;
    }

    /**
     * Returns the largest absolute difference between these moments and others: the max-norm of
     * the Boltzmann-machine log-likelihood gradient when one is the data and the other the model.
     *
     * @param other The moments to compare with, same size.
     * @return max(max<sub>i</sub> |&Delta;mean<sub>i</sub>|, max<sub>i&ne;j</sub>
     *     |&Delta;correlation<sub>ij</sub>|).
     * @throws IllegalArgumentException If other is null or of another size.
     */
    public double maxAbsDifference(Moments other) {
        if (other == null || other.size() != size()) {
            throw new IllegalArgumentException("other must have size " + size() + ", found "
                    + (other == null ? "null" : String.valueOf(other.size())));
        }
        double max = 0.0;
        for (int i = 0; i < mean.length; i++) {
            max = Math.max(max, Math.abs(mean[i] - other.mean[i]));
            for (int j = 0; j < mean.length; j++) {
                if (j != i) {
                    max = Math.max(max, Math.abs(correlation[i][j] - other.correlation[i][j]));
                }
            }
        }
        return max;
    }

    /**
     * Returns a gradient-ascent step of a Boltzmann machine towards these (target) moments:
     * W<sub>ij</sub> += lr (&lt;s<sub>i</sub>s<sub>j</sub>&gt;<sub>this</sub> -
     * &lt;s<sub>i</sub>s<sub>j</sub>&gt;<sub>model</sub>) for i &ne; j and b<sub>i</sub> += lr
     * (&lt;s<sub>i</sub>&gt;<sub>this</sub> - &lt;s<sub>i</sub>&gt;<sub>model</sub>).
     *
     * @param bm The current machine.
     * @param model The model moments (exact or estimated), same size.
     * @param learningRate The step size lr. Must be finite and &gt; 0.
     * @return The updated machine (bm is unchanged).
     * @throws IllegalArgumentException If the sizes disagree or the learning rate is invalid.
     */
    BoltzmannMachine ascend(BoltzmannMachine bm, Moments model, double learningRate) {
        int n = size();
        if (bm.size() != n || model.size() != n) {
            throw new IllegalArgumentException("machine, data moments and model moments must have "
                    + "the same size, found " + bm.size() + ", " + n + ", " + model.size());
        }
        double[][] w = bm.weights();
        double[] b = bm.biases();
        for (int i = 0; i < n; i++) {
            b[i] += learningRate * (mean[i] - model.mean[i]);
            for (int j = i + 1; j < n; j++) {
                w[i][j] += learningRate * (correlation[i][j] - model.correlation[i][j]);
                w[j][i] = w[i][j];
            }
        }
        return bm.withParameters(w, b);
    }
}
