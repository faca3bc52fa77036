package org.ebmjava.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.stats.GaussianOps;
import org.junit.jupiter.api.Test;

class DiffusionBoundTest {

    private static final double[] MEAN = {1.0, -0.5};
    private static final double[] STD = {0.5, 0.3};

    /** A predictor that always answers 0: mu_theta = x_t / sqrt(alpha_t). */
    private static final class Zero implements NoisePredictor {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void predict(float[] x, int n, int[] t, float[] out) {
            java.util.Arrays.fill(out, 0, 2 * n, 0f);
        }
    }

    @Test
    void oracleBoundIsCloseToTheTrueNegativeLogLikelihood() {
        // E[L] >= E[-log p_theta(x_0)], and with the oracle p_theta is the data density up to discretisation, so the
        // bound should sit just above the points' true NLL, -mean log p_data(x_0) (h(data) = 0.9408 nats per point
        // in expectation). Measured at n = 20000: +0.003 nats at T = 1000, +0.022 at T = 200. The estimate's own sd
        // at n = 4000 is about 0.02 (one forward draw per point and step), so +-0.06 is a 3-sigma band that a
        // mis-weighted transition term (errors of nats) cannot enter.
        VarianceSchedule s = VarianceSchedule.linear(1000);
        GaussianDiffusion g = new GaussianDiffusion(s, 2);
        ExactNoisePredictor oracle = ExactNoisePredictor.gaussian(s, MEAN, STD);
        int n = 4000;
        double[][] points = oracle.sampleData(n, new SplittableRandom(1));
        double nll = 0;
        for (double[] p : points) {
            nll -= oracle.marginalLogDensity(p, 0) / n;
        }
        DiffusionBound.Result r = new DiffusionBound(g, ReverseVariance.BETA).evaluate(oracle,
                GaussianDiffusion.flatten(points), n, new SplittableRandom(2));
        assertEquals(nll, r.total(), 0.06, r.toString());
        double h = GaussianOps.entropy(STD[0] * STD[0]) + GaussianOps.entropy(STD[1] * STD[1]);
        assertEquals(h, nll, 0.06);
        double sum = r.prior() + r.reconstruction();
        for (double v : r.transitions()) {
            sum += v;
        }
        assertEquals(sum, r.total(), 1e-12);
        assertEquals(r.total() / (2 * Math.log(2)), r.bitsPerDimension(), 1e-12);
        assertEquals(0.0, r.transitions()[0], 0.0);
        assertEquals(0.0, r.transitions()[1], 0.0);
    }

    @Test
    void priorTermIsTheKlOfTheLastMarginal() {
        // L_T = sum_j ( ab x_j^2 - ab - log(1 - ab) ) / 2, averaged over points: about ab E|x|^2 / 2.
        VarianceSchedule s = VarianceSchedule.linear(100);
        GaussianDiffusion g = new GaussianDiffusion(s, 2);
        float[] x0 = {1.0f, 2.0f, -1.0f, 0.0f};
        DiffusionBound.Result r = new DiffusionBound(g, ReverseVariance.BETA).evaluate(new Zero(), x0, 2,
                new SplittableRandom(1));
        double ab = s.alphaBar(100);
        double expected = 0.5 * (ab * (1 + 4 + 1 + 0) - 4 * ab - 4 * Math.log1p(-ab)) / 2;
        assertEquals(expected, r.prior(), 1e-12 * Math.max(1, expected) + 1e-18);
    }

    @Test
    void transitionTermsAreWeightedNoisePredictionErrors() {
        // With eps_theta = 0 the weighted form gives, per point,
        // L_{t-1} = b^2/(2 sigma^2 a (1 - ab)) E|eps|^2 + d (r - 1 - log r)/2, r = beta-tilde/sigma^2, E|eps|^2 = d.
        // The bound computes the same terms as KLs between Gaussian means and variances; they must agree within
        // the Monte Carlo error of E|eps|^2 (relative sd sqrt(2/(d n)) = 0.7 % at n = 20000).
        VarianceSchedule s = VarianceSchedule.linear(100);
        GaussianDiffusion g = new GaussianDiffusion(s, 2);
        ExactNoisePredictor data = ExactNoisePredictor.gaussian(s, MEAN, STD);
        int n = 20_000;
        float[] x0 = GaussianDiffusion.flatten(data.sampleData(n, new SplittableRandom(3)));
        for (ReverseVariance rv : ReverseVariance.values()) {
            DiffusionBound.Result r = new DiffusionBound(g, rv).evaluate(new Zero(), x0, n, new SplittableRandom(4));
            for (int t : new int[] {2, 30, 100}) {
                double b = s.beta(t);
                double sigma2 = rv.variance(s, t);
                double ratio = s.posteriorVariance(t) / sigma2;
                double meanTerm = b * b / (2 * sigma2 * (1 - b) * (1 - s.alphaBar(t))) * 2;
                double varTerm = 2 * (ratio - 1 - Math.log(ratio)) / 2;
                assertEquals(meanTerm + varTerm, r.transitions()[t], 0.03 * meanTerm + 1e-12, rv + " t=" + t);
            }
        }
    }

    @Test
    void aUselessPredictorHasAMuchLargerBound() {
        VarianceSchedule s = VarianceSchedule.linear(200);
        GaussianDiffusion g = new GaussianDiffusion(s, 2);
        ExactNoisePredictor oracle = ExactNoisePredictor.gaussian(s, MEAN, STD);
        int n = 1000;
        float[] x0 = GaussianDiffusion.flatten(oracle.sampleData(n, new SplittableRandom(1)));
        DiffusionBound bound = new DiffusionBound(g, ReverseVariance.BETA);
        double good = bound.evaluate(oracle, x0, n, new SplittableRandom(2)).total();
        double bad = bound.evaluate(new Zero(), x0, n, new SplittableRandom(2)).total();
        assertTrue(bad > good + 10, "zero predictor " + bad + " vs oracle " + good);
    }
}
