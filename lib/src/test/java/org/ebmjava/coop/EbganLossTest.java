package org.ebmjava.coop;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EbganLossTest {

    @Test
    void marginLossHandComputed() {
        // L_D = mean(0.1, 0.3) + mean([1 - 0.5]^+, [1 - 2]^+) = 0.2 + 0.25
        float[] rw = new float[2];
        float[] fw = new float[2];
        double loss = EbganLoss.discriminatorLoss(new float[] {0.1f, 0.3f}, new float[] {0.5f, 2f}, 1.0, rw, fw);
        assertEquals(0.45, loss, 1e-7);
        assertArrayEquals(new float[] {0.5f, 0.5f}, rw, 0f);
        assertArrayEquals(new float[] {-0.5f, 0f}, fw, 0f);
    }

    @Test
    void pullAwayHandComputedAndExtremes() {
        // (1, 0) and (1, 1): cos^2 = 1/2 for both ordered pairs, f = (1/2)(1/2 + 1/2)
        assertEquals(0.5, EbganLoss.pullAway(new float[] {1, 0, 1, 1}, 2, 2, null), 1e-12);
        assertEquals(0.0, EbganLoss.pullAway(new float[] {1, 0, 0, 0, 2, 0, 0, 0, -3}, 3, 3, null), 1e-12);
        assertEquals(1.0, EbganLoss.pullAway(new float[] {1, 2, 2, 4, -1, -2}, 3, 2, null), 1e-12);
    }

    @Test
    void pullAwayGradientMatchesCentralDifferences() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 5;
        int h = 4;
        float[] s = new float[n * h];
        for (int q = 0; q < s.length; q++) {
            s[q] = (float) r.nextGaussian();
        }
        float[] g = new float[n * h];
        EbganLoss.pullAway(s, n, h, g);
        float step = 1e-2f;
        for (int q = 0; q < s.length; q++) {
            float[] p = s.clone();
            float[] m = s.clone();
            p[q] += step;
            m[q] -= step;
            double fd = (EbganLoss.pullAway(p, n, h, null) - EbganLoss.pullAway(m, n, h, null)) / (p[q] - m[q]);
            assertEquals(fd, g[q], 2e-4, "coordinate " + q);
        }
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> EbganLoss.discriminatorLoss(new float[0], new float[] {1}, 1, null, null), "realEnergy",
                "none");
        assertMessage(() -> EbganLoss.discriminatorLoss(new float[] {1}, new float[] {1}, 0, null, null), "margin",
                "0");
        assertMessage(() -> EbganLoss.discriminatorLoss(new float[] {1}, new float[] {Float.NaN}, 1, null, null),
                "fakeEnergy[0]", "NaN");
        assertMessage(() -> EbganLoss.pullAway(new float[] {1, 0}, 1, 2, null), "n", "1");
        assertMessage(() -> EbganLoss.pullAway(new float[] {1, 0, 0, 0}, 2, 2, null), "codes", "row 1");
    }
}
