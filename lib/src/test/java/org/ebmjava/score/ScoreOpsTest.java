package org.ebmjava.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.sampling.BatchScore;
import org.ebmjava.sampling.GaussianEnergy;
import org.ebmjava.sampling.GaussianMixture;
import org.junit.jupiter.api.Test;

class ScoreOpsTest {

    @Test
    void denoisingLossByHand() {
        // one sample in 2D: sigma = 0.5, s = (1, -2), z = (0.5, 0.25): sigma s + z = (1, -0.75)
        float[] g = new float[2];
        double loss = ScoreOps.denoisingLoss(new float[] {1f, -2f}, new float[] {0.5f, 0.25f}, 0.5, 1, 2, g);
        assertEquals(0.5 * (1.0 + 0.5625), loss, 1e-7);
        assertArrayEquals(new float[] {0.5f, -0.375f}, g, 1e-7f);
    }

    @Test
    void denoisingGradientMatchesCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 5;
        int d = 3;
        float[] s = new float[n * d];
        float[] z = new float[n * d];
        float[] sig = new float[n];
        for (int k = 0; k < s.length; k++) {
            s[k] = (float) rng.nextGaussian();
            z[k] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            sig[i] = (float) (0.1 + rng.nextDouble());
        }
        float[] g = new float[n * d];
        ScoreOps.denoisingLoss(s, z, sig, n, d, g);
        float h = 1e-2f;
        for (int k = 0; k < s.length; k++) {
            float keep = s[k];
            s[k] = keep + h;
            double up = ScoreOps.denoisingLoss(s, z, sig, n, d, null);
            s[k] = keep - h;
            double down = ScoreOps.denoisingLoss(s, z, sig, n, d, null);
            s[k] = keep;
            assertEquals((up - down) / (2 * h), g[k], 1e-4, "entry " + k);
        }
    }

    @Test
    void theNoisyScoreMinimisesTheExpectedDenoisingLoss() {
        // data N(0, v I) in 2D; the DSM-optimal score at level sigma is -x / (v + sigma^2). Compare it with scores
        // scaled by 0.8 and 1.2 on the same noise: the exact noisy score has the lowest loss.
        double v = 2.0;
        double sigma = 0.7;
        int n = 200_000;
        int d = 2;
        SplittableRandom rng = new SplittableRandom(2);
        float[] x = new float[n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (Math.sqrt(v) * rng.nextGaussian());
        }
        float[] sig = new float[n];
        java.util.Arrays.fill(sig, (float) sigma);
        float[] z = new float[n * d];
        float[] noisy = new float[n * d];
        ScoreOps.perturb(x, sig, n, d, rng, z, noisy);
        double[] losses = new double[3];
        double[] factors = {0.8, 1.0, 1.2};
        for (int f = 0; f < 3; f++) {
            float[] s = new float[n * d];
            for (int k = 0; k < s.length; k++) {
                s[k] = (float) (-factors[f] * noisy[k] / (v + sigma * sigma));
            }
            losses[f] = ScoreOps.denoisingLoss(s, z, sigma, n, d, null);
        }
        assertTrue(losses[1] < losses[0] && losses[1] < losses[2], java.util.Arrays.toString(losses));
        // and its value is the irreducible part: (d/2) (1 - sigma^2 / (v + sigma^2))
        assertEquals(0.5 * d * (1 - sigma * sigma / (v + sigma * sigma)), losses[1], 0.01);
    }

    @Test
    void fisherDivergenceOfShiftedGaussians() {
        GaussianEnergy a = GaussianEnergy.diagonal(new double[] {0, 0}, new double[] {1, 2});
        GaussianEnergy b = GaussianEnergy.diagonal(new double[] {1, -1}, new double[] {1, 2});
        // s_a - s_b = P (mu_a - mu_b) ... here -P(x - 0) + P(x - mu_b) = -P mu_b = (-1, 0.25): constant
        float[] x = a.sample(100, new SplittableRandom(3));
        double d = ScoreOps.fisherDivergence(BatchScore.of(a), BatchScore.of(b), x, 1.0);
        assertEquals(0.5 * (1.0 + 0.0625), d, 1e-6);
        assertEquals(0.0, ScoreOps.fisherDivergence(BatchScore.of(a), BatchScore.of(a), x, 1.0), 0.0);
    }

    @Test
    void modeFractionsOfTheSongErmonMixture() {
        GaussianMixture m = GaussianMixture.songErmon();
        float[] x = m.sample(20_000, new SplittableRandom(4));
        double[] f = ScoreOps.modeFractions(x, new double[][] {{-5, -5}, {5, 5}});
        assertEquals(0.2, f[0], 0.01);
        assertEquals(0.8, f[1], 0.01);
    }

    @Test
    void rademacherEntriesAreSigns() {
        float[] v = new float[10_000];
        ScoreOps.rademacher(v, v.length, new SplittableRandom(5));
        double sum = 0;
        for (float e : v) {
            assertTrue(e == 1f || e == -1f);
            sum += e;
        }
        assertTrue(Math.abs(sum / v.length) < 0.05);
    }

    @Test
    void rowsRoundTrip() {
        double[][] rows = {{1, 2}, {3, 4}, {5, 6}};
        assertArrayEquals(rows, ScoreOps.toRows(ScoreOps.flatten(rows), 2));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> ScoreOps.denoisingLoss(new float[2], new float[2], 0.0, 1, 2, null));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreOps.denoisingLoss(new float[2], new float[1], 1.0, 1, 2, null));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreOps.modeFractions(new float[3], new double[][] {{0, 0}}));
    }
}
