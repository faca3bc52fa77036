package org.ebmjava.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hebbian storage: the weight formula, stored patterns as attractors, and the spurious states. */
class HebbianStorageTest {

    private static final double TOL = 1e-12;
    private static final int N = 100;
    private static final int P = 3;
    private static final double CUE_NOISE = 0.10;
    private static final int MAX_SWEEPS = 50;

    @Test
    void weightsAreTheNormalisedOuterProductSum() {
        List<int[]> xi = Patterns.random(4, 30, new SplittableRandom(1));
        HopfieldNetwork net = HopfieldNetwork.hebbian(xi);
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                double expected = 0.0;
                if (i != j) {
                    for (int[] p : xi) {
                        expected += p[i] * p[j];
                    }
                    expected /= 30;
                }
                assertEquals(expected, net.weight(i, j), TOL, "W[" + i + "][" + j + "]");
                assertEquals(net.weight(i, j), net.weight(j, i), 0.0);
            }
        }
        assertArrayEquals(new double[30], net.biases(), 0.0);
    }

    @Test
    void energyIsMinusTheSquaredOverlapsForZeroBias() {
        // E(s) = -(N/2) sum_mu m_mu^2 + P/2, the diagonal removal giving the constant.
        SplittableRandom rng = new SplittableRandom(2);
        List<int[]> xi = Patterns.random(P, N, rng);
        HopfieldNetwork net = HopfieldNetwork.hebbian(xi);
        for (int[] s : Patterns.random(5, N, rng)) {
            double sum = 0.0;
            for (int[] p : xi) {
                double m = Patterns.overlap(s, p);
                sum += m * m;
            }
            assertEquals(-0.5 * N * sum + 0.5 * P, net.energy(s), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void storedPatternsAndTheirNegationsAreFixedPointsAndRecallRepairsNoise(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> xi = Patterns.random(P, N, rng);
        HopfieldNetwork net = HopfieldNetwork.hebbian(xi);
        for (int mu = 0; mu < P; mu++) {
            int[] p = xi.get(mu);
            assertTrue(net.isFixedPoint(p), "pattern " + mu);
            int[] neg = Patterns.negate(p);
            assertTrue(net.isFixedPoint(neg), "negated pattern " + mu);
            assertEquals(net.energy(p), net.energy(neg), TOL, "E(-s) = E(s)");
            int[] cue = Patterns.corrupt(p, CUE_NOISE, rng);
            assertEquals(10, Patterns.hamming(cue, p));
            RecallResult r = net.recall(cue, MAX_SWEEPS, rng);
            assertTrue(r.converged());
            assertEquals(1.0, Patterns.overlap(r.state(), p), 0.0, "pattern " + mu + " recalled");
            assertTrue(r.finalEnergy() < r.energyPerSweep()[0]);
        }
    }

    @Test
    void mixtureOfThreePatternsIsAShallowerSpuriousAttractor() {
        // Amit, Gutfreund and Sompolinsky (1985): for large N the symmetric 3-mixture is stable, has
        // overlap 1/2 with each component, and energy about -(3/8) N against -(1/2) N for a pattern.
        int n = 1000;
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            List<int[]> xi = Patterns.random(P, n, rng);
            HopfieldNetwork net = HopfieldNetwork.hebbian(xi);
            int[] mix = Patterns.mixture(xi.get(0), xi.get(1), xi.get(2));
            RecallResult r = net.recall(mix, MAX_SWEEPS, rng);
            assertTrue(r.converged());
            assertTrue(Patterns.overlap(r.state(), mix) >= 0.95, "stays near the mixture, seed " + seed);
            for (int[] p : xi) {
                assertEquals(0.5, Patterns.overlap(r.state(), p), 0.1, "seed " + seed);
            }
            assertEquals(-0.375 * n, r.finalEnergy(), 0.05 * n);
            assertTrue(r.finalEnergy() > net.energy(xi.get(0)) + 0.05 * n, "shallower than a memory");
        }
    }

    @Test
    void rejectsInvalidPatternLists() {
        HopfieldNetworkTest.assertMessage(() -> HopfieldNetwork.hebbian(List.of()), "non-empty");
        HopfieldNetworkTest.assertMessage(() -> HopfieldNetwork.hebbian(null), "non-empty", "null");
        HopfieldNetworkTest.assertMessage(
                () -> HopfieldNetwork.hebbian(List.of(new int[] {1, -1}, new int[] {1, 1, 1})),
                "patterns[1] must have length 2", "length 3");
        HopfieldNetworkTest.assertMessage(
                () -> HopfieldNetwork.hebbian(List.of(new int[] {1, 3})), "patterns[0][1]", "found 3");
        HopfieldNetworkTest.assertMessage(
                () -> HopfieldNetwork.storkey(List.of(new int[0])), "patterns[0]", "length 0");
    }
}
