package org.ebmjava.apps;

import java.util.Locale;

/**
 * The calibration of a classifier: a reliability diagram over equal-width confidence bins and the expected
 * calibration error (ECE) it summarises (Naeini et al., 2015; Guo et al., 2017).
 *
 * <p>For each sample i let conf<sub>i</sub> = max<sub>y</sub> p(y|x<sub>i</sub>) be the confidence of the
 * prediction &ycirc;<sub>i</sub> = argmax<sub>y</sub> p(y|x<sub>i</sub>) (the first class on ties), and
 * correct<sub>i</sub> = [&ycirc;<sub>i</sub> = y<sub>i</sub>]. With B bins, bin b (0-based) holds the samples with
 * conf in (b/B, (b+1)/B] (bin 0 also takes conf = 0). For a non-empty bin:
 * <pre>
 *   acc(b)  = mean of correct_i over the bin      conf(b) = mean of conf_i over the bin
 *   ECE     = &Sigma;_b (n_b / n) |acc(b) - conf(b)|
 * </pre>
 * A perfectly calibrated classifier (among the samples it is 80 % sure of, 80 % are right) has ECE = 0 and its
 * reliability diagram on the diagonal; an over-confident one has bars below the diagonal. ECE is in [0, 1]; it
 * depends on B (15 in Guo et al.) and, with few samples per bin, has a positive bias.
 *
 * <p>Input: probabilities (n rows of K, each summing to 1 within 10<sup>-3</sup>; use
 * {@link LogitScores#softmax} on logits) and n labels; or confidences and correctness flags directly. Mismatched
 * counts, labels out of range, rows that are not probability vectors and B &lt; 1 are rejected by name. Instances
 * are immutable.
 *
 * <pre>
 * References: M. P. Naeini, G. F. Cooper and M. Hauskrecht, "Obtaining Well Calibrated Probabilities Using Bayesian
 * Binning", AAAI 2015.
 * C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger, "On Calibration of Modern Neural Networks", ICML 2017.
 * </pre>
 */
public final class ReliabilityDiagram {

    private final int bins;
    private final int n;
    private final int[] counts;
    private final double[] accuracy;
    private final double[] confidence;
    private final double ece;
    private final double overallAccuracy;

