package org.ebmjava.apps;

import java.util.Arrays;

/**
 * The receiver operating characteristic of a detector score that separates in-distribution inputs (positives) from
 * out-of-distribution inputs (negatives), with its area (AUROC) and the false-positive rate at a given true-positive
 * rate (FPR at 95 % TPR).
 *
 * <p><b>Convention.</b> A higher score means "more in-distribution". For an energy E pass -E (low energy = likely
 * data); for the maximum softmax probability pass it as it is. For a threshold t,
 * <pre>
 *   TPR(t) = #{positives with s &ge; t} / n+        FPR(t) = #{negatives with s &ge; t} / n-
 * </pre>
 * The curve is the set of points (FPR(t), TPR(t)) for t running down through the distinct scores of both lists,
 * starting at (0, 0) (t above every score) and ending at (1, 1). Tied scores of a positive and a negative move
 * both rates at once, giving a diagonal segment.
 *
 * <p><b>AUROC</b> is the area under that curve by the trapezoid rule, which equals the Mann-Whitney statistic
 * <pre>
 *   AUROC = P(S+ &gt; S-) + &frac12; P(S+ = S-) = U / (n+ n-),   U = R+ - n+(n+ + 1)/2
 * </pre>
 * where R+ is the sum of the positives' ranks in the pooled sample, tied scores getting their mid-rank. So 1 means
 * every positive scores above every negative, 0 the reverse, and 0.5 a score that cannot tell them apart (e.g.
 * identical lists). It is computed in O((n+ + n-) log(n+ + n-)) by sorting.
 *
 * <p><b>FPR at TPR r</b> (r = 0.95 in the OOD literature): the threshold is the highest t with TPR(t) &ge; r, i.e.
 * the k-th largest positive score with k = &lceil;r n+&rceil;, and the result is FPR at that threshold: the fraction
 * of out-of-distribution inputs still accepted when 95 % of in-distribution inputs are. Lower is better.
 *
 * <p>Bad input is rejected by name: null or empty score lists, NaN scores (the index is given); &plusmn;&infin; are
 * allowed and rank as the extreme values. Instances are immutable.
 *
 * <pre>
 * References: J. A. Hanley and B. J. McNeil, "The meaning and use of the area under a receiver operating
 * characteristic (ROC) curve", Radiology 143(1), 1982.
 * D. Hendrycks and K. Gimpel, "A Baseline for Detecting Misclassified and Out-of-Distribution Examples in Neural
 * Networks", ICLR 2017.
 * </pre>
 */
public final class RocCurve {

    private final int positives;
    private final int negatives;
    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;
    private final double[] sortedPositives;
    private final double[] sortedNegatives;
    private final double auroc;

