package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/** RbmTrainer: likelihood improves, the update matches the CD gradient, divergence is caught, history is sane. */
class RbmTrainerTest {
    static final INDArray BARS = NaiveRbm.rows(BarsAndStripes.repeated(4, 10));
    static final INDArray PATTERNS = NaiveRbm.rows(BarsAndStripes.patterns(4));

    static BernoulliRbm init() {
        return BernoulliRbm.random(16, 10, 0.1, 3L).initVisibleBiasFromData(BARS);
    }

    @ParameterizedTest
    @EnumSource(RbmTrainer.Method.class)
    void trainingImprovesTheExactLogLikelihood(RbmTrainer.Method method) {
        BernoulliRbm start = init();
        double before = ExactPartition.averageLogLikelihood(start, PATTERNS);
        // PCD needs a smaller rate than CD (at 0.1 its chains lag behind and the likelihood falls again).
        RbmTrainer trainer = new RbmTrainer().method(method).learningRate(0.03).batchSize(10).epochs(100).seed(5L)
                .monitorSize(0);
        BernoulliRbm trained = trainer.train(start, BARS, null).model();
        double after = ExactPartition.averageLogLikelihood(trained, PATTERNS);
        // 30 equally likely patterns: the best possible is -log 30 = -3.40 nats; the start is -11.1 (measured:
        // CD -6.3, PCD -5.2).
        assertTrue(after > before + 3.0, method + ": " + before + " -> " + after);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void oneFullBatchUpdateEqualsLearningRateTimesTheCdGradient(int threads) {
        // One mini-batch holding all rows, momentum 0, no weight decay, sampled visibles: the update is
        // lr times a CD-1 estimate; with 12,000 rows it must agree with an independent CD-1 estimate.
        INDArray data = NaiveRbm.rows(BarsAndStripes.repeated(4, 400));
        BernoulliRbm start = NaiveRbm.randomBernoulli(16, 6, 0.5, 8L);
        double lr = 0.01;
        RbmTrainer trainer = new RbmTrainer().learningRate(lr).momentum(0).weightDecay(0).sampleVisibles(true)
                .batchSize((int) data.rows()).epochs(1).monitorSize(0).seed(1L).threads(threads);
        BernoulliRbm after = trainer.train(start, data, null).model();
        CdGradient.Gradient update = new CdGradient.Gradient(
                after.weights().sub(start.weights()).castTo(DataType.DOUBLE).divi(lr),
                after.visibleBias().sub(start.visibleBias()).castTo(DataType.DOUBLE).divi(lr),
                after.hiddenBias().sub(start.hiddenBias()).castTo(DataType.DOUBLE).divi(lr));
        CdGradient.Gradient reference = CdGradient.cdk(start, data, 1, 99L);
        double rel = update.minus(reference).norm() / reference.norm();
        assertTrue(rel < 0.05, "relative difference " + rel);
        assertTrue(update.cosineSimilarity(reference) > 0.99);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyThreadCountLearnsAndIsReproducible(int threads) {
        RbmTrainer trainer = new RbmTrainer().threads(threads).method(RbmTrainer.Method.PCD).learningRate(0.03)
                .batchSize(10).epochs(60).seed(5L).monitorSize(0).sparsity(0.2, 0.1, 0.9);
        BernoulliRbm a = trainer.train(init(), BARS, null).model();
        BernoulliRbm b = trainer.train(init(), BARS, null).model();
        assertArrayEquals(a.weights().reshape(160).toFloatVector(), b.weights().reshape(160).toFloatVector(), 0f);
        double before = ExactPartition.averageLogLikelihood(init(), PATTERNS);
        double after = ExactPartition.averageLogLikelihood(a, PATTERNS);
        assertTrue(after > before + 2.0, threads + " threads: " + before + " -> " + after);
        assertEquals(threads, trainer.threads());
    }

    @Test
    void weightDecayShrinksTheWeightsByLearningRateTimesDecay() {
        // All-zero data and zero biases far below threshold: with W tiny the gradient is about zero, so one
        // update is W <- W - lr wd W.
        INDArray data = Nd4j.zeros(DataType.FLOAT, 50, 4);
        INDArray w = Nd4j.createFromArray(new float[][] {{1e-3f, -2e-3f}, {3e-3f, 0}, {0, 1e-3f}, {-1e-3f, 2e-3f}});
        BernoulliRbm start = BernoulliRbm.of(w, Nd4j.zeros(DataType.FLOAT, 4).subi(30), Nd4j.zeros(DataType.FLOAT, 2)
                .subi(30));
        BernoulliRbm after = new RbmTrainer().learningRate(0.1).momentum(0).weightDecay(0.5).batchSize(50).epochs(1)
                .monitorSize(0).train(start, data, null).model();
        INDArray expected = w.mul(1 - 0.1 * 0.5);
        assertArrayEquals(expected.castTo(DataType.DOUBLE).reshape(8).toDoubleVector(),
                after.weights().castTo(DataType.DOUBLE).reshape(8).toDoubleVector(), 1e-7);
    }

    @Test
    void sparsityPenaltyLowersTheMeanHiddenActivation() {
        RbmTrainer base = new RbmTrainer().learningRate(0.1).batchSize(10).epochs(15).seed(2L).monitorSize(0);
        BernoulliRbm plain = base.train(init(), BARS, null).model();
        BernoulliRbm sparse = base.sparsity(0.05, 2.0, 0.9).train(init(), BARS, null).model();
        double mPlain = plain.hiddenProbabilities(PATTERNS).meanNumber().doubleValue();
        double mSparse = sparse.hiddenProbabilities(PATTERNS).meanNumber().doubleValue();
        assertTrue(mSparse < mPlain - 0.1, "mean activation " + mPlain + " -> " + mSparse);
    }

    @Test
    void hugeLearningRateIsReportedAsDivergenceNamingTheEpoch() {
        RbmTrainer trainer = new RbmTrainer().learningRate(1e4).batchSize(10).epochs(5).monitorSize(0);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.train(init(), BARS, null));
        assertEquals(1, e.epoch());
        assertTrue(e.getMessage().contains("epoch 1"), e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate, currently 10000"), e.getMessage());
        assertTrue(e.batch() >= 1 && e.batch() <= 30);
    }

    @Test
    void nanDataIsReportedAsDivergence() {
        INDArray data = BARS.dup();
        data.putScalar(3, 2, Float.NaN);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new RbmTrainer().batchSize(10).epochs(2).monitorSize(0).train(init(), data, null));
        assertTrue(Double.isNaN(e.value()) || Double.isInfinite(e.value()), e.getMessage());
    }

    @Test
    void historyHasOneRowPerEpochAndTheGapNeedsHeldOutData() {
        RbmTrainer trainer = new RbmTrainer().learningRate(0.05).batchSize(10).epochs(3).monitorSize(100);
        Table h = trainer.train(init(), BARS, null).history();
        assertEquals(3, h.rowCount());
        assertEquals(List.of("epoch", "learning_rate", "momentum", "reconstruction_error", "free_energy_train",
                "free_energy_heldout", "free_energy_gap", "pseudo_log_likelihood", "weight_norm", "seconds"),
                h.columnNames());
        assertTrue(Double.isNaN(h.doubleColumn("free_energy_gap").getDouble(2)));
        assertTrue(h.doubleColumn("seconds").getDouble(0) > 0);
        assertTrue(h.doubleColumn("pseudo_log_likelihood").getDouble(2) < 0);
        Table withHeld = trainer.train(init(), BARS, PATTERNS, null).history();
        assertTrue(Double.isFinite(withHeld.doubleColumn("free_energy_gap").getDouble(2)));
        double rec0 = withHeld.doubleColumn("reconstruction_error").getDouble(0);
        double rec2 = withHeld.doubleColumn("reconstruction_error").getDouble(2);
        assertTrue(rec2 < rec0, "reconstruction error " + rec0 + " -> " + rec2);
    }

    @Test
    void listenerSeesEveryBatchAndEveryEpochEnd() {
        List<String> calls = new ArrayList<>();
        new RbmTrainer().batchSize(100).epochs(2).monitorSize(50).train(init(), BARS,
                (epoch, batch, s) -> calls.add(epoch + ":" + batch + ":" + s.endOfEpoch()));
        // 300 rows / 100 = 3 batches: two mid-epoch calls and one end-of-epoch call per epoch.
        assertEquals(List.of("1:1:false", "1:2:false", "1:3:true", "2:1:false", "2:2:false", "2:3:true"), calls);
    }

    @Test
    void trainingIsDeterministicAndLeavesTheInitialModelAlone() {
        BernoulliRbm start = init();
        INDArray w0 = start.weights().dup();
        RbmTrainer trainer = new RbmTrainer().method(RbmTrainer.Method.PCD).batchSize(10).epochs(2).seed(9L);
        BernoulliRbm a = trainer.train(start, BARS, null).model();
        BernoulliRbm b = trainer.train(start, BARS, null).model();
        assertArrayEquals(a.weights().reshape(160).toFloatVector(), b.weights().reshape(160).toFloatVector(), 0f);
        assertEquals(w0, start.weights());
        BernoulliRbm c = trainer.seed(10L).train(start, BARS, null).model();
        assertFalse(a.weights().equals(c.weights()));
        assertTrue(a.provenance().hyperparameters().contains("method=PCD"));
        assertEquals(9L, a.provenance().seed());
    }

    @Test
    void learningRateScheduleAndTwoStageMomentumAreUsedPerEpoch() {
        RbmTrainer trainer = new RbmTrainer().learningRateSchedule(e -> 0.1 / e, "0.1 / epoch")
                .momentum(0.5, 0.9, 3).batchSize(10).epochs(4).monitorSize(0);
        Table h = trainer.train(init(), BARS, null).history();
        assertArrayEquals(new double[] {0.1, 0.05, 0.1 / 3, 0.025}, h.doubleColumn("learning_rate").asDoubleArray(),
                1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0.9, 0.9}, h.doubleColumn("momentum").asDoubleArray(), 0);
        assertTrue(trainer.toString().contains("schedule 0.1 / epoch"));
    }

