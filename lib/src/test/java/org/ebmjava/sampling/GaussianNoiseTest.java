package org.ebmjava.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Block-seeded noise: standard normal, reproducible, independent between blocks. */
class GaussianNoiseTest {

    @Test
    void drawsAreStandardNormalAndReproducible() {
        int m = 25 * GaussianNoise.BLOCK + 17; // parallel, with a ragged last block
        float[] a = new float[m];
        float[] b = new float[m];
        SplittableRandom rng = new SplittableRandom(7);
        GaussianNoise.fill(a, m, rng);
        GaussianNoise.fill(b, m, new SplittableRandom(7));
        assertArrayEquals(a, b, 0f);
        // The caller's generator advanced by one long per block (26 blocks).
        SplittableRandom skipped = new SplittableRandom(7);
        for (int i = 0; i < 26; i++) {
            skipped.nextLong();
        }
        assertEquals(skipped.nextLong(), rng.nextLong());
        double mean = BatchOps.columnMeans(a, 1)[0];
        double var = BatchOps.covariance(a, 1)[0][0];
        assertEquals(0.0, mean, 4.0 / Math.sqrt(m));
        assertEquals(1.0, var, 4.0 * Math.sqrt(2.0 / m));
        // Fourth moment 3 (sd of the estimate sqrt(96/m)): Gaussian tails, not uniform.
        double m4 = 0.0;
        for (float v : a) {
            m4 += (double) v * v * v * v / m;
        }
        assertEquals(3.0, m4, 4.0 * Math.sqrt(96.0 / m));
    }

    @Test
    void neighbouringBlocksAreUncorrelated() {
        int n = GaussianNoise.BLOCK;
        float[] a = new float[8 * n];
        GaussianNoise.fill(a, a.length, new SplittableRandom(11));
        for (int b = 1; b < 8; b++) {
            double c = 0.0;
            for (int k = 0; k < n; k++) {
                c += (double) a[k] * a[b * n + k] / n;
            }
            assertTrue(Math.abs(c) < 4.0 / Math.sqrt(n), "correlation of block 0 with block " + b + ": " + c);
        }
    }
}