    private RocCurve(double[] pos, double[] neg) {
        positives = pos.length;
        negatives = neg.length;
        sortedPositives = pos.clone();
        sortedNegatives = neg.clone();
        Arrays.sort(sortedPositives);
        Arrays.sort(sortedNegatives);
        // walk the distinct scores from the highest down
        double[] f = new double[positives + negatives + 1];
        double[] t = new double[positives + negatives + 1];
        double[] th = new double[positives + negatives + 1];
        f[0] = 0.0;
        t[0] = 0.0;
        th[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        int ip = positives - 1;
        int in = negatives - 1;
        int truePos = 0;
        int falsePos = 0;
        double area = 0.0;
        while (ip >= 0 || in >= 0) {
            double s = Math.max(ip >= 0 ? sortedPositives[ip] : Double.NEGATIVE_INFINITY,
                    in >= 0 ? sortedNegatives[in] : Double.NEGATIVE_INFINITY);
            int dp = 0;
            int dn = 0;
            while (ip >= 0 && sortedPositives[ip] == s) {
                ip--;
                dp++;
            }
            while (in >= 0 && sortedNegatives[in] == s) {
                in--;
                dn++;
            }
            // trapezoid in counts: width dn, heights truePos and truePos + dp
            area += dn * (truePos + 0.5 * dp);
            truePos += dp;
            falsePos += dn;
            f[points] = (double) falsePos / negatives;
            t[points] = (double) truePos / positives;
            th[points] = s;
            points++;
        }
        fpr = Arrays.copyOf(f, points);
        tpr = Arrays.copyOf(t, points);
        thresholds = Arrays.copyOf(th, points);
        auroc = area / ((double) positives * negatives);
    }

    /**
     * Builds the curve of a score on in-distribution (positive) and out-of-distribution (negative) inputs.
     *
     * @param inDistribution The scores of in-distribution inputs, higher = more in-distribution; at least one, no
     *     NaN. Not modified.
     * @param outOfDistribution The scores of out-of-distribution inputs; at least one, no NaN. Not modified.
     * @return The curve.
     * @throws IllegalArgumentException If a list is null or empty or holds a NaN (the message names the list and
     *     index).
     */
    public static RocCurve of(double[] inDistribution, double[] outOfDistribution) {
        check(inDistribution, "inDistribution");
        check(outOfDistribution, "outOfDistribution");
        return new RocCurve(inDistribution, outOfDistribution);
    }

    /**
     * Builds the curve from float scores (as the engine returns them).
     *
     * @param inDistribution The in-distribution scores. Not modified.
     * @param outOfDistribution The out-of-distribution scores. Not modified.
     * @return The curve.
     * @throws IllegalArgumentException As {@link #of(double[], double[])}.
     */
    public static RocCurve of(float[] inDistribution, float[] outOfDistribution) {
        return of(toDouble(inDistribution, "inDistribution"), toDouble(outOfDistribution, "outOfDistribution"));
    }

    /**
     * The area under the curve, U / (n+ n-) (see the class documentation).
     *
     * @param inDistribution The in-distribution scores. Not modified.
     * @param outOfDistribution The out-of-distribution scores. Not modified.
     * @return AUROC in [0, 1].
     * @throws IllegalArgumentException As {@link #of(double[], double[])}.
     */
    public static double auroc(double[] inDistribution, double[] outOfDistribution) {
        return of(inDistribution, outOfDistribution).auroc();
    }

    /**
     * Returns the area under the curve: P(S+ &gt; S-) + &frac12; P(S+ = S-).
     *
     * @return AUROC in [0, 1].
     */
    public double auroc() {
        return auroc;
    }

    /**
     * Returns the false-positive rate at the highest threshold whose true-positive rate is at least r.
     *
     * @param r The true-positive rate, in (0, 1] (0.95 for "FPR at 95 % TPR").
     * @return FPR in [0, 1].
     * @throws IllegalArgumentException If r is not in (0, 1].
     */
    public double fprAtTpr(double r) {
        if (!(r > 0.0 && r <= 1.0)) {
            throw new IllegalArgumentException("r: expected a true-positive rate in (0, 1], found " + r);
        }
        double t = thresholdAtTpr(r);
        // negatives with score >= t
        int idx = lowerBound(sortedNegatives, t);
        return (double) (negatives - idx) / negatives;
    }

    /**
     * Returns the threshold used by {@link #fprAtTpr(double)}: the k-th largest in-distribution score, k =
     * &lceil;r n+&rceil;.
     *
     * @param r The true-positive rate, in (0, 1].
     * @return The threshold t (inputs with score &ge; t are accepted as in-distribution).
     * @throws IllegalArgumentException If r is not in (0, 1].
     */
    public double thresholdAtTpr(double r) {
        if (!(r > 0.0 && r <= 1.0)) {
            throw new IllegalArgumentException("r: expected a true-positive rate in (0, 1], found " + r);
        }
        // guard against r*n landing a rounding error above an integer (0.95 * 20 = 19.000000000000004 would give 20)
        int k = (int) Math.ceil(r * positives - 1e-9);
        k = Math.max(1, Math.min(positives, k));
        return sortedPositives[positives - k];
    }

    /**
     * Returns the false-positive rates of the curve's points, from 0 to 1 (non-decreasing).
     *
     * @return A new array, one entry per point.
     */
    public double[] falsePositiveRates() {
        return fpr.clone();
    }

    /**
     * Returns the true-positive rates of the curve's points, from 0 to 1 (non-decreasing).
     *
     * @return A new array, one entry per point.
     */
    public double[] truePositiveRates() {
        return tpr.clone();
    }

    /**
     * Returns each point's threshold t (the first point's is +&infin;: nothing accepted).
     *
     * @return A new array, one entry per point, decreasing.
     */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * Returns the number of points (distinct scores + 1).
     *
     * @return The number of points.
     */
    public int size() {
        return fpr.length;
    }

    /**
     * Returns n+, the number of in-distribution scores.
     *
     * @return n+.
     */
    public int positives() {
        return positives;
    }

    /**
     * Returns n-, the number of out-of-distribution scores.
     *
     * @return n-.
     */
    public int negatives() {
        return negatives;
    }

    /**
     * Describes the curve.
     *
     * @return E.g. "RocCurve[n+=2004, n-=1000, AUROC=0.9731, FPR@95%TPR=0.1210]".
     */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "RocCurve[n+=%d, n-=%d, AUROC=%.4f, FPR@95%%TPR=%.4f]",
                positives, negatives, auroc, fprAtTpr(0.95));
    }

    private static int lowerBound(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void check(double[] scores, String name) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException(name + ": expected at least one score, found "
                    + (scores == null ? "null" : "an empty list"));
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException(name + "[" + i + "]: expected a score (not NaN), found NaN");
            }
        }
    }

    private static double[] toDouble(float[] scores, String name) {
        if (scores == null) {
            throw new IllegalArgumentException(name + ": expected at least one score, found null");
        }
        double[] d = new double[scores.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = scores[i];
        }
        return d;
    }
}
