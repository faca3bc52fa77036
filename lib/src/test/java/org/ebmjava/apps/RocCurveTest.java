package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    // Hand-checked: positives {0.9, 0.8, 0.4, 0.4}, negatives {0.7, 0.4, 0.1}.
    // Pairs won: 0.9 -> 3, 0.8 -> 3, each 0.4 -> 1 (beats 0.1) + 0.5 (ties 0.4) = 1.5; U = 9 of 12 pairs.
    // Mid-ranks: 0.1 -> 1, the three 0.4 -> 3, 0.7 -> 5, 0.8 -> 6, 0.9 -> 7; R+ = 3+3+6+7 = 19, U = 19 - 10 = 9.
    private static final double[] POS = {0.4, 0.9, 0.4, 0.8};
    private static final double[] NEG = {0.1, 0.7, 0.4};

    @Test
    void handCheckedSmallCase() {
        RocCurve roc = RocCurve.of(POS, NEG);
        assertEquals(0.75, roc.auroc(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0, 1.0 / 3, 2.0 / 3, 1}, roc.falsePositiveRates(), 1e-15);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.5, 1, 1}, roc.truePositiveRates(), 1e-15);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.4, 0.1}, roc.thresholds(), 0);
        // 95 % TPR needs k = ceil(3.8) = 4 positives: threshold 0.4 accepts negatives 0.7 and 0.4
        assertEquals(0.4, roc.thresholdAtTpr(0.95), 0);
        assertEquals(2.0 / 3, roc.fprAtTpr(0.95), 1e-15);
        // 50 % TPR: threshold 0.8 accepts no negative
        assertEquals(0.0, roc.fprAtTpr(0.5), 0);
        // 75 % TPR: the third-largest positive is a tied 0.4, so both 0.4s are accepted, and so are two negatives
        assertEquals(2.0 / 3, roc.fprAtTpr(0.75), 1e-15);
    }

    @Test
    void perfectSwappedAndIdentical() {
        double[] low = {0.1, 0.2, 0.3};
        double[] high = {0.5, 0.6, 0.7, 0.8};
        assertEquals(1.0, RocCurve.auroc(high, low), 0);
        assertEquals(0.0, RocCurve.auroc(low, high), 0);
        assertEquals(0.5, RocCurve.auroc(high, high.clone()), 0);
        assertEquals(0.5, RocCurve.auroc(new double[] {3, 3}, new double[] {3, 3, 3}), 0);
        assertEquals(0.0, RocCurve.of(high, low).fprAtTpr(0.95), 0);
        assertEquals(1.0, RocCurve.of(low, high).fprAtTpr(0.95), 0);
    }

    @Test
    void aurocEqualsPairCountingAndTrapezoidAreaWithTies() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int trial = 0; trial < 20; trial++) {
            int np = 1 + rng.nextInt(40);
            int nn = 1 + rng.nextInt(40);
            double[] pos = new double[np];
            double[] neg = new double[nn];
            for (int i = 0; i < np; i++) {
                pos[i] = rng.nextInt(8) + 1; // few distinct values: many ties
            }
            for (int i = 0; i < nn; i++) {
                neg[i] = rng.nextInt(8);
            }
            double pairs = 0;
            for (double p : pos) {
                for (double q : neg) {
                    pairs += p > q ? 1 : p == q ? 0.5 : 0;
                }
            }
            RocCurve roc = RocCurve.of(pos, neg);
            assertEquals(pairs / (np * nn), roc.auroc(), 1e-12, "trial " + trial);
            double[] f = roc.falsePositiveRates();
            double[] t = roc.truePositiveRates();
            double area = 0;
            for (int k = 1; k < f.length; k++) {
                area += (f[k] - f[k - 1]) * (t[k] + t[k - 1]) / 2;
            }
            assertEquals(roc.auroc(), area, 1e-12, "trapezoid area, trial " + trial);
            assertEquals(1.0, f[f.length - 1], 0);
            assertEquals(1.0, t[t.length - 1], 0);
            // FPR at 95 % TPR by brute force over thresholds
            double best = Double.NaN;
            for (double th : pos) {
                long tp = java.util.Arrays.stream(pos).filter(s -> s >= th).count();
                if (tp >= 0.95 * np - 1e-9 && (Double.isNaN(best) || th > best)) {
                    best = th;
                }
            }
            double thr = best;
            double fpr = java.util.Arrays.stream(neg).filter(s -> s >= thr).count() / (double) nn;
            assertEquals(fpr, roc.fprAtTpr(0.95), 1e-15, "FPR at 95 % TPR, trial " + trial);
        }
    }

    @Test
    void floatScoresAndInfinities() {
        float[] pos = {Float.POSITIVE_INFINITY, 2f};
        float[] neg = {Float.NEGATIVE_INFINITY, 1f};
        assertEquals(1.0, RocCurve.of(pos, neg).auroc(), 0);
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> RocCurve.of(new double[0], NEG), "inDistribution", "empty");
        assertMessage(() -> RocCurve.of(POS, new double[0]), "outOfDistribution", "empty");
        assertMessage(() -> RocCurve.of((double[]) null, NEG), "inDistribution", "null");
        assertMessage(() -> RocCurve.of(POS, new double[] {0.1, Double.NaN}), "outOfDistribution[1]", "NaN");
        assertMessage(() -> RocCurve.of(new float[] {Float.NaN}, new float[] {1f}), "inDistribution[0]", "NaN");
        RocCurve roc = RocCurve.of(POS, NEG);
        assertMessage(() -> roc.fprAtTpr(0), "r", "0");
        assertMessage(() -> roc.fprAtTpr(1.5), "r", "1.5");
    }
}
