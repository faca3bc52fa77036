package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/** BernoulliRbm against brute-force enumeration of a tiny model (nv = 5, nh = 3). */
class BernoulliRbmTest {
    /** float32 evaluation of sums of a few O(1) terms. */
    static final double TOL_F32 = 2e-5;
    /** Statistical tolerance for frequencies from 20,000 draws (about 6 standard errors at p = 0.5). */
    static final double TOL_FREQ = 0.02;
    static final int NV = 5;
    static final int NH = 3;

    final BernoulliRbm rbm = NaiveRbm.randomBernoulli(NV, NH, 1.0, 11L);
    final NaiveRbm ref = NaiveRbm.of(rbm);

    @Test
    void hiddenProbabilitiesMatchEnumeratedConditional() {
        for (int s = 0; s < 1 << NV; s++) {
            double[] v = NaiveRbm.bits(s, NV);
            double[] got = rbm.hiddenProbabilities(NaiveRbm.row(v)).castTo(DataType.DOUBLE).toDoubleVector();
            assertArrayEquals(ref.hiddenMarginals(v, false), got, TOL_F32, "v = " + s);
        }
    }

    @Test
    void visibleProbabilitiesMatchEnumeratedConditional() {
        for (int s = 0; s < 1 << NH; s++) {
            double[] h = NaiveRbm.bits(s, NH);
            double[] got = rbm.visibleProbabilities(NaiveRbm.row(h)).castTo(DataType.DOUBLE).toDoubleVector();
            assertArrayEquals(ref.visibleMarginals(h), got, TOL_F32, "h = " + s);
        }
    }

    @Test
    void freeEnergyMatchesLogSumOverHidden() {
        double[][] all = new double[1 << NV][];
        for (int s = 0; s < all.length; s++) {
            all[s] = NaiveRbm.bits(s, NV);
        }
        double[] got = rbm.freeEnergy(NaiveRbm.rows(all)).toDoubleVector();
        for (int s = 0; s < all.length; s++) {
            assertEquals(ref.freeEnergy(all[s], false), got[s], TOL_F32, "v = " + s);
        }
    }

    @Test
    void energyMatchesFormulaPerRowAndSingle() {
        double[][] vs = {NaiveRbm.bits(5, NV), NaiveRbm.bits(30, NV), NaiveRbm.bits(0, NV)};
        double[][] hs = {NaiveRbm.bits(1, NH), NaiveRbm.bits(7, NH), NaiveRbm.bits(0, NH)};
        double[] got = rbm.energies(NaiveRbm.rows(vs), NaiveRbm.rows(hs)).toDoubleVector();
        for (int r = 0; r < vs.length; r++) {
            assertEquals(ref.energy(vs[r], hs[r]), got[r], TOL_F32);
        }
        assertEquals(ref.energy(vs[1], hs[1]), rbm.energy(NaiveRbm.row(vs[1]), NaiveRbm.row(hs[1])), TOL_F32);
        assertThrows(IllegalArgumentException.class, () -> rbm.energy(NaiveRbm.rows(vs), NaiveRbm.rows(hs)));
    }

    @Test
    void logPartitionAgreesThreeWays() {
        double joint = ref.logZJoint();
        assertEquals(joint, ExactPartition.logPartitionByHidden(rbm), 1e-9);
        assertEquals(joint, ExactPartition.logPartitionByVisible(rbm), 1e-9);
        assertEquals(joint, ExactPartition.logPartition(rbm), 1e-9);
    }

    @Test
    void freeEnergyIsFiniteAndLinearForHugeInputs() {
        INDArray w = Nd4j.zeros(DataType.FLOAT, 2, 1).addi(1000f);
        BernoulliRbm big = BernoulliRbm.of(w, Nd4j.zeros(DataType.FLOAT, 2), Nd4j.zeros(DataType.FLOAT, 1));
        double f = big.freeEnergy(Nd4j.createFromArray(new float[] {1f, 1f})).getDouble(0);
        assertEquals(-2000.0, f, 1e-3, "softplus(2000) = 2000 without overflow");
    }

    @Test
    void sampleHiddenFrequenciesMatchProbabilities() {
        int n = 20000;
        double[] v = NaiveRbm.bits(13, NV);
        INDArray batch = NaiveRbm.row(v).repeat(0, n);
        double[] freq = rbm.sampleHidden(batch, 7L).mean(0).castTo(DataType.DOUBLE).toDoubleVector();
        assertArrayEquals(ref.hiddenMarginals(v, false), freq, TOL_FREQ);
        INDArray h = NaiveRbm.row(NaiveRbm.bits(5, NH)).repeat(0, n);
        double[] vf = rbm.sampleVisible(h, 8L).mean(0).castTo(DataType.DOUBLE).toDoubleVector();
        assertArrayEquals(ref.visibleMarginals(NaiveRbm.bits(5, NH)), vf, TOL_FREQ);
    }

    @Test
    void samplingIsDeterministicPerSeed() {
        INDArray v = NaiveRbm.row(NaiveRbm.bits(9, NV)).repeat(0, 50);
        assertEquals(rbm.sampleHidden(v, 3L), rbm.sampleHidden(v, 3L));
        assertFalse(rbm.sampleHidden(v, 3L).equals(rbm.sampleHidden(v, 4L)));
        assertEquals(rbm.gibbsChain(v, 5, 1L), rbm.gibbsChain(v, 5, 1L));
    }

