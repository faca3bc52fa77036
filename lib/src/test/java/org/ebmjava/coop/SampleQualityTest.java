package org.ebmjava.coop;

import static org.ebmjava.coop.CoopAsserts.assertNamed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ebmjava.ebm.NegativeSource;
import org.ebmjava.sampling.GaussianEnergy;
import org.ebmjava.sampling.InitialNoise;
import org.ebmjava.sampling.LangevinSampler;
import org.ebmjava.stats.SampleDistances;
import org.junit.jupiter.api.Test;

class SampleQualityTest {

    /** A source that always returns a copy of fixed points shifted by c. */
    static NegativeSource fixed(float[] pts, double shift) {
        return new NegativeSource() {
            public int dimension() {
                return 2;
            }

            public float[] starts(int m, RandomGenerator rng) {
                float[] x = java.util.Arrays.copyOf(pts, m * 2);
                for (int k = 0; k < x.length; k++) {
                    x[k] += (float) shift;
                }
                return x;
            }

            public void keep(float[] samples) {
                throw new AssertionError("keep must not be called");
            }
        };
    }

    @Test
    void zeroStepsFromTheHeldOutPointsThemselvesGiveZeroAndShiftsGiveTheDirectFormula() {
        float[] held = InitialNoise.gaussian(2, 0, 1).draw(200, new SplittableRandom(1));
        LangevinSampler sampler = LangevinSampler.ula(GaussianEnergy.standard(2), 0.01);
        double[] same = SampleQuality.energyDistanceAfterSteps(fixed(held, 0), sampler, held, 200, new int[] {0}, 3);
        assertEquals(0.0, same[0], 1e-9);
        double[] shifted = SampleQuality.energyDistanceAfterSteps(fixed(held, 1.5), sampler, held, 200, new int[] {0}, 3);
        double[][] a = new double[200][];
        double[][] b = new double[200][];
        for (int i = 0; i < 200; i++) {
            a[i] = new double[] {held[2 * i] + 1.5f, held[2 * i + 1] + 1.5f};
            b[i] = new double[] {held[2 * i], held[2 * i + 1]};
        }
        assertEquals(SampleDistances.energyDistance(a, b), shifted[0], 1e-6);
        assertTrue(shifted[0] > 0.5, "a shift of 1.5 per coordinate is far: " + shifted[0]);
    }

    @Test
    void langevinOnTheTrueEnergyMovesFarStartsTowardsTheData() {
        // data N(0, I); chains start at N(4, I) and follow the true energy: D(k) falls towards the noise floor
        float[] held = InitialNoise.gaussian(2, 0, 1).draw(300, new SplittableRandom(5));
        NegativeSource far = NegativeSource.shortRun(InitialNoise.gaussian(2, 4, 1));
        LangevinSampler sampler = LangevinSampler.ula(GaussianEnergy.standard(2), 0.05);
        double[] d = SampleQuality.energyDistanceAfterSteps(far, sampler, held, 300, new int[] {0, 20, 300}, 7);
        assertTrue(d[0] > 3.0, "starts are 4 sigma away per coordinate: " + d[0]);
        assertTrue(d[1] < d[0] && d[2] < d[1], "distance decreases with steps: " + java.util.Arrays.toString(d));
        assertTrue(d[2] < 0.1, "after 300 steps of eps 0.05 the chains are near equilibrium: " + d[2]);
        double[] again = SampleQuality.energyDistanceAfterSteps(far, sampler, held, 300, new int[] {0, 20, 300}, 7);
        assertArrayEquals(d, again, 0.0, "seeded");
    }

    @Test
    void badArgumentsAreNamed() {
        float[] held = new float[20];
        LangevinSampler sampler = LangevinSampler.ula(GaussianEnergy.standard(2), 0.01);
        NegativeSource src = NegativeSource.shortRun(InitialNoise.uniform(2, 0, 1));
        assertNamed(() -> SampleQuality.energyDistanceAfterSteps(src, sampler, held, 11, new int[] {0}, 1), "heldOut");
        assertNamed(() -> SampleQuality.energyDistanceAfterSteps(src, sampler, held, 5, new int[] {-1}, 1), "steps[0]");
        assertNamed(() -> SampleQuality.energyDistanceAfterSteps(src, sampler, held, 1, new int[] {0}, 1), "n");
        assertNamed(() -> SampleQuality.energyDistanceAfterSteps(NegativeSource.shortRun(InitialNoise.uniform(3, 0, 1)),
                sampler, held, 5, new int[] {0}, 1), "starts");
    }
}