    @Test
    void toStringListsEveryHyperparameter() {
        String s = new RbmTrainer().toString();
        for (String name : new String[] {"method=CD", "k=1", "batchSize=100", "learningRate=0.1", "momentum=0.5",
            "weightDecay=0.0001", "sparsity=off", "sampleVisibles=false", "epochs=10", "seed=42", "monitorSize=1000",
            "maxWeightRms=100", "divergenceCheckEvery=10", "threads=auto", "dataSource="}) {
            assertTrue(s.contains(name), name + " missing from " + s);
        }
    }

    @Test
    void badHyperparametersAreRejected() {
        RbmTrainer t = new RbmTrainer();
        assertThrows(IllegalArgumentException.class, () -> t.k(0));
        assertThrows(IllegalArgumentException.class, () -> t.learningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> t.learningRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> t.momentum(1.0));
        assertThrows(IllegalArgumentException.class, () -> t.batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> t.threads(-1));
        assertThrows(IllegalArgumentException.class, () -> t.sparsity(1.5, 1, 0.9));
        assertThrows(IllegalArgumentException.class, () -> t.train(init(), Nd4j.zeros(DataType.FLOAT, 0, 16), null));
        assertThrows(IllegalArgumentException.class, () -> t.train(init(), Nd4j.zeros(DataType.FLOAT, 5, 15), null));
    }