    @Test
    void gibbsChainReachesTheModelMarginals() {
        // Long chains from an all-zero start: visible means approach the model's marginals p(v_i = 1).
        double lz = ref.logZJoint();
        double[] marg = new double[NV];
        for (int s = 0; s < 1 << NV; s++) {
            double[] v = NaiveRbm.bits(s, NV);
            double p = Math.exp(-ref.freeEnergy(v, false) - lz);
            for (int i = 0; i < NV; i++) {
                marg[i] += p * v[i];
            }
        }
        INDArray start = Nd4j.zeros(DataType.FLOAT, 20000, NV);
        double[] got = rbm.gibbsChain(start, 50, 5L).mean(0).castTo(DataType.DOUBLE).toDoubleVector();
        assertArrayEquals(marg, got, TOL_FREQ);
    }

    @Test
    void gibbsSnapshotsStartWithTheInput() {
        INDArray v = NaiveRbm.row(NaiveRbm.bits(9, NV)).repeat(0, 4);
        List<INDArray> snaps = rbm.gibbsSnapshots(v, new int[] {0, 1, 10}, 2L);
        assertEquals(3, snaps.size());
        assertEquals(v, snaps.get(0));
        assertEquals(rbm.gibbsChain(v, 10, 2L), snaps.get(2));
        assertThrows(IllegalArgumentException.class, () -> rbm.gibbsSnapshots(v, new int[] {3, 1}, 2L));
    }

    @Test
    void reconstructionErrorIsOneMeanFieldUpDownPass() {
        double[][] data = {NaiveRbm.bits(3, NV), NaiveRbm.bits(17, NV)};
        double expected = 0;
        for (double[] v : data) {
            double[] h = ref.hiddenMarginals(v, false);
            for (int i = 0; i < NV; i++) {
                double a = ref.b[i];
                for (int j = 0; j < NH; j++) {
                    a += ref.w[i][j] * h[j];
                }
                double r = 1 / (1 + Math.exp(-a));
                expected += (v[i] - r) * (v[i] - r);
            }
        }
        assertEquals(expected / (2 * NV), rbm.reconstructionError(NaiveRbm.rows(data)), TOL_F32);
    }

    @Test
    void initVisibleBiasFromDataGivesClippedLogOdds() {
        double[][] data = {{1, 0, 1, 1, 0}, {1, 0, 0, 1, 0}, {1, 0, 1, 0, 0}, {1, 0, 0, 1, 1}};
        BernoulliRbm r = BernoulliRbm.random(NV, NH, 0.01, 1L).initVisibleBiasFromData(NaiveRbm.rows(data));
        double clip = BernoulliRbm.MARGINAL_CLIP;
        double[] expected = {Math.log((1 - clip) / clip), Math.log(clip / (1 - clip)), 0.0, Math.log(3.0),
            Math.log(1 / 3.0)};
        assertArrayEquals(expected, r.visibleBias().castTo(DataType.DOUBLE).toDoubleVector(), 1e-5);
    }

    @Test
    void randomIsSeededAndHasTheRequestedScale() {
        BernoulliRbm a = BernoulliRbm.random(200, 100, 0.01, 5L);
        BernoulliRbm b = BernoulliRbm.random(200, 100, 0.01, 5L);
        assertEquals(a.weights(), b.weights());
        double std = a.weights().stdNumber().doubleValue();
        assertEquals(0.01, std, 0.0005);
        assertEquals(0.0, a.visibleBias().sumNumber().doubleValue(), 0.0);
        assertTrue(a.toString().contains("200 visible x 100 hidden"));
    }

    @Test
    void copyIsIndependent() {
        BernoulliRbm c = rbm.copy();
        c.weights().addi(1f);
        assertFalse(c.weights().equals(rbm.weights()));
    }

    @Test
    void badArgumentsAreRejectedWithNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rbm.hiddenProbabilities(Nd4j.zeros(DataType.FLOAT, 2, NV + 1)));
        assertTrue(e.getMessage().contains("v must have 5 columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rbm.visibleProbabilities(null));
        assertThrows(IllegalArgumentException.class, () -> BernoulliRbm.random(0, 3, 0.1, 1L));
        assertThrows(IllegalArgumentException.class, () -> BernoulliRbm.random(3, 3, Double.NaN, 1L));
        assertThrows(IllegalArgumentException.class, () -> rbm.reconstructionError(Nd4j.zeros(DataType.FLOAT, 0, NV)));
        assertThrows(IllegalArgumentException.class, () -> BernoulliRbm.of(Nd4j.zeros(DataType.FLOAT, 3, 2),
                Nd4j.zeros(DataType.FLOAT, 2), Nd4j.zeros(DataType.FLOAT, 2)));
    }

    @Test
    void acceptsDoubleAndTransposedViewsWithoutChangingThem() {
        double[][] data = {NaiveRbm.bits(3, NV), NaiveRbm.bits(17, NV)};
        INDArray asDouble = Nd4j.create(data);
        INDArray transposedView = Nd4j.create(data).castTo(DataType.FLOAT).transpose().dup('c').transpose();
        INDArray expected = rbm.hiddenProbabilities(NaiveRbm.rows(data));
        assertEquals(expected, rbm.hiddenProbabilities(asDouble));
        assertEquals(expected, rbm.hiddenProbabilities(transposedView));
        assertEquals(Nd4j.create(data), asDouble);
    }
}
