package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;

/** DeepBeliefNetwork: greedy stacking trains layer 2 on layer 1's features; sampling goes top-down. */
class DeepBeliefNetworkTest {
    static final INDArray BARS = NaiveRbm.rows(BarsAndStripes.repeated(4, 10));

    final RbmTrainer trainer = new RbmTrainer().learningRate(0.05).batchSize(10).epochs(20).seed(3L).monitorSize(0);
    final DeepBeliefNetwork dbn = DeepBeliefNetwork.trainGreedy(BARS, new int[] {12, 8}, trainer, null);

    @Test
    void layersChainAndHistoriesArePerLayer() {
        assertEquals(2, dbn.depth());
        assertEquals(16, dbn.layers().get(0).visibleSize());
        assertEquals(12, dbn.layers().get(1).visibleSize());
        assertEquals(8, dbn.layers().get(1).hiddenSize());
        assertEquals(2, dbn.histories().size());
        assertEquals(20, dbn.histories().get(1).rowCount());
        assertEquals("DeepBeliefNetwork[16 -> 12 -> 8]", dbn.toString());
    }

    @Test
    void secondLayerIsTheTrainerAppliedToFirstLayerFeatures() {
        INDArray features = dbn.layers().get(0).hiddenProbabilities(BARS);
        BernoulliRbm init = BernoulliRbm.random(12, 8, DeepBeliefNetwork.INIT_WEIGHT_STD, trainer.seed() + 1)
                .initVisibleBiasFromData(features);
        BernoulliRbm expected = trainer.train(init, features, null).model();
        assertArrayEquals(expected.weights().reshape(96).toFloatVector(),
                dbn.layers().get(1).weights().reshape(96).toFloatVector(), 0f);
        assertEquals(dbn.layers().get(1).hiddenProbabilities(features), dbn.features(BARS));
    }

    @Test
    void samplesAreSeededProbabilitiesOfTheRightShape() {
        INDArray s = dbn.sample(6, 20, 5L);
        assertArrayEquals(new long[] {6, 16}, s.shape());
        assertTrue(s.minNumber().doubleValue() >= 0 && s.maxNumber().doubleValue() <= 1);
        assertEquals(s, dbn.sample(6, 20, 5L));
        assertEquals(DataType.FLOAT, s.dataType());
    }

    @Test
    void mismatchedLayersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeepBeliefNetwork(
                List.of(BernoulliRbm.random(16, 12, 0.1, 1L), BernoulliRbm.random(10, 4, 0.1, 1L))));
        assertTrue(e.getMessage().contains("12 hidden units but layer 2 has 10 visible units"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DeepBeliefNetwork(List.of()));
    }
}
