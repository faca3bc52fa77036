package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.ebmjava.sampling.GaussianEnergy;
import org.ebmjava.sampling.LangevinSampler;
import org.junit.jupiter.api.Test;

class ConditionalLangevinTest {

    @Test
    void clampedCoordinatesNeverMoveAndFreeOnesDo() {
        int d = 16;
        int n = 8;
        LangevinSampler ula = LangevinSampler.ula(GaussianEnergy.standard(d), 0.1).clampTo(-1, 1);
        boolean[] shared = new boolean[d];
        for (int k = 0; k < d / 2; k++) {
            shared[k] = true; // the "top half" is observed
        }
        boolean[] perChain = new boolean[n * d];
        SplittableRandom r = new SplittableRandom(7);
        for (int q = 0; q < perChain.length; q++) {
            perChain[q] = r.nextDouble() < 0.3;
        }
        for (boolean[] mask : new boolean[][] {shared, perChain}) {
            float[] x = new float[n * d];
            for (int q = 0; q < x.length; q++) {
                x[q] = (float) (r.nextDouble() * 0.9);
            }
            float[] start = x.clone();
            ConditionalLangevin sampler = new ConditionalLangevin(ula, mask);
            sampler.run(x, 50, new SplittableRandom(1), (state, t) -> {
                for (int q = 0; q < state.length; q++) {
                    if (mask[mask.length == d ? q % d : q]) {
                        assertEquals(Float.floatToIntBits(start[q]), Float.floatToIntBits(state[q]),
                                "clamped coordinate " + q + " after step " + t);
                    }
                }
            });
            int moved = 0;
            for (int q = 0; q < x.length; q++) {
                if (!mask[mask.length == d ? q % d : q]) {
                    moved += x[q] != start[q] ? 1 : 0;
                }
            }
            assertNotEquals(0, moved, "free coordinates moved");
        }
    }

    @Test
    void samplesTheConditionalOfACorrelatedGaussian() {
        // x ~ N(0, [[1, rho], [rho, 1]]): given x1 = c, x2 ~ N(rho c, 1 - rho^2)
        double rho = 0.8;
        double c = 1.5;
        GaussianEnergy e = new GaussianEnergy(new double[] {0, 0}, new double[][] {{1, rho}, {rho, 1}});
        int n = 2000;
        float[] x = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) c;
        }
        double eps = 0.01;
        new ConditionalLangevin(LangevinSampler.ula(e, eps), new boolean[] {true, false})
                .run(x, 600, new SplittableRandom(3));
        double mean = 0;
        for (int i = 0; i < n; i++) {
            assertEquals((float) c, x[2 * i], 0f);
            mean += x[2 * i + 1] / n;
        }
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (x[2 * i + 1] - mean) * (x[2 * i + 1] - mean) / (n - 1);
        }
        double v = 1 - rho * rho;
        assertEquals(rho * c, mean, 0.06); // standard error 0.013; the unconditional mean 0 is far off
        assertEquals(v / (1 - eps / (4 * v)), var, 0.05); // ULA's bias factor, about 1.007
    }

    @Test
    void badInputIsNamed() {
        LangevinSampler ula = LangevinSampler.ula(GaussianEnergy.standard(4), 0.1);
        assertMessage(() -> new ConditionalLangevin(ula, new boolean[3]), "clamped", "found 3");
        assertMessage(() -> new ConditionalLangevin(null, new boolean[4]), "sampler", "null");
        ConditionalLangevin perChain = new ConditionalLangevin(ula, new boolean[8]);
        assertMessage(() -> perChain.run(new float[12], 1, new SplittableRandom(1)), "clamped", "found 8");
    }
}
