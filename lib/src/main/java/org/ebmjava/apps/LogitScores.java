package org.ebmjava.apps;

/**
 * Scores computed from a classifier's logits f(x) &isin; R<sup>K</sup>: the softmax, its log-normaliser, the
 * classifier's free energy (Liu et al., 2020; JEM's E(x), Grathwohl et al., 2020) and the maximum softmax
 * probability (Hendrycks and Gimpel, 2017).
 *
 * <p>Math, per row (sample) with logits f<sub>1..K</sub> and temperature T &gt; 0:
 * <pre>
 *   logsumexp(f)  = m + log &Sigma;_y exp(f_y - m),   m = max_y f_y        (never overflows)
 *   softmax(f)_y  = exp(f_y - m) / &Sigma;_y' exp(f_y' - m)
 *   E_T(x)        = -T logsumexp(f(x)/T)                                   (the free energy)
 *   MSP(x)        = max_y softmax(f(x))_y = 1 / &Sigma;_y exp(f_y - max_y f_y)
 * </pre>
 * A classifier defines p(y|x) = softmax(f(x))<sub>y</sub>; JEM reads the same logits as an energy model of the
 * joint, p(x, y) &prop; exp(f(x)<sub>y</sub>), so p(x) &prop; exp(-E<sub>1</sub>(x)). For out-of-distribution
 * detection both scores are "higher = more in-distribution" after negating the energy: pass -E to
 * {@link RocCurve}. E<sub>T</sub> &rarr; -max<sub>y</sub> f<sub>y</sub> as T &rarr; 0, and E<sub>T</sub> &le;
 * -max<sub>y</sub> f<sub>y</sub> always.
 *
 * <p>Layout: logits row-major, n rows of K floats (the output of an engine {@code Mlp} with a K-wide head).
 * Computation in double; results in double. Bad input (null, a length that is not a multiple of K, K &lt; 1,
 * non-finite logits, T &le; 0) is rejected by name.
 *
 * <pre>
 * References: W. Liu, X. Wang, J. D. Owens and Y. Li, "Energy-based Out-of-distribution Detection", NeurIPS 2020.
 * W. Grathwohl et al., "Your Classifier is Secretly an Energy Based Model and You Should Treat it Like One",
 * ICLR 2020.
 * D. Hendrycks and K. Gimpel, "A Baseline for Detecting Misclassified and Out-of-Distribution Examples in Neural
 * Networks", ICLR 2017.
 * </pre>
 */
public final class LogitScores {

    private LogitScores() {}

