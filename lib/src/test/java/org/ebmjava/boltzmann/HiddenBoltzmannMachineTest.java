package org.ebmjava.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HiddenBoltzmannMachineTest {

    private static final double TOL = 1e-12;

    @Test
    void visibleMarginalSumsToOneAndEqualsBruteForceMarginalisation() {
        HiddenBoltzmannMachine hbm = HiddenBoltzmannMachine.random(3, 2, 1.5, new SplittableRandom(9));
        BoltzmannMachine bm = hbm.machine();
        double z = 0.0;
        double[] unnormalised = new double[8];
        for (int v = 0; v < 8; v++) {
            for (int h = 0; h < 4; h++) {
                int[] s = {v & 1, (v >> 1) & 1, (v >> 2) & 1, h & 1, (h >> 1) & 1};
                double weight = Math.exp(-bm.energy(s));
                unnormalised[v] += weight;
                z += weight;
            }
        }
        double[] p = hbm.visibleMarginal();
        double sum = 0.0;
        for (int v = 0; v < 8; v++) {
            assertEquals(unnormalised[v] / z, p[v], TOL, "v = " + v);
            sum += p[v];
        }
        assertEquals(1.0, sum, TOL);
        assertEquals(3, hbm.visibleSize());
        assertEquals(2, hbm.hiddenSize());
    }

    @Test
    void withoutHiddenUnitsTheMarginalIsTheFullyVisibleDistribution() {
        BoltzmannMachine bm = BoltzmannMachine.random(4, 1.0, new SplittableRandom(2));
        HiddenBoltzmannMachine hbm = new HiddenBoltzmannMachine(4, bm);
        assertArrayEquals(bm.exactDistribution(), hbm.visibleMarginal(), TOL);
        List<int[]> bars = BinaryDatasets.bars(2);
        assertEquals(bm.logLikelihood(bars), hbm.logLikelihood(bars), TOL);
    }

    @Test
    void logLikelihoodIsMeanLogVisibleMarginal() {
        HiddenBoltzmannMachine hbm = HiddenBoltzmannMachine.random(2, 3, 1.0, new SplittableRandom(4));
        double[] p = hbm.visibleMarginal();
        List<int[]> data = List.of(new int[] {1, 0}, new int[] {1, 1});
        assertEquals((Math.log(p[1]) + Math.log(p[3])) / 2, hbm.logLikelihood(data), TOL);
    }

    @Test
    void trainingImprovesTheExactLogLikelihoodOfBars() {
        List<int[]> bars = BinaryDatasets.bars(2);
        HiddenBoltzmannMachine init = HiddenBoltzmannMachine.random(4, 2, 0.1, new SplittableRandom(1));
        TrainingHistory<HiddenBoltzmannMachine> h = init.train(bars, 0.1, 500, 100, 1, 1);
        double[] ll = h.logLikelihood();
        assertEquals(501, ll.length);
        assertEquals(init.logLikelihood(bars), ll[0], TOL);
        assertEquals(h.model().logLikelihood(bars), h.finalLogLikelihood(), TOL);
        // Near-uniform start: about -4 log 2 = -2.77 (observed -2.80); after 500 epochs the machine
        // is observed at -2.20, on its way to the data entropy bound -log 6 = -1.79.
        assertTrue(h.finalLogLikelihood() > ll[0] + 0.3, "final " + h.finalLogLikelihood());
        assertTrue(h.finalLogLikelihood() <= -Math.log(6));
        assertEquals(501, h.toTable().rowCount());
    }

    @Test
    void oneHiddenUnitBeatsTheFullyVisibleLimitOnParity() {
        // No fully visible machine does better than -3 log 2 on 3-bit parity (its pairwise moments are
        // uniform; see ExactTrainerTest); the optimum is -2 log 2. One hidden unit can represent the
        // third-order interaction (observed final -1.57 with this seed; over seeds 1-10, eight end
        // between -1.70 and -1.55 and two stay stuck near -2.0, so the seed is part of the test).
        List<int[]> parity = BinaryDatasets.parity(3);
        HiddenBoltzmannMachine init = HiddenBoltzmannMachine.random(3, 1, 1.0, new SplittableRandom(1));
        TrainingHistory<HiddenBoltzmannMachine> h = init.train(parity, 0.3, 2000, 100, 1, 1);
        assertTrue(h.finalLogLikelihood() > -3 * Math.log(2) + 0.2, "final " + h.finalLogLikelihood());
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> HiddenBoltzmannMachine.random(0, 2, 1.0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> HiddenBoltzmannMachine.random(10, 7, 1.0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new HiddenBoltzmannMachine(5, BoltzmannMachine.zeros(4)));
        assertThrows(IllegalArgumentException.class, () -> new HiddenBoltzmannMachine(1, null));
        HiddenBoltzmannMachine hbm = HiddenBoltzmannMachine.random(2, 1, 1.0, new SplittableRandom(1));
        assertThrows(IllegalArgumentException.class, () -> hbm.logLikelihood(List.of(new int[] {1, 0, 1})));
        List<int[]> data = List.of(new int[] {1, 0});
        assertThrows(IllegalArgumentException.class, () -> hbm.train(data, 0.0, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> hbm.train(data, 0.1, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> hbm.train(data, 0.1, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> hbm.train(data, 0.1, -1, 1, 1, 0));
    }
}
