package org.ebmjava.exercises.ex08;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 08.2 ({@link CalibrationError}). */
@DisplayName("08.2 The expected calibration error")
public class CalibrationErrorChecks {
    private static final double TOL = 1e-12;
    private final CalibrationError impl = Submissions.get(CalibrationError.class);

    /** The check's own ECE, bin by bin. */
    static double ece(double[] conf, boolean[] ok, int bins) {
        int[] count = new int[bins];
        double[] hit = new double[bins];
        double[] sum = new double[bins];
        for (int i = 0; i < conf.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) Math.ceil(conf[i] * bins) - 1));
            count[b]++;
            sum[b] += conf[i];
            hit[b] += ok[i] ? 1 : 0;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                e += (double) count[b] / conf.length * Math.abs(hit[b] / count[b] - sum[b] / count[b]);
            }
        }
        return e;
    }

    @Test
    @DisplayName("perfectly calibrated bins give 0: 1 of 4 right at confidence 0.25, 3 of 4 right at 0.75")
    void calibrated() {
        double[] conf = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
        boolean[] ok = {true, false, false, false, true, true, false, true};
        assertEquals(0.0, impl.expectedCalibrationError(conf, ok, 2), TOL);
        assertEquals(0.0, impl.expectedCalibrationError(conf, ok, 10), TOL, "B = 10 puts them in two bins too");
    }

    @Test
    @DisplayName("always sure (confidence 1) and right half the time gives 0.5 for any B; confidence 1 is in the last bin")
    void overConfident() {
        double[] conf = {1, 1, 1, 1};
        boolean[] ok = {true, false, true, false};
        for (int bins : new int[] {1, 3, 15}) {
            assertEquals(0.5, impl.expectedCalibrationError(conf, ok, bins), TOL, "B = " + bins);
        }
    }

    @Test
    @DisplayName("hand-computed, bins weighted by their counts: {0.9 right, 0.8 wrong, 0.6 wrong}, B = 4 gives 13/30")
    void weightedByCounts() {
        // bin 3: acc 1/2, conf 0.85 -> 0.35 * 2/3; bin 2: acc 0, conf 0.6 -> 0.6 * 1/3; total 0.4333...
        double got = impl.expectedCalibrationError(new double[] {0.9, 0.8, 0.6}, new boolean[] {true, false, false}, 4);
        assertEquals(0.35 * 2 / 3 + 0.6 / 3, got, 1e-12, "weight each bin by n_b / n (an unweighted mean gives 0.475)");
    }

    @Test
    @DisplayName("bin edges: a confidence of exactly b/B belongs to bin b - 1, and 0 to bin 0")
    void edges() {
        // B = 2: 0.5 is in (0, 0.5] with 0 -> |1 - 0.25| for {0 right, 0.5 right}; 0.6 is alone in (0.5, 1]
        double got = impl.expectedCalibrationError(new double[] {0.0, 0.5, 0.6}, new boolean[] {true, true, false}, 2);
        assertEquals(2.0 / 3 * 0.75 + 1.0 / 3 * 0.6, got, 1e-12,
                "bins are (b/B, (b+1)/B]: 0.5 with B = 2 is in bin 0, not bin 1");
    }

    @Test
    @DisplayName("equals the definition on random confidences and leaves the inputs unchanged")
    void randomCases() {
        Random rng = new Random(806);
        for (int trial = 0; trial < 10; trial++) {
            int n = 1 + rng.nextInt(50);
            int bins = 1 + rng.nextInt(15);
            double[] conf = new double[n];
            boolean[] ok = new boolean[n];
            for (int i = 0; i < n; i++) {
                conf[i] = rng.nextDouble();
                ok[i] = rng.nextDouble() < conf[i];
            }
            double[] conf0 = conf.clone();
            boolean[] ok0 = ok.clone();
            double got = impl.expectedCalibrationError(conf, ok, bins);
            assertArrayEquals(conf0, conf, 0.0, "confidences must not be modified");
            assertArrayEquals(ok0, ok, "correct must not be modified");
            assertEquals(ece(conf, ok, bins), got, 1e-12, "trial " + trial + " (n = " + n + ", B = " + bins + ")");
        }
    }
}
