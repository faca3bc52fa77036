package org.ebmjava.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Energy, local fields and the asynchronous and synchronous dynamics of {@link HopfieldNetwork}. */
class HopfieldNetworkTest {

    /** Sums of a few hundred O(1) terms: rounding is ~1e-13, far below this. */
    private static final double TOL = 1e-9;
    private static final int N = 40;
    private static final int PROPERTY_SEEDS = 20;

    /** A random symmetric network with biases, or a Hebbian one, for seed k. */
    static Stream<Arguments> networks() {
        List<Arguments> out = new ArrayList<>();
        for (int k = 0; k < PROPERTY_SEEDS; k++) {
            SplittableRandom rng = new SplittableRandom(1000 + k);
            double[][] w = Reference.randomSymmetric(N, rng);
            out.add(Arguments.of("random W, b, seed " + k,
                    new HopfieldNetwork(w, Reference.randomVector(N, 0.5, rng)), 1000L + k));
            out.add(Arguments.of("hebbian P=6, seed " + k,
                    HopfieldNetwork.hebbian(Patterns.random(6, N, rng)), 2000L + k));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void everyAsynchronousFlipLowersEnergyByTwiceTheField(String name, HopfieldNetwork net, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] s = Patterns.random(1, N, rng).get(0);
        int flips = 0;
        for (int t = 0; t < 10 * N; t++) {
            int i = rng.nextInt(N);
            double before = net.energy(s);
            double h = net.localField(s, i);
            boolean flipped = net.updateNeuron(s, i);
            double delta = net.energy(s) - before;
            if (flipped) {
                flips++;
                assertEquals(-2.0 * s[i] * h, delta, TOL, name + " flip of " + i);
                assertTrue(delta <= TOL, name + ": energy rose by " + delta);
                assertTrue(s[i] * h > 0, name + ": neuron " + i + " must now agree with its field");
            } else {
                assertEquals(0.0, delta, 0.0, name + ": no flip, no change");
            }
        }
        assertTrue(flips > 0, name + ": the test must see some flips");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void asynchronousRecallEnergyNeverRisesAndEndsAtAFixedPoint(String name, HopfieldNetwork net,
            long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] cue = Patterns.random(1, N, rng).get(0);
        RecallResult r = net.recall(cue, 100, rng);
        assertTrue(r.converged(), name);
        assertFalse(r.cycle(), name);
        assertEquals(r.sweeps() + 1, r.energyPerSweep().length, name);
        assertEquals(net.energy(cue), r.energyPerSweep()[0], 0.0, name);
        assertEquals(net.energy(r.state()), r.finalEnergy(), 0.0, name);
        for (int k = 1; k < r.energyPerSweep().length; k++) {
            assertTrue(r.energyPerSweep()[k] <= r.energyPerSweep()[k - 1] + TOL, name + " sweep " + k);
        }
        assertTrue(net.isFixedPoint(r.state()), name);
        for (int i = 0; i < N; i++) {
            assertTrue(r.state()[i] * net.localField(r.state(), i) >= -HopfieldNetwork.TIE_TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void sweepFlipCountIsTheHammingDistanceMoved(String name, HopfieldNetwork net, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] s = Patterns.random(1, N, rng).get(0);
        int[] before = s.clone();
        int flips = net.asyncSweep(s, rng);
        assertEquals(Patterns.hamming(before, s), flips, name);
        int[] t = before.clone();
        int syncFlips = net.syncStep(t);
        assertEquals(Patterns.hamming(before, t), syncFlips, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void synchronousRecallEndsInAFixedPointOrATwoCycle(String name, HopfieldNetwork net, long seed) {
        // Goles, Fogelman-Soulie and Pellegrin (1985): symmetric W gives period 1 or 2 under parallel updates.
        int[] cue = Patterns.random(1, N, new SplittableRandom(seed)).get(0);
        RecallResult r = net.recallSync(cue, 1000);
        assertTrue(r.converged() ^ r.cycle(), name + ": " + r);
        int[] next = r.state().clone();
        net.syncStep(next);
        if (r.converged()) {
            assertArrayEquals(r.state(), next, name);
        } else {
            assertFalse(java.util.Arrays.equals(r.state(), next), name);
            net.syncStep(next);
            assertArrayEquals(r.state(), next, name + ": period 2");
        }
    }

    @Test
    void energyAndFieldMatchNaiveSums() {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] w = Reference.randomSymmetric(N, rng);
        double[] b = Reference.randomVector(N, 1.0, rng);
        HopfieldNetwork net = new HopfieldNetwork(w, b);
        for (int[] s : Patterns.random(5, N, rng)) {
            assertEquals(Reference.energy(w, b, s), net.energy(s), TOL);
            for (int i = 0; i < N; i++) {
                assertEquals(Reference.field(w, b, s, i), net.localField(s, i), TOL);
                int[] flipped = s.clone();
                flipped[i] = -flipped[i];
                assertEquals(Reference.energy(w, b, flipped) - Reference.energy(w, b, s),
                        net.flipEnergyChange(s, i), TOL);
            }
        }
    }

    @Test
    void energyOfTwoNeuronsMatchesClosedForm() {
        // E = -w s1 s2 - b1 s1 - b2 s2 for W = [[0, w], [w, 0]].
        HopfieldNetwork net = new HopfieldNetwork(new double[][] {{0, 0.7}, {0.7, 0}}, new double[] {0.2, -0.3});
        assertEquals(-0.7 - 0.2 + 0.3, net.energy(new int[] {1, 1}), TOL);
        assertEquals(0.7 - 0.2 - 0.3, net.energy(new int[] {1, -1}), TOL);
        assertEquals(0.7 + 0.2 + 0.3, net.energy(new int[] {-1, 1}), TOL);
        assertEquals(-0.7 + 0.2 - 0.3, net.energy(new int[] {-1, -1}), TOL);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, -1.0})
    void synchronousUpdatesTwoCycleWhereAsynchronousUpdatesConverge(double coupling) {
        // Ferromagnetic coupling from anti-aligned spins, or antiferromagnetic from aligned ones:
        // parallel updates swap both spins forever, one-at-a-time updates settle at once.
        HopfieldNetwork net = new HopfieldNetwork(new double[][] {{0, coupling}, {coupling, 0}});
        int[] cue = coupling > 0 ? new int[] {1, -1} : new int[] {1, 1};
        RecallResult sync = net.recallSync(cue, 10);
        assertTrue(sync.cycle());
        assertFalse(sync.converged());
        assertEquals(2, sync.sweeps());
        assertArrayEquals(cue, sync.state(), "back to the cue after two steps");
        for (double e : sync.energyPerSweep()) {
            assertEquals(1.0, e, TOL, "the cycle stays at the maximum energy");
        }
        for (long seed = 0; seed < PROPERTY_SEEDS; seed++) {
            RecallResult async = net.recall(cue, 10, new SplittableRandom(seed));
            assertTrue(async.converged());
            assertEquals(-1.0, async.finalEnergy(), TOL);
            assertEquals(2, async.sweeps(), "one sweep to settle, one to confirm");
            assertEquals((int) Math.signum(coupling), async.state()[0] * async.state()[1]);
        }
    }

    @Test
    void synchronousStepUsesOnlyTheOldState() {
        // Both neurons copy the other: after one parallel step s = (s2, s1).
        HopfieldNetwork net = new HopfieldNetwork(new double[][] {{0, 1}, {1, 0}});
        int[] s = {1, -1};
        assertEquals(2, net.syncStep(s));
        assertArrayEquals(new int[] {-1, 1}, s);
    }

    @Test
    void zeroFieldKeepsTheCurrentValue() {
        HopfieldNetwork net = new HopfieldNetwork(new double[3][3]);
        int[] s = {1, -1, 1};
        assertEquals(0, net.asyncSweep(s, new SplittableRandom(1)));
        assertEquals(0, net.syncStep(s));
        assertFalse(net.updateNeuron(s, 1));
        assertArrayEquals(new int[] {1, -1, 1}, s);
        assertTrue(net.isFixedPoint(s));
        RecallResult r = net.recallSync(s, 5);
        assertTrue(r.converged());
        assertEquals(1, r.sweeps());
    }

    @Test
    void recallDoesNotModifyTheCueAndIsReproducible() {
        SplittableRandom rng = new SplittableRandom(3);
        HopfieldNetwork net = new HopfieldNetwork(Reference.randomSymmetric(N, rng));
        int[] cue = Patterns.random(1, N, rng).get(0);
        int[] copy = cue.clone();
        RecallResult a = net.recall(cue, 50, new SplittableRandom(11));
        RecallResult b = net.recall(cue, 50, new SplittableRandom(11));
        net.recallSync(cue, 50);
        assertArrayEquals(copy, cue);
        assertEquals(a, b);
        assertNotSame(cue, a.state());
    }

    @Test
    void recallStopsAtMaxSweepsWithoutClaimingConvergence() {
        SplittableRandom rng = new SplittableRandom(5);
        HopfieldNetwork net = new HopfieldNetwork(Reference.randomSymmetric(N, rng));
        int[] cue = Patterns.random(1, N, rng).get(0);
        RecallResult r = net.recall(cue, 1, new SplittableRandom(5));
        assertEquals(1, r.sweeps());
        assertEquals(2, r.energyPerSweep().length);
        assertFalse(r.converged(), "a random cue is not a fixed point of a random network");
        RecallResult sync = net.recallSync(cue, 1);
        assertEquals(1, sync.sweeps());
        assertFalse(sync.converged() || sync.cycle());
    }

    @Test
    void incrementalRecallAgreesWithRecall() {
        // Hebbian weights with an even number of patterns give exact ties h_i = 0, the hard case.
        SplittableRandom rng = new SplittableRandom(9);
        int n = 100;
        List<int[]> patterns = Patterns.random(14, n, rng);
        HopfieldNetwork net = HopfieldNetwork.hebbian(patterns);
        for (int c = 0; c < patterns.size(); c++) {
            int[] cue = Patterns.corrupt(patterns.get(c), 0.2, rng);
            RecallResult r = net.recall(cue, 50, new SplittableRandom(c));
            int[] s = cue.clone();
            int sweeps = net.recallInPlace(s, 50, new SplittableRandom(c));
            assertArrayEquals(r.state(), s, "cue " + c);
            assertEquals(r.sweeps(), sweeps, "cue " + c);
        }
    }

    @Test
    void constructorSymmetrisesWithinToleranceAndCopies() {
        double[][] w = {{0, 0.5, 0.25}, {0.5 + 1e-13, 0, -1}, {0.25, -1, 1e-13}};
        HopfieldNetwork net = new HopfieldNetwork(w, new double[3]);
        assertEquals(net.weight(0, 1), net.weight(1, 0), 0.0);
        assertEquals(0.0, net.weight(2, 2), 0.0);
        assertEquals(3, net.size());
        double[][] copy = net.weights();
        copy[0][1] = 99;
        w[0][2] = 99;
        assertEquals(0.5, net.weight(0, 1), 1e-12);
        assertEquals(0.25, net.weight(0, 2), 0.0);
        double[] b = net.biases();
        b[0] = 5;
        assertEquals(0.0, net.biases()[0], 0.0);
    }

    @Test
    void rejectsInvalidWeights() {
        assertMessage(() -> new HopfieldNetwork(new double[][] {{0, 1}, {0.5, 0}}), "symmetric", "0.5");
        assertMessage(() -> new HopfieldNetwork(new double[][] {{0.1, 0}, {0, 0}}), "zero diagonal", "0.1");
        assertMessage(() -> new HopfieldNetwork(new double[][] {{0, 1}, {1}}), "square", "length 1");
        assertMessage(() -> new HopfieldNetwork(new double[0][0]), "1 x 1", "0");
        assertMessage(() -> new HopfieldNetwork(null), "weights", "null");
        assertMessage(() -> new HopfieldNetwork(new double[][] {{0, Double.NaN}, {Double.NaN, 0}}), "finite", "NaN");
        assertMessage(() -> new HopfieldNetwork(new double[2][2], new double[3]), "biases", "length 3");
        assertMessage(() -> new HopfieldNetwork(new double[2][2], null), "biases", "null");
        assertMessage(() -> new HopfieldNetwork(new double[2][2], new double[] {0, Double.POSITIVE_INFINITY}),
                "biases[1]", "Infinity");
    }

    @Test
    void rejectsInvalidStatesAndArguments() {
        HopfieldNetwork net = new HopfieldNetwork(new double[3][3]);
        SplittableRandom rng = new SplittableRandom(1);
        assertMessage(() -> net.energy(new int[] {1, 1}), "s must have length 3", "length 2");
        assertMessage(() -> net.energy(new int[] {1, 0, -1}), "s[1] must be -1 or +1", "found 0");
        assertMessage(() -> net.energy(null), "s", "null");
        assertMessage(() -> net.localField(new int[] {1, 1, 1}, 3), "i must be in [0, 2]", "found 3");
        assertMessage(() -> net.weight(-1, 0), "i must be in [0, 2]", "found -1");
        assertMessage(() -> net.asyncSweep(new int[] {1, 1, 2}, rng), "s[2]", "found 2");
        assertMessage(() -> net.asyncSweep(new int[] {1, 1, 1}, null), "rng", "null");
        assertMessage(() -> net.syncStep(new int[] {1}), "s must have length 3", "length 1");
        assertMessage(() -> net.recall(new int[] {1, 1, 1}, 0, rng), "maxSweeps must be >= 1", "found 0");
        assertMessage(() -> net.recall(new int[] {1, -1, 5}, 3, rng), "cue[2]", "found 5");
        assertMessage(() -> net.recallSync(new int[] {1, 1, 1}, -2), "maxSteps must be >= 1", "found -2");
        assertMessage(() -> net.updateNeuron(new int[] {1, 1, 1}, 7), "i must be in [0, 2]", "found 7");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }
}
