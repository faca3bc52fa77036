package org.ebmjava.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.boltzmann.BoltzmannMachine;
import org.ebmjava.boltzmann.BoltzmannOps;
import org.ebmjava.thermo.Divergences;
import org.junit.jupiter.api.Test;

class GibbsSamplerTest {

    private static final int N = 6;
    private static final int SWEEPS = 200_000;
    /**
     * Bound on KL(empirical || exact) after 200,000 sweeps on 64 states. Sampling noise alone gives
     * about tau (K - 1) / (2 N) ~ 2e-4 (observed 1.2e-4 to 1.9e-4 for machine seeds 1-5); a 20%
     * error in the parameters (a temperature error) gives 0.03-0.04 and a sign error 5-9.
     */
    private static final double KL_BOUND = 2e-3;
    /** 4 standard deviations of a frequency estimated from 100,000 independent draws. */
    private static final double FREQUENCY_TOL = 0.0065;

    private static BoltzmannMachine machine() {
        return BoltzmannMachine.random(N, 1.0, new SplittableRandom(3));
    }

    private static BoltzmannMachine scaled(BoltzmannMachine bm, double factor) {
        double[][] w = bm.weights();
        double[] b = bm.biases();
        for (int i = 0; i < b.length; i++) {
            b[i] *= factor;
            for (int j = 0; j < b.length; j++) {
                w[i][j] *= factor;
            }
        }
        return new BoltzmannMachine(w, b);
    }

    @Test
    void visitFrequenciesConvergeToTheExactDistribution() {
        BoltzmannMachine bm = machine();
        double[] exact = bm.exactDistribution();
        double[] emp = new GibbsSampler(bm, new SplittableRandom(12345))
                .empiricalDistribution(new int[N], 100, SWEEPS);
        assertEquals(64, emp.length);
        assertTrue(Divergences.kl(emp, exact) < KL_BOUND, "KL = " + Divergences.kl(emp, exact));
    }

    @Test
    void aSamplerWithTheWrongSignOrScaleFailsTheSameBound() {
        BoltzmannMachine bm = machine();
        double[] exact = bm.exactDistribution();
        double[] flipped = new GibbsSampler(scaled(bm, -1.0), new SplittableRandom(12345))
                .empiricalDistribution(new int[N], 100, SWEEPS);
        double[] hotter = new GibbsSampler(scaled(bm, 1.2), new SplittableRandom(12345))
                .empiricalDistribution(new int[N], 100, SWEEPS);
        assertTrue(Divergences.kl(flipped, exact) > 100 * KL_BOUND);
        assertTrue(Divergences.kl(hotter, exact) > 5 * KL_BOUND);
    }

    @Test
    void klTraceDecreasesWithMoreSweeps() {
        BoltzmannMachine bm = machine();
        int[] checkpoints = {100, 1_000, 10_000, 100_000};
        double[] trace = new GibbsSampler(bm, new SplittableRandom(12345))
                .klTrace(new int[N], checkpoints, bm.exactDistribution());
        assertEquals(4, trace.length);
        for (int k = 1; k < trace.length; k++) {
            assertTrue(trace[k] < trace[k - 1], "checkpoint " + checkpoints[k]);
        }
        assertTrue(trace[0] > 10 * KL_BOUND, "100 sweeps cannot cover 64 states well");
        assertTrue(trace[3] < KL_BOUND);
    }

    @Test
    void randomScanAlsoConvergesToTheExactDistribution() {
        BoltzmannMachine bm = machine();
        GibbsSampler sampler = new GibbsSampler(bm, new SplittableRandom(99));
        int[] s = new int[N];
        double[] freq = new double[64];
        for (int t = 0; t < SWEEPS; t++) {
            for (int k = 0; k < N; k++) {
                sampler.randomScanStep(s);
            }
            freq[BoltzmannOps.index(s)] += 1.0 / SWEEPS;
        }
        assertTrue(Divergences.kl(freq, bm.exactDistribution()) < KL_BOUND);
    }