    /**
     * Returns log &Sigma;<sub>y</sub> exp(f<sub>y</sub>) of each row, computed around the row maximum.
     *
     * @param logits n&middot;K finite logits, row-major. Not modified.
     * @param classes K &ge; 1.
     * @return n values.
     * @throws IllegalArgumentException On bad input (named).
     */
    public static double[] logSumExp(float[] logits, int classes) {
        int n = rows(logits, classes);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rowLogSumExp(logits, i * classes, classes, 1.0);
        }
        return out;
    }

    /**
     * Returns the free energy E<sub>T</sub>(x) = -T logsumexp(f(x)/T) of each row (Liu et al., 2020); T = 1 gives
     * JEM's E(x).
     *
     * @param logits n&middot;K finite logits. Not modified.
     * @param classes K &ge; 1.
     * @param temperature T, finite and &gt; 0.
     * @return n energies (lower = more in-distribution).
     * @throws IllegalArgumentException On bad input (named).
     */
    public static double[] energy(float[] logits, int classes, double temperature) {
        if (!(temperature > 0.0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature: expected a finite T > 0, found " + temperature);
        }
        int n = rows(logits, classes);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = -temperature * rowLogSumExp(logits, i * classes, classes, 1.0 / temperature);
        }
        return out;
    }

    /**
     * Returns the maximum softmax probability of each row (Hendrycks and Gimpel, 2017).
     *
     * @param logits n&middot;K finite logits. Not modified.
     * @param classes K &ge; 1.
     * @return n values in [1/K, 1] (higher = more confident).
     * @throws IllegalArgumentException On bad input (named).
     */
    public static double[] maxSoftmax(float[] logits, int classes) {
        int n = rows(logits, classes);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // 1 / sum_y exp(f_y - max): exact even where logsumexp itself rounds to max (|f| ~ 1e38)
            out[i] = 1.0 / rowSumExp(logits, i * classes, classes, rowMax(logits, i * classes, classes));
        }
        return out;
    }

    /**
     * Returns softmax(f) of each row.
     *
     * @param logits n&middot;K finite logits. Not modified.
     * @param classes K &ge; 1.
     * @return A new n&middot;K array of probabilities, each row summing to 1 (up to rounding).
     * @throws IllegalArgumentException On bad input (named).
     */
    public static float[] softmax(float[] logits, int classes) {
        int n = rows(logits, classes);
        float[] out = new float[n * classes];
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            double max = rowMax(logits, o, classes);
            double sum = rowSumExp(logits, o, classes, max);
            for (int y = 0; y < classes; y++) {
                out[o + y] = (float) (Math.exp(logits[o + y] - max) / sum);
            }
        }
        return out;
    }

    /**
     * Returns the arg-max class of each row (the first one on ties).
     *
     * @param logits n&middot;K finite logits (or probabilities). Not modified.
     * @param classes K &ge; 1.
     * @return n class indices in [0, K).
     * @throws IllegalArgumentException On bad input (named).
     */
    public static int[] predictions(float[] logits, int classes) {
        int n = rows(logits, classes);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            int best = 0;
            for (int y = 1; y < classes; y++) {
                if (logits[o + y] > logits[o + best]) {
                    best = y;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * Returns the fraction of rows whose arg-max equals the label.
     *
     * @param logits n&middot;K finite logits. Not modified.
     * @param classes K &ge; 1.
     * @param labels n labels in [0, K). Not modified.
     * @return Accuracy in [0, 1].
     * @throws IllegalArgumentException On bad input, including a label count that differs from n (named).
     */
    public static double accuracy(float[] logits, int classes, int[] labels) {
        int[] pred = predictions(logits, classes);
        checkLabels(labels, pred.length, classes);
        int hits = 0;
        for (int i = 0; i < pred.length; i++) {
            hits += pred[i] == labels[i] ? 1 : 0;
        }
        return (double) hits / pred.length;
    }

    private static double rowMax(float[] logits, int offset, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < classes; y++) {
            max = Math.max(max, logits[offset + y]);
        }
        return max;
    }

    private static double rowSumExp(float[] logits, int offset, int classes, double max) {
        double sum = 0.0;
        for (int y = 0; y < classes; y++) {
            sum += Math.exp(logits[offset + y] - max);
        }
        return sum;
    }

    static double rowLogSumExp(float[] logits, int offset, int classes, double scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < classes; y++) {
            max = Math.max(max, scale * logits[offset + y]);
        }
        double sum = 0.0;
        for (int y = 0; y < classes; y++) {
            sum += Math.exp(scale * logits[offset + y] - max);
        }
        return max + Math.log(sum);
    }

    static int rows(float[] logits, int classes) {
        return rows(logits, classes, "logits");
    }

    static int rows(float[] logits, int classes, String name) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes: expected K >= 1, found " + classes);
        }
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException(name + ": expected n*K >= K values, found "
                    + (logits == null ? "null" : "an empty array"));
        }
        if (logits.length % classes != 0) {
            throw new IllegalArgumentException(name + ": expected a length that is a multiple of classes = " + classes
                    + ", found " + logits.length);
        }
        for (int k = 0; k < logits.length; k++) {
            if (!Float.isFinite(logits[k])) {
                throw new IllegalArgumentException(name + "[" + k + "] (row " + k / classes + ", class " + k % classes
                        + "): expected a finite value, found " + logits[k]);
            }
        }
        return logits.length / classes;
    }

    static void checkLabels(int[] labels, int n, int classes) {
        if (labels == null) {
            throw new IllegalArgumentException("labels: expected " + n + " labels, found null");
        }
        if (labels.length != n) {
            throw new IllegalArgumentException("labels: expected " + n + " labels (one per row), found "
                    + labels.length);
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "]: expected a class in [0, " + classes
                        + "), found " + labels[i]);
            }
        }
    }
}
