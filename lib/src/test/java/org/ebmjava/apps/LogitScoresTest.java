package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogitScoresTest {

    private static final float[] LOGITS = {1f, 2f, 3f, -1f, 0f, 0.5f};

    @Test
    void matchesDirectFormulas() {
        double[] lse = LogitScores.logSumExp(LOGITS, 3);
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), lse[0], 1e-12);
        assertEquals(Math.log(Math.exp(-1) + 1 + Math.exp(0.5)), lse[1], 1e-12);
        for (double t : new double[] {0.5, 1.0, 2.0}) {
            double[] e = LogitScores.energy(LOGITS, 3, t);
            double direct = -t * Math.log(Math.exp(1 / t) + Math.exp(2 / t) + Math.exp(3 / t));
            assertEquals(direct, e[0], 1e-12, "T = " + t);
            assertTrue(e[0] <= -3.0, "E_T <= -max f");
        }
        double[] msp = LogitScores.maxSoftmax(LOGITS, 3);
        assertEquals(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), msp[0], 1e-12);
        assertEquals(Math.exp(0.5) / (Math.exp(-1) + 1 + Math.exp(0.5)), msp[1], 1e-12);
        float[] p = LogitScores.softmax(LOGITS, 3);
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-6);
        assertEquals(msp[0], p[2], 1e-6);
        assertArrayEquals(new int[] {2, 2}, LogitScores.predictions(LOGITS, 3));
        assertEquals(0.5, LogitScores.accuracy(LOGITS, 3, new int[] {2, 0}), 0);
    }

    @Test
    void stableForLargeLogits() {
        float[] big = {1000f, 999f, -1000f, 3e38f, 3e38f, 0f};
        double[] lse = LogitScores.logSumExp(big, 3);
        assertEquals(1000 + Math.log(1 + Math.exp(-1)), lse[0], 1e-9);
        assertEquals((double) 3e38f, lse[1], 1e25); // log 2 is far below float resolution here
        assertTrue(Double.isFinite(LogitScores.energy(big, 3, 0.01)[0]));
        assertEquals(-1000.0, LogitScores.energy(big, 3, 1e-3)[0], 1e-6, "T -> 0 gives -max f");
        double[] msp = LogitScores.maxSoftmax(big, 3);
        assertEquals(1 / (1 + Math.exp(-1)), msp[0], 1e-12);
        assertEquals(0.5, msp[1], 1e-12);
        float[] p = LogitScores.softmax(big, 3);
        for (float v : p) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> LogitScores.energy(LOGITS, 3, 0), "temperature", "0");
        assertMessage(() -> LogitScores.logSumExp(LOGITS, 4), "logits", "multiple of classes = 4");
        assertMessage(() -> LogitScores.logSumExp(new float[] {1f, Float.NaN}, 2), "logits[1]", "NaN");
        assertMessage(() -> LogitScores.maxSoftmax(null, 2), "logits", "null");
        assertMessage(() -> LogitScores.softmax(LOGITS, 0), "classes", "0");
        assertMessage(() -> LogitScores.accuracy(LOGITS, 3, new int[] {1}), "labels", "found 1");
    }
}
