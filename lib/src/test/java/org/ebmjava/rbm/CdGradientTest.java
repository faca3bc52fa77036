package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;

/** CdGradient against finite differences of the exact log-likelihood and against each other. */
class CdGradientTest {
    /** Central differences in double with step 1e-5 on an O(1) function: truncation and rounding below 1e-8. */
    static final double TOL_FD = 1e-6;
    /**
     * Cosine bound for CD-10 with 20,000 chains on this 6 x 4 RBM: measured 0.99995 (relative error 0.0096); with
     * 32 chains 0.981 (0.20); CD-1 with 20,000 chains 0.998 (0.11, the bias that does not average away).
     */
    static final double MIN_COSINE_MANY_CHAINS = 0.98;
    static final double STEP = 1e-5;

    static final double[][] DATA = {
        {1, 1, 0, 0, 1, 0}, {1, 0, 0, 0, 1, 0}, {0, 1, 1, 0, 0, 1}, {0, 0, 1, 1, 0, 1},
        {1, 1, 1, 0, 0, 0}, {0, 0, 0, 1, 1, 1}, {1, 0, 1, 0, 1, 0}, {0, 1, 0, 1, 0, 1}};

    final BernoulliRbm rbm = NaiveRbm.randomBernoulli(6, 4, 0.6, 21L);

    static INDArray replicated(int copies) {
        double[][] out = new double[DATA.length * copies][];
        for (int i = 0; i < out.length; i++) {
            out[i] = DATA[i % DATA.length];
        }
        return NaiveRbm.rows(out);
    }

    @Test
    void exactGradientMatchesFiniteDifferences() {
        NaiveRbm ref = NaiveRbm.of(rbm);
        CdGradient.Gradient g = CdGradient.exact(rbm, NaiveRbm.rows(DATA));
        double[][] gw = g.weights().toDoubleMatrix();
        for (int i = 0; i < ref.nv; i++) {
            for (int j = 0; j < ref.nh; j++) {
                double old = ref.w[i][j];
                ref.w[i][j] = old + STEP;
                double up = ref.averageLogLikelihood(DATA);
                ref.w[i][j] = old - STEP;
                double down = ref.averageLogLikelihood(DATA);
                ref.w[i][j] = old;
                assertEquals((up - down) / (2 * STEP), gw[i][j], TOL_FD, "dL/dW[" + i + "][" + j + "]");
            }
        }
        double[] gb = g.visibleBias().toDoubleVector();
        for (int i = 0; i < ref.nv; i++) {
            double old = ref.b[i];
            ref.b[i] = old + STEP;
            double up = ref.averageLogLikelihood(DATA);
            ref.b[i] = old - STEP;
            double down = ref.averageLogLikelihood(DATA);
            ref.b[i] = old;
            assertEquals((up - down) / (2 * STEP), gb[i], TOL_FD, "dL/db[" + i + "]");
        }
        double[] gc = g.hiddenBias().toDoubleVector();
        for (int j = 0; j < ref.nh; j++) {
            double old = ref.c[j];
            ref.c[j] = old + STEP;
            double up = ref.averageLogLikelihood(DATA);
            ref.c[j] = old - STEP;
            double down = ref.averageLogLikelihood(DATA);
            ref.c[j] = old;
            assertEquals((up - down) / (2 * STEP), gc[j], TOL_FD, "dL/dc[" + j + "]");
        }
    }

