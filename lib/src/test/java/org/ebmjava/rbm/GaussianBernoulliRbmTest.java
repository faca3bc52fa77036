package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/** GaussianBernoulliRbm against enumeration over h and numerical integration over v. */
class GaussianBernoulliRbmTest {
    static final double TOL_F32 = 2e-5;
    /** Trapezoid rule on a 601 x 601 grid over [-12, 12]^2: error far below this. */
    static final double TOL_QUADRATURE = 1e-6;
    /** Sample mean and variance from 40,000 draws (about 5 standard errors). */
    static final double TOL_MOMENTS = 0.03;

    final GaussianBernoulliRbm rbm = GaussianBernoulliRbm.of(
            Nd4j.createFromArray(new float[][] {{0.8f, -0.5f, 0.3f}, {-0.4f, 0.6f, 0.9f}}),
            Nd4j.createFromArray(0.5f, -1.0f), Nd4j.createFromArray(0.2f, -0.3f, 0.1f));
    final NaiveRbm ref = NaiveRbm.of(rbm);

    @Test
    void hiddenProbabilitiesMatchEnumeratedConditional() {
        double[][] vs = {{0.3, -1.2}, {2.5, 0.7}, {-3.0, 4.0}};
        for (double[] v : vs) {
            double[] got = rbm.hiddenProbabilities(NaiveRbm.row(v)).castTo(DataType.DOUBLE).toDoubleVector();
            assertArrayEquals(ref.hiddenMarginals(v, true), got, TOL_F32);
        }
    }

    @Test
    void freeEnergyMatchesLogSumOverHidden() {
        double[][] vs = {{0.3, -1.2}, {2.5, 0.7}, {-3.0, 4.0}};
        double[] got = rbm.freeEnergy(NaiveRbm.rows(vs)).toDoubleVector();
        for (int r = 0; r < vs.length; r++) {
            assertEquals(ref.freeEnergy(vs[r], true), got[r], 1e-4);
            double e = rbm.energy(NaiveRbm.row(vs[r]), NaiveRbm.row(new double[] {1, 0, 1}));
            assertEquals(ref.gaussianEnergy(vs[r], new double[] {1, 0, 1}), e, 1e-4);
        }
    }

    @Test
    void logPartitionMatchesNumericalIntegralOfExpMinusFreeEnergy() {
        int n = 601;
        double lo = -12;
        double hi = 12;
        double step = (hi - lo) / (n - 1);
        double[] terms = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double[] v = {lo + a * step, lo + b * step};
                double weight = (a == 0 || a == n - 1 ? 0.5 : 1) * (b == 0 || b == n - 1 ? 0.5 : 1);
                terms[a * n + b] = -ref.freeEnergy(v, true) + Math.log(weight * step * step);
            }
        }
        assertEquals(RbmOps.logSumExp(terms), ExactPartition.logPartition(rbm), TOL_QUADRATURE);
    }

    @Test
    void visibleSamplesHaveMeanBPlusWhAndUnitVariance() {
        double[] h = {1, 0, 1};
        int n = 40000;
        INDArray v = rbm.sampleVisible(NaiveRbm.row(h).repeat(0, n), 3L).castTo(DataType.DOUBLE);
        double[] mean = v.mean(0).toDoubleVector();
        double[] var = v.var(0).toDoubleVector();
        double[] expected = {0.5 + 0.8 + 0.3, -1.0 - 0.4 + 0.9};
        assertArrayEquals(expected, mean, TOL_MOMENTS);
        assertArrayEquals(new double[] {1, 1}, var, TOL_MOMENTS);
        assertArrayEquals(expected, rbm.visibleMean(NaiveRbm.row(h)).castTo(DataType.DOUBLE).toDoubleVector(), 1e-6);
    }

    @Test
    void reconstructionErrorUsesTheMeanField() {
        double[][] data = {{0.3, -1.2}, {2.5, 0.7}};
        double expected = 0;
        for (double[] v : data) {
            double[] p = ref.hiddenMarginals(v, true);
            for (int i = 0; i < 2; i++) {
                double m = ref.b[i];
                for (int j = 0; j < 3; j++) {
                    m += ref.w[i][j] * p[j];
                }
                expected += (v[i] - m) * (v[i] - m);
            }
        }
        assertEquals(expected / 4, rbm.reconstructionError(NaiveRbm.rows(data)), TOL_F32);
    }

    @Test
    void initVisibleBiasFromDataIsTheMean() {
        double[][] data = {{1, 2}, {3, -2}};
        GaussianBernoulliRbm g = GaussianBernoulliRbm.random(2, 3, 0.01, 1L).initVisibleBiasFromData(
                NaiveRbm.rows(data));
        assertArrayEquals(new double[] {2, 0}, g.visibleBias().castTo(DataType.DOUBLE).toDoubleVector(), 1e-6);
    }
}
