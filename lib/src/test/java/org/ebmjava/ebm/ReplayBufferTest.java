package org.ebmjava.ebm;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ebmjava.sampling.GaussianEnergy;
import org.ebmjava.sampling.InitialNoise;
import org.ebmjava.sampling.LangevinSampler;
import org.junit.jupiter.api.Test;

/** The replay buffer: fresh fraction, ring capacity, uniform draws and determinism. */
class ReplayBufferTest {

    /** Stored points are negative integers in the first coordinate, fresh noise is in [0, 1): easy to tell apart. */
    private static final InitialNoise NOISE = InitialNoise.uniform(2, 0.0, 1.0);

    private static float[] marked(int from, int count) {
        float[] x = new float[2 * count];
        for (int r = 0; r < count; r++) {
            x[2 * r] = -(from + r) - 1;
            x[2 * r + 1] = 0.5f;
        }
        return x;
    }

    @Test
    void emptyBufferGivesOnlyNoise() {
        ReplayBuffer b = new ReplayBuffer(100, NOISE);
        float[] x = b.sample(50, new SplittableRandom(1));
        for (float v : x) {
            assertTrue(v >= 0f && v <= 1f, "value " + v);
        }
        boolean[] fresh = b.lastFreshRows();
        assertEquals(50, fresh.length);
        for (boolean f : fresh) {
            assertTrue(f);
        }
        assertEquals(0, b.size());
    }

    @Test
    void freshFractionIsBinomialAndStoredRowsAreCopies() {
        ReplayBuffer b = new ReplayBuffer(1000, 0.05, NOISE);
        b.push(marked(0, 1000));
        int batch = 100_000;
        float[] x = b.sample(batch, new SplittableRandom(2));
        boolean[] fresh = b.lastFreshRows();
        int freshCount = 0;
        int[] hits = new int[1000];
        for (int r = 0; r < batch; r++) {
            float first = x[2 * r];
            if (fresh[r]) {
                freshCount++;
                assertTrue(first >= 0f && first <= 1f);
            } else {
                int index = (int) -first - 1;
                assertEquals(-(index + 1), first, 0f, "a stored row is copied whole");
                assertEquals(0.5f, x[2 * r + 1], 0f);
                hits[index]++;
            }
        }
        // Binomial(100000, 0.05): sd 0.00069; 4 sd.
        assertEquals(0.05, freshCount / (double) batch, 4 * Math.sqrt(0.05 * 0.95 / batch));
        // Each stored row is drawn about 95 times; a chi-square over 1000 cells has mean 999 and sd 45.
        double expected = (batch - freshCount) / 1000.0;
        double chi2 = 0.0;
        for (int h : hits) {
            chi2 += (h - expected) * (h - expected) / expected;
        }
        assertTrue(chi2 < 999 + 4 * 45 && chi2 > 999 - 4 * 45, "chi-square " + chi2);
    }

    @Test
    void fullBufferKeepsTheNewestPointsOldestFirst() {
        ReplayBuffer b = new ReplayBuffer(5, NOISE);
        b.push(marked(0, 3));
        assertEquals(3, b.size());
        assertArrayEquals(marked(0, 3), b.contents(), 0f);
        b.push(marked(3, 4));
        assertEquals(5, b.size());
        assertArrayEquals(marked(2, 5), b.contents(), 0f);
        b.push(marked(7, 12));
        assertArrayEquals(marked(14, 5), b.contents(), 0f);
        b.clear();
        assertEquals(0, b.size());
        assertEquals(5, b.capacity());
    }

    @Test
    void fractionZeroAndOne() {
        ReplayBuffer never = new ReplayBuffer(10, 0.0, NOISE);
        never.push(marked(0, 10));
        never.sample(1000, new SplittableRandom(3));
        for (boolean f : never.lastFreshRows()) {
            assertTrue(!f);
        }
        ReplayBuffer always = new ReplayBuffer(10, 1.0, NOISE);
        always.push(marked(0, 10));
        always.sample(1000, new SplittableRandom(3));
        for (boolean f : always.lastFreshRows()) {
            assertTrue(f);
        }
    }

    @Test
    void sameSeedSameBatchesAndATrainingLoopIsTwoLines() {
        float[][] runs = new float[2][];
        for (int k = 0; k < 2; k++) {
            ReplayBuffer buffer = new ReplayBuffer(256, InitialNoise.uniform(2, -3, 3));
            LangevinSampler sampler = LangevinSampler.sgld(GaussianEnergy.standard(2), 0.1, 0.05);
            SplittableRandom rng = new SplittableRandom(42);
            for (int it = 0; it < 20; it++) {
                float[] negatives = sampler.run(buffer.sample(32, rng), 10, rng);
                buffer.push(negatives);
            }
            runs[k] = buffer.contents();
        }
        assertEquals(256 * 2, runs[0].length);
        assertArrayEquals(runs[0], runs[1], 0f);
        // Persistent chains have moved toward the minimum at 0: mean squared radius well below the noise's 6.
        double r2 = 0.0;
        for (float v : runs[0]) {
            r2 += v * v / 256.0;
        }
        assertTrue(r2 < 3.0, "mean squared radius " + r2);
        ReplayBuffer other = new ReplayBuffer(256, InitialNoise.uniform(2, -3, 3));
        other.push(runs[0]);
        assertTrue(!Arrays.equals(other.sample(8, new SplittableRandom(1)), other.sample(8, new SplittableRandom(2))));
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage(() -> new ReplayBuffer(0, NOISE), "capacity", "0");
        assertMessage(() -> new ReplayBuffer(10, -0.1, NOISE), "freshFraction", "-0.1");
        assertMessage(() -> new ReplayBuffer(10, 1.5, NOISE), "freshFraction", "1.5");
        assertMessage(() -> new ReplayBuffer(10, Double.NaN, NOISE), "freshFraction", "NaN");
        assertMessage(() -> new ReplayBuffer(10, 0.05, null), "noise", "null");
        assertMessage(() -> new ReplayBuffer(Integer.MAX_VALUE, InitialNoise.uniform(784, 0, 1)), "capacity",
                "784");
        ReplayBuffer b = new ReplayBuffer(10, NOISE);
        assertMessage(() -> b.sample(0, new SplittableRandom(1)), "batch", "0");
        assertMessage(() -> b.sample(4, null), "rng", "null");
        assertMessage(() -> b.push(new float[3]), "x", "3");
        assertMessage(() -> b.push(new float[0]), "x", "empty");
        assertMessage(() -> b.push(new float[] {1f, Float.NaN}), "x[1]", "NaN");
        assertEquals(0, b.size(), "nothing stored from a rejected push");
    }
}
