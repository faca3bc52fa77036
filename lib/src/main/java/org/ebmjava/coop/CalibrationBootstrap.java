package org.ebmjava.coop;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ebmjava.apps.ReliabilityDiagram;

/**
 * A bootstrap interval for the difference in expected calibration error (ECE) between two classifiers evaluated on
 * the same test set: does JEM's ECE really differ from the plain classifier's (notebook 08)?
 *
 * <p>Given each model's confidence and correctness on the same n test inputs, draw B resamples of the n indices
 * with replacement (paired: both models see the same resample), and on each compute
 * <pre>
 *   &Delta;_b = ECE_A(resample b) - ECE_B(resample b)      (ECE of {@link ReliabilityDiagram} with the given bins)
 * </pre>
 * The percentile interval [&Delta;<sub>(&alpha;/2)</sub>, &Delta;<sub>(1-&alpha;/2)</sub>] of the sorted &Delta;
 * (Efron and Tibshirani, 1993) is returned with the observed difference on the full set. An interval that
 * excludes 0 is evidence of a real difference on this test distribution; one that contains 0 is not. Seeded and
 * reproducible.
 *
 * <pre>
 * Reference: B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap", Chapman &amp; Hall, 1993.
 * </pre>
 *
 * @param observed ECE<sub>A</sub> - ECE<sub>B</sub> on the full test set.
 * @param lower The lower percentile of the bootstrap differences.
 * @param upper The upper percentile of the bootstrap differences.
 * @param resamples B.
 */
public record CalibrationBootstrap(double observed, double lower, double upper, int resamples) {

    /**
     * Bootstraps ECE<sub>A</sub> - ECE<sub>B</sub>.
     *
     * @param confidenceA Model A's confidences in [0, 1], n &ge; 1 entries. Not modified.
     * @param correctA Whether model A was right, n flags. Not modified.
     * @param confidenceB Model B's confidences on the same inputs, n entries. Not modified.
     * @param correctB Whether model B was right, n flags. Not modified.
     * @param bins The ECE bins, &ge; 1.
     * @param resamples B &ge; 10.
     * @param level The interval's coverage in (0, 1), e.g. 0.95.
     * @param seed The seed of the resampling.
     * @return The observed difference and the percentile interval.
     * @throws IllegalArgumentException On mismatched lengths or a bad argument (named).
     */
    public static CalibrationBootstrap eceDifference(double[] confidenceA, boolean[] correctA, double[] confidenceB,
            boolean[] correctB, int bins, int resamples, double level, long seed) {
        if (confidenceA == null || confidenceA.length == 0) {
            throw new IllegalArgumentException("confidenceA: expected at least one confidence, found "
                    + (confidenceA == null ? "null" : "none"));
        }
        int n = confidenceA.length;
        check(correctA == null ? -1 : correctA.length, n, "correctA");
        check(confidenceB == null ? -1 : confidenceB.length, n, "confidenceB");
        check(correctB == null ? -1 : correctB.length, n, "correctB");
        if (resamples < 10) {
            throw new IllegalArgumentException("resamples: expected B >= 10, found " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level: expected a coverage in (0, 1), found " + level);
        }
        double observed = ReliabilityDiagram.of(confidenceA, correctA, bins).expectedCalibrationError()
                - ReliabilityDiagram.of(confidenceB, correctB, bins).expectedCalibrationError();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] diff = new double[resamples];
        double[] ca = new double[n];
        double[] cb = new double[n];
        boolean[] oa = new boolean[n];
        boolean[] ob = new boolean[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                ca[i] = confidenceA[j];
                oa[i] = correctA[j];
                cb[i] = confidenceB[j];
                ob[i] = correctB[j];
            }
            diff[b] = ReliabilityDiagram.of(ca, oa, bins).expectedCalibrationError()
                    - ReliabilityDiagram.of(cb, ob, bins).expectedCalibrationError();
        }
        Arrays.sort(diff);
        double tail = (1 - level) / 2;
        int lo = (int) Math.floor(tail * resamples);
        int hi = Math.min(resamples - 1, (int) Math.ceil((1 - tail) * resamples) - 1);
        return new CalibrationBootstrap(observed, diff[lo], diff[hi], resamples);
    }

    /**
     * Says whether the interval lies entirely below or above zero.
     *
     * @return -1 if upper &lt; 0 (A better calibrated), +1 if lower &gt; 0 (A worse), 0 if it contains 0.
     */
    public int sign() {
        return upper < 0 ? -1 : lower > 0 ? 1 : 0;
    }

    private static void check(int found, int n, String name) {
        if (found != n) {
            throw new IllegalArgumentException(name + ": expected " + n + " entries (one per test input, as "
                    + "confidenceA), found " + (found < 0 ? "null" : found));
        }
    }
}