    @Test
    void exactGradientIsTheSameEnumeratingEitherLayer() {
        // 6 x 4 enumerates h; the transposed model (4 x 6 with swapped biases) enumerates v: dW must transpose.
        BernoulliRbm t = BernoulliRbm.of(rbm.weights().transpose(), rbm.hiddenBias(), rbm.visibleBias());
        CdGradient.Gradient byHidden = CdGradient.modelExpectation(rbm.params);
        CdGradient.Gradient byVisible = CdGradient.modelExpectation(t.params);
        double[][] a = byHidden.weights().toDoubleMatrix();
        double[][] b = byVisible.weights().transpose().toDoubleMatrix();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 1e-9);
        }
        assertArrayEquals(byHidden.visibleBias().toDoubleVector(), byVisible.hiddenBias().toDoubleVector(), 1e-9);
    }

    @Test
    void cdTenWithManyChainsApproachesTheExactGradient() {
        CdGradient.Gradient exact = CdGradient.exact(rbm, NaiveRbm.rows(DATA));
        CdGradient.Gradient many = CdGradient.cdk(rbm, replicated(2500), 10, 5L);
        CdGradient.Gradient few = CdGradient.cdk(rbm, replicated(4), 10, 5L);
        double cosMany = many.cosineSimilarity(exact);
        assertTrue(cosMany > MIN_COSINE_MANY_CHAINS, "cosine " + cosMany);
        double errMany = many.minus(exact).norm() / exact.norm();
        double errFew = few.minus(exact).norm() / exact.norm();
        assertTrue(errMany < 0.1, "relative error with 20,000 chains " + errMany);
        assertTrue(errMany < errFew / 3, "averaging over more chains must help: " + errMany + " vs " + errFew);
    }

    @Test
    void aSignFlippedEstimateFailsTheCosineBound() {
        CdGradient.Gradient exact = CdGradient.exact(rbm, NaiveRbm.rows(DATA));
        CdGradient.Gradient flipped = CdGradient.cdk(rbm, replicated(2500), 10, 5L).scale(-1);
        assertTrue(flipped.cosineSimilarity(exact) < -MIN_COSINE_MANY_CHAINS);
    }

    @Test
    void cdOneIsCorrelatedButBiased() {
        // CD-1's fixed point differs from maximum likelihood: with many chains the noise is gone but a bias remains.
        CdGradient.Gradient exact = CdGradient.exact(rbm, NaiveRbm.rows(DATA));
        CdGradient.Gradient cd1 = CdGradient.cdk(rbm, replicated(2500), 1, 5L);
        double cos = cd1.cosineSimilarity(exact);
        assertTrue(cos > 0.5, "CD-1 still points uphill: cosine " + cos);
        CdGradient.Gradient cd10 = CdGradient.cdk(rbm, replicated(2500), 10, 5L);
        assertTrue(cd1.minus(exact).norm() > cd10.minus(exact).norm(), "CD-10 is closer to the exact gradient");
    }

    @Test
    void expectedCdkIsZeroAtKZeroAndTendsToTheExactGradient() {
        CdGradient.Gradient exact = CdGradient.exact(rbm, NaiveRbm.rows(DATA));
        assertEquals(0.0, CdGradient.expectedCdk(rbm, NaiveRbm.rows(DATA), 0).norm(), 0.0, "no steps, no gradient");
        CdGradient.Gradient longRun = CdGradient.expectedCdk(rbm, NaiveRbm.rows(DATA), 2_000);
        assertTrue(longRun.minus(exact).norm() / exact.norm() < 1e-6,
                "after 2000 steps the chain has forgotten the data: " + longRun.minus(exact).norm());
    }

    @Test
    void expectedCdkIsTheMeanOfTheSampledEstimate() {
        // 20,000 chains: the sampled CD-3 estimate must agree with its exact expectation up to its noise, and the
        // agreement must be far tighter than CD-3's distance from the exact gradient (its bias) would allow by chance.
        CdGradient.Gradient expected = CdGradient.expectedCdk(rbm, NaiveRbm.rows(DATA), 3);
        CdGradient.Gradient sampled = CdGradient.cdk(rbm, replicated(2500), 3, 9L);
        double noise = sampled.minus(expected).norm() / expected.norm();
        assertTrue(noise < 0.05, "sampled vs expected CD-3: relative difference " + noise);
    }

    @Test
    void expectedCdkBiasShrinksWithK() {
        CdGradient.Gradient exact = CdGradient.exact(rbm, NaiveRbm.rows(DATA));
        double previous = Double.POSITIVE_INFINITY;
        for (int k : new int[] {1, 3, 10, 30}) {
            double bias = CdGradient.expectedCdk(rbm, NaiveRbm.rows(DATA), k).minus(exact).norm();
            assertTrue(bias < previous, "bias must shrink with k: k = " + k + " gives " + bias + " after " + previous);
            previous = bias;
        }
        assertTrue(previous > 0, "a finite k keeps some bias");
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> CdGradient.cdk(rbm, NaiveRbm.rows(DATA), 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> CdGradient.exact(BernoulliRbm.random(30, 30, 0, 1L),
                NaiveRbm.rows(new double[][] {new double[30]})));
        assertThrows(IllegalArgumentException.class, () -> CdGradient.expectedCdk(rbm, NaiveRbm.rows(DATA), -1));
        assertThrows(IllegalArgumentException.class,
                () -> CdGradient.expectedCdk(rbm, NaiveRbm.rows(new double[][] {{0.5, 1, 0, 0, 1, 0}}), 1));
        assertThrows(IllegalArgumentException.class, () -> CdGradient.expectedCdk(BernoulliRbm.random(13, 2, 0, 1L),
                NaiveRbm.rows(new double[][] {new double[13]}), 1));
    }
}