    @Test
    void sweepRangeSamplesTheClampedConditional() {
        // Units 0 and 1 clamped to (1, 0); units 2 and 3 sampled. Target: p(s2, s3 | s0 = 1, s1 = 0)
        // from the exact joint distribution, i.e. the states with index 1 + 4 s2 + 8 s3.
        BoltzmannMachine bm = BoltzmannMachine.random(4, 1.5, new SplittableRandom(8));
        double[] p = bm.exactDistribution();
        double norm = p[1] + p[5] + p[9] + p[13];
        GibbsSampler sampler = new GibbsSampler(bm, new SplittableRandom(5));
        int[] s = {1, 0, 0, 0};
        int draws = 100_000;
        double[] freq = new double[4];
        for (int t = 0; t < draws; t++) {
            sampler.sweepRange(s, 2, 4);
            assertEquals(1, s[0]);
            assertEquals(0, s[1]);
            freq[s[2] + 2 * s[3]] += 1.0 / draws;
        }
        for (int h = 0; h < 4; h++) {
            assertEquals(p[1 + 4 * h] / norm, freq[h], FREQUENCY_TOL, "hidden state " + h);
        }
    }

    @Test
    void sweepFollowsSaturatedConditionals() {
        double[][] w = new double[3][3];
        GibbsSampler on = new GibbsSampler(new BoltzmannMachine(w, new double[] {50, 50, 50}),
                new SplittableRandom(1));
        GibbsSampler off = new GibbsSampler(new BoltzmannMachine(w, new double[] {-50, -50, -50}),
                new SplittableRandom(1));
        int[] s = {0, 1, 0};
        on.sweep(s);
        assertArrayEquals(new int[] {1, 1, 1}, s);
        off.sweep(s);
        assertArrayEquals(new int[] {0, 0, 0}, s);
    }

    @Test
    void runRecordsCopiesAndIsReproducible() {
        BoltzmannMachine bm = machine();
        int[] init = {1, 0, 1, 0, 1, 0};
        int[][] a = new GibbsSampler(bm, new SplittableRandom(4)).run(init, 10, 50, 3);
        int[][] b = new GibbsSampler(bm, new SplittableRandom(4)).run(init, 10, 50, 3);
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0}, init);
        assertEquals(50, a.length);
        for (int k = 0; k < 50; k++) {
            assertArrayEquals(a[k], b[k]);
            assertEquals(N, a[k].length);
        }
        assertEquals(0, new GibbsSampler(bm, new SplittableRandom(4)).run(init, 0, 0, 1).length);
        assertEquals(bm, new GibbsSampler(bm, new SplittableRandom(4)).machine());
    }

    @Test
    void invalidArgumentsAreRejected() {
        BoltzmannMachine bm = BoltzmannMachine.zeros(3);
        GibbsSampler g = new GibbsSampler(bm, new SplittableRandom(1));
        assertThrows(IllegalArgumentException.class, () -> new GibbsSampler(null, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> new GibbsSampler(bm, null));
        assertThrows(IllegalArgumentException.class, () -> g.sweep(new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> g.sweep(new int[] {0, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> g.sweepRange(new int[3], 2, 1));
        assertThrows(IllegalArgumentException.class, () -> g.sweepRange(new int[3], 0, 4));
        assertThrows(IllegalArgumentException.class, () -> g.randomScanStep(null));
        assertThrows(IllegalArgumentException.class, () -> g.run(new int[3], -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> g.run(new int[3], 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> g.empiricalDistribution(new int[3], 0, 0));
        double[] exact = bm.exactDistribution();
        assertThrows(IllegalArgumentException.class, () -> g.klTrace(new int[3], new int[] {10, 10}, exact));
        assertThrows(IllegalArgumentException.class, () -> g.klTrace(new int[3], new int[] {0, 10}, exact));
        assertThrows(IllegalArgumentException.class, () -> g.klTrace(new int[3], new int[0], exact));
        assertThrows(IllegalArgumentException.class, () -> g.klTrace(new int[3], new int[] {5}, new double[4]));
    }
}
