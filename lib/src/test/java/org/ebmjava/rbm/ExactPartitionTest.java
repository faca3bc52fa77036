package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/** ExactPartition against brute-force joint enumeration and closed forms. */
class ExactPartitionTest {
    static final double TOL = 1e-9;

    @Test
    void bothLayersGiveTheJointLogPartition() {
        for (long seed = 1; seed <= 3; seed++) {
            BernoulliRbm rbm = NaiveRbm.randomBernoulli(6, 4, 1.5, seed);
            double joint = NaiveRbm.of(rbm).logZJoint();
            assertEquals(joint, ExactPartition.logPartitionByHidden(rbm), TOL * Math.abs(joint) + TOL);
            assertEquals(joint, ExactPartition.logPartitionByVisible(rbm), TOL * Math.abs(joint) + TOL);
        }
    }

    @Test
    void chunkBoundariesDoNotMatter() {
        // 13 visible units = 8192 states = two chunks: by-visible must agree with by-hidden (3 units, one chunk).
        BernoulliRbm rbm = NaiveRbm.randomBernoulli(13, 3, 0.7, 9L);
        assertEquals(ExactPartition.logPartitionByHidden(rbm), ExactPartition.logPartitionByVisible(rbm), 1e-8);
    }

    @Test
    void zeroModelHasLogZOfAllStates() {
        BernoulliRbm rbm = BernoulliRbm.random(7, 5, 0.0, 1L);
        assertEquals(12 * Math.log(2), ExactPartition.logPartition(rbm), TOL);
    }

    @Test
    void averageLogLikelihoodOfUniformModelIsMinusNvLog2() {
        BernoulliRbm rbm = BernoulliRbm.random(7, 5, 0.0, 1L);
        double ll = ExactPartition.averageLogLikelihood(rbm, Nd4j.ones(DataType.FLOAT, 3, 7));
        assertEquals(-7 * Math.log(2), ll, 1e-6);
    }

    @Test
    void tooManyUnitsAreRejected() {
        BernoulliRbm rbm = BernoulliRbm.random(30, 30, 0.0, 1L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactPartition.logPartition(rbm));
        assertTrue(e.getMessage().contains("found 30"), e.getMessage());
    }
}
