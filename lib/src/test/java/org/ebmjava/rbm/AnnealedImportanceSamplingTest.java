package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;

/** AIS against the exact log partition function of a small RBM with trained, non-trivial weights. */
class AnnealedImportanceSamplingTest {
    /** The accuracy the course promises for AIS on small models, in nats. */
    static final double TOL_NATS = 0.1;

    /** A 16 x 12 RBM trained briefly on 4x4 bars and stripes: exact log Z by enumerating 2^12 hidden states. */
    static BernoulliRbm trainedSmallRbm() {
        INDArray data = NaiveRbm.rows(BarsAndStripes.repeated(4, 20));
        BernoulliRbm init = BernoulliRbm.random(16, 12, 0.1, 3L).initVisibleBiasFromData(data);
        RbmTrainer trainer = new RbmTrainer().learningRate(0.1).momentum(0.5).batchSize(20).epochs(30).seed(4L)
                .monitorSize(0);
        return trainer.train(init, data, null).model();
    }

    @Test
    void aisMatchesExactLogPartitionWithinATenthOfANat() {
        BernoulliRbm rbm = trainedSmallRbm();
        double weightRms = rbm.weights().norm2Number().doubleValue() / Math.sqrt(16 * 12);
        assertTrue(weightRms > 0.3, "the test needs non-trivial weights, RMS " + weightRms);
        double exact = ExactPartition.logPartition(rbm);
        INDArray data = NaiveRbm.rows(BarsAndStripes.patterns(4));
        AnnealedImportanceSampling ais = new AnnealedImportanceSampling(100,
                AnnealedImportanceSampling.schedule(200, 800, 1000), 7L);
        AnnealedImportanceSampling.Estimate e = ais.estimate(rbm, data);
        assertEquals(exact, e.logZ(), TOL_NATS, "AIS " + e.logZ() + " vs exact " + exact);
        assertTrue(e.logZLower() <= e.logZ() && e.logZ() <= e.logZUpper());
        assertEquals(100, e.logWeights().length);
        assertTrue(e.effectiveSampleSize() > 10, "ESS " + e.effectiveSampleSize());
        double ll = AnnealedImportanceSampling.averageLogLikelihood(rbm, data, e.logZ());
        assertEquals(ExactPartition.averageLogLikelihood(rbm, data), ll, TOL_NATS);
    }

    @Test
    void baseRateModelIsEstimatedExactly() {
        // W = 0 and c = 0: every intermediate distribution equals the base, all log weights are 0 and
        // log Z = sum softplus(b_A) + nh log 2.
        BernoulliRbm rbm = BernoulliRbm.random(5, 3, 0.0, 1L);
        INDArray data = NaiveRbm.rows(new double[][] {{1, 0, 1, 1, 0}, {1, 1, 0, 1, 0}});
        rbm.initVisibleBiasFromData(data);
        AnnealedImportanceSampling.Estimate e = new AnnealedImportanceSampling(10,
                AnnealedImportanceSampling.linearSchedule(20), 1L).estimate(rbm, data);
        assertEquals(ExactPartition.logPartition(rbm), e.logZ(), 1e-5);
        assertEquals(ExactPartition.logPartition(rbm), e.logZBase(), 1e-5);
        assertArrayEquals(new double[10], e.logWeights(), 1e-5);
    }

    @Test
    void schedulesHaveThePapersShape() {
        double[] b = AnnealedImportanceSampling.defaultSchedule();
        assertEquals(14501, b.length);
        assertEquals(0.0, b[0], 0.0);
        assertEquals(0.5, b[500], 1e-15);
        assertEquals(0.9, b[4500], 1e-15);
        assertEquals(1.0, b[14500], 0.0);
        for (int i = 1; i < b.length; i++) {
            assertTrue(b[i] > b[i - 1]);
        }
    }

    @Test
    void intervalIsThreeStandardErrorsOfTheWeights() {
        double[] logW = {0.0, Math.log(2), Math.log(3), Math.log(6)};
        AnnealedImportanceSampling.Estimate e = AnnealedImportanceSampling.summarize(logW, 1.0);
        double mean = 3.0;
        double sd = Math.sqrt((4 + 1 + 0 + 9) / 3.0);
        assertEquals(1.0 + Math.log(mean), e.logZ(), 1e-12);
        assertEquals(1.0 + Math.log(mean + 3 * sd / 2), e.logZUpper(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, e.logZLower());
    }

    @Test
    void badSchedulesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new AnnealedImportanceSampling(10, new double[] {0, 0.5}, 1L));
        assertThrows(IllegalArgumentException.class,
                () -> new AnnealedImportanceSampling(10, new double[] {0, 0.6, 0.5, 1}, 1L));
        assertThrows(IllegalArgumentException.class, () -> new AnnealedImportanceSampling(1,
                AnnealedImportanceSampling.linearSchedule(3), 1L));
    }
}