    @Test
    void gaussianTrainingImprovesTheExactLogLikelihood() {
        // Two clusters in 2-D at (+-2, +-2); a 2 x 4 Gaussian-Bernoulli RBM can model them.
        java.util.Random r = new java.util.Random(3);
        double[][] pts = new double[400][];
        for (int i = 0; i < pts.length; i++) {
            double s = i % 2 == 0 ? 2 : -2;
            pts[i] = new double[] {s + 0.5 * r.nextGaussian(), s + 0.5 * r.nextGaussian()};
        }
        INDArray data = NaiveRbm.rows(pts);
        GaussianBernoulliRbm start = GaussianBernoulliRbm.random(2, 4, 0.1, 1L).initVisibleBiasFromData(data);
        GaussianTrainingResult res = new RbmTrainer().learningRate(0.01).momentum(0.5).batchSize(20).epochs(40)
                .monitorSize(100).train(start, data, null);
        double before = -start.freeEnergy(data).meanNumber().doubleValue() - ExactPartition.logPartition(start);
        GaussianBernoulliRbm m = res.model();
        double after = -m.freeEnergy(data).meanNumber().doubleValue() - ExactPartition.logPartition(m);
        assertTrue(after > before + 0.2, before + " -> " + after);
        assertTrue(Double.isNaN(res.history().doubleColumn("pseudo_log_likelihood").getDouble(0)));
    }
}
