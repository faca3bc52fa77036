package org.ebmjava.boltzmann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ExactTrainerTest {

    private static final double TOL = 1e-12;
    /** Max-norm of the gradient accepted as "converged" (it decays geometrically, ~1e-9 here). */
    private static final double GRADIENT_TOL = 1e-6;

    /** 500 draws from a random 4-unit machine; every one of the 16 states occurs at least once, so
     * the maximum-likelihood machine exists (the data moments lie inside the marginal polytope). */
    static List<int[]> sampledData() {
        BoltzmannMachine truth = BoltzmannMachine.random(4, 1.0, new SplittableRandom(1));
        return BinaryDatasets.sample(truth.exactDistribution(), 500, new SplittableRandom(2));
    }

    @Test
    void logLikelihoodIncreasesMonotonicallyForSmallLearningRate() {
        // lr = 0.5 < 16 / (n (n + 1)) = 0.8 for n = 4, the bound under which ascent is monotone.
        List<int[]> bars = BinaryDatasets.bars(2);
        TrainingHistory<BoltzmannMachine> h = new ExactTrainer(0.5, 200).train(BoltzmannMachine.zeros(4), bars);
        double[] ll = h.logLikelihood();
        assertEquals(201, ll.length);
        assertEquals(-4 * Math.log(2), ll[0], TOL); // uniform over 16 states
        for (int k = 1; k < ll.length; k++) {
            assertTrue(ll[k] > ll[k - 1], "epoch " + k + ": " + ll[k] + " <= " + ll[k - 1]);
        }
        assertTrue(ll[200] <= -Math.log(6), "cannot beat the data entropy log 6");
        assertTrue(ll[200] > -2.1, "learned bars: " + ll[200]);
    }

    @Test
    void modelMomentsMatchDataMomentsAtConvergence() {
        List<int[]> data = sampledData();
        assertTrue(BinaryDatasets.empiricalDistribution(data)[0] > 0.0);
        TrainingHistory<BoltzmannMachine> h = new ExactTrainer(0.5, 3000).train(BoltzmannMachine.zeros(4), data);
        Moments target = Moments.ofData(data);
        assertTrue(target.maxAbsDifference(h.model().exactMoments()) < GRADIENT_TOL);
        assertTrue(target.maxAbsDifference(BoltzmannMachine.zeros(4).exactMoments()) > 0.01,
                "the check above is not trivially true");
        assertEquals(h.model().logLikelihood(data), h.finalLogLikelihood(), TOL);
    }

    @Test
    void parityDataHasUniformPairwiseMomentsSoTheMachineStaysUniform() {
        // Even-parity 3-bit vectors: <s_i> = 1/2, <s_i s_j> = 1/4, exactly the uniform moments, so the
        // gradient at W = 0, b = 0 vanishes and the log-likelihood stays at -3 log 2.
        List<int[]> parity = BinaryDatasets.parity(3);
        TrainingHistory<BoltzmannMachine> h = new ExactTrainer(0.5, 50).train(BoltzmannMachine.zeros(3), parity);
        for (double ll : h.logLikelihood()) {
            assertEquals(-3 * Math.log(2), ll, TOL);
        }
    }

    @Test
    void zeroEpochsReturnsTheInitialMachineAndTableHasOneRowPerEntry() {
        BoltzmannMachine init = BoltzmannMachine.random(3, 1.0, new SplittableRandom(4));
        List<int[]> data = List.of(new int[] {1, 0, 1});
        TrainingHistory<BoltzmannMachine> h = new ExactTrainer(0.1, 0).train(init, data);
        assertEquals(0, h.epochs());
        assertEquals(init.logLikelihood(data), h.finalLogLikelihood(), TOL);
        Table t = new ExactTrainer(0.1, 5).train(init, data).toTable();
        assertEquals(6, t.rowCount());
        assertEquals(List.of("epoch", "logLikelihood"), t.columnNames());
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ExactTrainer(0.0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ExactTrainer(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new ExactTrainer(0.1, -1));
        ExactTrainer t = new ExactTrainer(0.1, 1);
        assertThrows(IllegalArgumentException.class, () -> t.train(null, List.of(new int[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> t.train(BoltzmannMachine.zeros(2), List.of(new int[] {1})));
        assertThrows(IllegalArgumentException.class, () -> t.train(BoltzmannMachine.zeros(2), List.of()));
    }
}