    private ReliabilityDiagram(double[] conf, boolean[] correct, int bins) {
        this.bins = bins;
        this.n = conf.length;
        counts = new int[bins];
        double[] hit = new double[bins];
        double[] sumConf = new double[bins];
        int hits = 0;
        for (int i = 0; i < n; i++) {
            int b = bin(conf[i], bins);
            counts[b]++;
            sumConf[b] += conf[i];
            if (correct[i]) {
                hit[b]++;
                hits++;
            }
        }
        accuracy = new double[bins];
        confidence = new double[bins];
        double e = 0.0;
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                accuracy[b] = Double.NaN;
                confidence[b] = Double.NaN;
            } else {
                accuracy[b] = hit[b] / counts[b];
                confidence[b] = sumConf[b] / counts[b];
                e += (double) counts[b] / n * Math.abs(accuracy[b] - confidence[b]);
            }
        }
        ece = e;
        overallAccuracy = (double) hits / n;
    }

    /**
     * Bins a classifier's predicted probabilities.
     *
     * @param probabilities n&middot;K probabilities, row-major, each row in [0, 1] summing to 1 &plusmn; 10<sup>-3</sup>.
     *     Not modified.
     * @param classes K &ge; 1.
     * @param labels The n true labels in [0, K). Not modified.
     * @param bins B &ge; 1.
     * @return The diagram.
     * @throws IllegalArgumentException On bad input: the message names the argument (e.g. "labels: expected 100
     *     labels (one per row), found 99").
     */
    public static ReliabilityDiagram of(float[] probabilities, int classes, int[] labels, int bins) {
        checkBins(bins);
        int rows = LogitScores.rows(probabilities, classes, "probabilities");
        LogitScores.checkLabels(labels, rows, classes);
        double[] conf = new double[rows];
        boolean[] correct = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            int o = i * classes;
            int best = 0;
            double sum = 0.0;
            for (int y = 0; y < classes; y++) {
                float p = probabilities[o + y];
                if (p < 0f || p > 1f) {
                    throw new IllegalArgumentException("probabilities[" + (o + y) + "] (row " + i + ", class " + y
                            + "): expected a probability in [0, 1], found " + p + " (pass softmax(logits), not logits)");
                }
                sum += p;
                if (p > probabilities[o + best]) {
                    best = y;
                }
            }
            if (Math.abs(sum - 1.0) > 1e-3) {
                throw new IllegalArgumentException("probabilities: expected row " + i + " to sum to 1, found "
                        + sum + " (pass softmax(logits), not logits)");
            }
            conf[i] = probabilities[o + best];
            correct[i] = best == labels[i];
        }
        return new ReliabilityDiagram(conf, correct, bins);
    }

    /**
     * Bins given confidences and correctness flags.
     *
     * @param confidences The n confidences in [0, 1]. Not modified.
     * @param correct Whether each prediction was right; n flags. Not modified.
     * @param bins B &ge; 1.
     * @return The diagram.
     * @throws IllegalArgumentException If the counts differ, n = 0, a confidence is outside [0, 1] (or NaN), or B
     *     &lt; 1 (named).
     */
    public static ReliabilityDiagram of(double[] confidences, boolean[] correct, int bins) {
        checkBins(bins);
        if (confidences == null || confidences.length == 0) {
            throw new IllegalArgumentException("confidences: expected at least one, found "
                    + (confidences == null ? "null" : "an empty array"));
        }
        if (correct == null || correct.length != confidences.length) {
            throw new IllegalArgumentException("correct: expected " + confidences.length
                    + " flags (one per confidence), found " + (correct == null ? "null" : correct.length));
        }
        for (int i = 0; i < confidences.length; i++) {
            if (!(confidences[i] >= 0.0 && confidences[i] <= 1.0)) {
                throw new IllegalArgumentException("confidences[" + i + "]: expected a value in [0, 1], found "
                        + confidences[i]);
            }
        }
        return new ReliabilityDiagram(confidences.clone(), correct.clone(), bins);
    }

    /**
     * Returns the expected calibration error &Sigma;<sub>b</sub> (n<sub>b</sub>/n) |acc(b) - conf(b)|.
     *
     * @return ECE in [0, 1].
     */
    public double expectedCalibrationError() {
        return ece;
    }

    /**
     * Returns the fraction of correct predictions over all samples.
     *
     * @return Accuracy in [0, 1].
     */
    public double accuracy() {
        return overallAccuracy;
    }

    /**
     * Returns the number of bins.
     *
     * @return B.
     */
    public int bins() {
        return bins;
    }

    /**
     * Returns the number of samples.
     *
     * @return n.
     */
    public int size() {
        return n;
    }

    /**
     * Returns the number of samples in each bin.
     *
     * @return A new array of B counts.
     */
    public int[] counts() {
        return counts.clone();
    }

    /**
     * Returns acc(b), the accuracy in each bin (the bar heights of the diagram); NaN for an empty bin.
     *
     * @return A new array of B values.
     */
    public double[] binAccuracy() {
        return accuracy.clone();
    }

    /**
     * Returns conf(b), the mean confidence in each bin; NaN for an empty bin.
     *
     * @return A new array of B values.
     */
    public double[] binConfidence() {
        return confidence.clone();
    }

    /**
     * Returns the centre (b + &frac12;)/B of each bin (the x positions of the bars).
     *
     * @return A new array of B values.
     */
    public double[] binCenters() {
        double[] c = new double[bins];
        for (int b = 0; b < bins; b++) {
            c[b] = (b + 0.5) / bins;
        }
        return c;
    }

    /**
     * Describes the diagram.
     *
     * @return E.g. "ReliabilityDiagram[n=2004, B=15, accuracy=0.9237, ECE=0.0312]".
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ReliabilityDiagram[n=%d, B=%d, accuracy=%.4f, ECE=%.4f]", n, bins,
                overallAccuracy, ece);
    }

    static int bin(double conf, int bins) {
        // bin b holds (b/B, (b+1)/B]; conf = 0 goes to bin 0
        int b = (int) Math.ceil(conf * bins) - 1;
        if (b > 0 && conf <= (double) b / bins) {
            b--; // conf * B rounded up past an edge (0.3 * 10 = 3.0000000000000004)
        }
        return Math.max(0, Math.min(bins - 1, b));
    }

    private static void checkBins(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins: expected B >= 1, found " + bins);
        }
    }
}
