package org.ebmjava.sampling;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Initial noise distributions and short-run Langevin from noise. */
class ShortRunLangevinTest {

    private static final int DRAWS = 100_000;

    @Test
    void uniformNoiseFillsTheBoxWithTheRightMoments() {
        float[] x = InitialNoise.uniform(2, -1.0, 3.0).draw(DRAWS / 2, new SplittableRandom(1));
        for (float v : x) {
            assertTrue(v >= -1f && v <= 3f, "value " + v);
        }
        // Uniform on [-1, 3]: mean 1, variance 16/12; 4 standard errors of the mean: 4 sqrt(4/3 / 50000).
        assertEquals(1.0, BatchOps.columnMeans(x, 2)[0], 4 * Math.sqrt(4.0 / 3.0 / (DRAWS / 2)));
        assertEquals(4.0 / 3.0, BatchOps.covariance(x, 2)[1][1], 0.02);
    }

    @Test
    void gaussianNoiseHasTheRightMoments() {
        float[] x = InitialNoise.gaussian(1, 2.0, 0.5).draw(DRAWS, new SplittableRandom(2));
        assertEquals(2.0, BatchOps.columnMeans(x, 1)[0], 4 * 0.5 / Math.sqrt(DRAWS));
        assertEquals(0.25, BatchOps.covariance(x, 1)[0][0], 4 * 0.25 * Math.sqrt(2.0 / DRAWS));
        assertEquals("N(2, 0.5^2)^1", InitialNoise.gaussian(1, 2.0, 0.5).toString());
        assertEquals("uniform[-1, 1]^784", InitialNoise.uniform(784, -1, 1).toString());
    }

    @Test
    void shortRunStartsFromFreshNoiseAndRunsKSteps() {
        GaussianMixture mix = GaussianMixture.songErmon();
        InitialNoise noise = InitialNoise.uniform(2, -8, 8);
        LangevinSampler ula = LangevinSampler.ula(mix, 0.1);
        ShortRunLangevin shortRun = new ShortRunLangevin(ula, noise, 40);
        // Equal to drawing the noise and running K steps with the same generator.
        float[] a = shortRun.sample(64, new SplittableRandom(3));
        SplittableRandom rng = new SplittableRandom(3);
        float[] b = ula.run(noise.draw(64, rng), 40, rng);
        assertArrayEquals(b, a, 0f);
        // No persistence: two calls with one generator give different batches.
        SplittableRandom shared = new SplittableRandom(4);
        assertFalse(Arrays.equals(shortRun.sample(64, shared), shortRun.sample(64, shared)));
        // K = 0 returns the noise itself.
        assertArrayEquals(noise.draw(5, new SplittableRandom(6)),
                new ShortRunLangevin(ula, noise, 0).sample(5, new SplittableRandom(6)), 0f);
        float[][] shots = shortRun.sampleRecording(16, new SplittableRandom(7), 0, 40);
        assertArrayEquals(noise.draw(16, new SplittableRandom(7)), shots[0], 0f);
        assertArrayEquals(shortRun.sample(16, new SplittableRandom(7)), shots[1], 0f);
        assertTrue(shortRun.toString().startsWith("ShortRunLangevin[K=40 from uniform[-8, 8]^2"),
                shortRun.toString());
    }

    @Test
    void shortRunMovesNoiseTowardTheModes() {
        // After 200 ULA steps of size 0.1 from uniform noise every chain is within a few sd of a mode.
        GaussianMixture mix = GaussianMixture.songErmon();
        ShortRunLangevin shortRun = new ShortRunLangevin(LangevinSampler.ula(mix, 0.1),
                InitialNoise.uniform(2, -8, 8), 200);
        float[] x = shortRun.sample(500, new SplittableRandom(8));
        float[] e = new float[500];
        mix.evaluate(x, 500, e, null);
        float[] e0 = new float[500];
        mix.evaluate(InitialNoise.uniform(2, -8, 8).draw(500, new SplittableRandom(8)), 500, e0, null);
        double mean = 0.0;
        double mean0 = 0.0;
        for (int i = 0; i < 500; i++) {
            mean += e[i] / 500.0;
            mean0 += e0[i] / 500.0;
        }
        // At equilibrium in one mode: E = |x - mu|^2/2 + log(2 pi) - log w, mean 1 + 1.84 + (0.22 or 1.61).
        assertTrue(mean < 4.0 && mean0 > 10.0, "mean energy after " + mean + ", of the noise " + mean0);
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage(() -> InitialNoise.uniform(0, 0, 1), "dimension", "0");
        assertMessage(() -> InitialNoise.uniform(2, 1, 1), "hi", "1.0");
        assertMessage(() -> InitialNoise.gaussian(2, 0, 0), "std", "0.0");
        assertMessage(() -> InitialNoise.gaussian(2, Double.NaN, 1), "mean", "NaN");
        assertMessage(() -> InitialNoise.uniform(2, 0, 1).draw(0, new SplittableRandom(1)), "n", "0");
        assertMessage(() -> InitialNoise.uniform(2, 0, 1).fillRows(new float[4], 1, 2, new SplittableRandom(1)),
                "rows [1, 3)", "2 rows");
        LangevinSampler ula = LangevinSampler.ula(GaussianEnergy.standard(2), 0.1);
        assertMessage(() -> new ShortRunLangevin(ula, InitialNoise.uniform(3, 0, 1), 10), "noise", "3");
        assertMessage(() -> new ShortRunLangevin(ula, InitialNoise.uniform(2, 0, 1), -1), "steps", "-1");
        assertMessage(() -> new ShortRunLangevin(null, InitialNoise.uniform(2, 0, 1), 1), "sampler", "null");
    }
}
