package org.ebmjava.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearGaussianModelTest {

    private static final double EXACT = 1e-10;

    private static LinearGaussianModel random(int d, int k, SplittableRandom rng) {
        double[][] w = new double[d][k];
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                w[i][j] = rng.nextGaussian();
            }
            b[i] = rng.nextGaussian();
        }
        return new LinearGaussianModel(w, b, 0.5 + rng.nextDouble());
    }

    /** log N(x; b, sigma^2 I + W W^T) by a d x d Cholesky factorisation: the naive reference. */
    private static double naiveLogEvidence(LinearGaussianModel m, double[] x) {
        double[][] w = m.loadings();
        double[] b = m.offset();
        int d = x.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = i == j ? m.noiseStd() * m.noiseStd() : 0;
                for (int p = 0; p < w[0].length; p++) {
                    s += w[i][p] * w[j][p];
                }
                c[i][j] = s;
            }
        }
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i][j];
                for (int p = 0; p < j; p++) {
                    s -= l[i][p] * l[j][p];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        double[] y = new double[d];
        double logDet = 0;
        for (int i = 0; i < d; i++) {
            double s = x[i] - b[i];
            for (int p = 0; p < i; p++) {
                s -= l[i][p] * y[p];
            }
            y[i] = s / l[i][i];
            logDet += 2 * Math.log(l[i][i]);
        }
        double quad = 0;
        for (double v : y) {
            quad += v * v;
        }
        return -0.5 * (d * Math.log(2 * Math.PI) + logDet + quad);
    }

    @Test
    void logEvidenceMatchesTheFullCovarianceGaussian() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int trial = 0; trial < 6; trial++) {
            int d = 1 + rng.nextInt(6);
            int k = 1 + rng.nextInt(3);
            LinearGaussianModel m = random(d, k, rng);
            double[] x = m.sample(1, rng)[0];
            assertEquals(naiveLogEvidence(m, x), m.logEvidence(x), 1e-9, "d=" + d + ", k=" + k);
        }
    }

    @Test
    void freeEnergyAtTheExactPosteriorIsMinusLogEvidence() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int trial = 0; trial < 5; trial++) {
            LinearGaussianModel m = random(2 + rng.nextInt(5), 1, rng);
            double[] x = m.sample(1, rng)[0];
            LinearGaussianModel.Posterior p = m.posterior(x);
            VariationalFreeEnergy f = m.freeEnergy(x, p.mean(), p.std());
            assertEquals(-m.logEvidence(x), f.freeEnergy(), EXACT);
            assertEquals(m.logEvidence(x), f.elbo(), EXACT);
        }
    }

    @Test
    void gapIsTheReverseKlToThePosterior() {
        SplittableRandom rng = new SplittableRandom(3);
        LinearGaussianModel m = random(5, 2, rng);
        double[] x = m.sample(1, rng)[0];
        LinearGaussianModel.Posterior p = m.posterior(x);
        double[][] s = p.covariance();
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double[][] inv = {{s[1][1] / det, -s[0][1] / det}, {-s[1][0] / det, s[0][0] / det}};
        for (int trial = 0; trial < 5; trial++) {
            double[] qm = {p.mean()[0] + rng.nextGaussian(), p.mean()[1] + rng.nextGaussian()};
            double[] qs = {0.2 + rng.nextDouble(), 0.2 + rng.nextDouble()};
            double[] dm = {p.mean()[0] - qm[0], p.mean()[1] - qm[1]};
            double kl = 0.5 * (inv[0][0] * qs[0] * qs[0] + inv[1][1] * qs[1] * qs[1]
                    + dm[0] * (inv[0][0] * dm[0] + inv[0][1] * dm[1]) + dm[1] * (inv[1][0] * dm[0] + inv[1][1] * dm[1])
                    - 2 + Math.log(det) - 2 * Math.log(qs[0] * qs[1]));
            VariationalFreeEnergy f = m.freeEnergy(x, qm, qs);
            assertEquals(m.logEvidence(x) - kl, f.elbo(), 1e-9);
            assertTrue(f.elbo() < m.logEvidence(x));
        }
    }

    @Test
    void closedFormEnergyMatchesMonteCarlo() {
        SplittableRandom rng = new SplittableRandom(4);
        LinearGaussianModel m = random(3, 2, rng);
        double[] x = m.sample(1, rng)[0];
        double[] qm = {0.3, -0.2};
        double[] qs = {0.7, 1.3};
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] z = {qm[0] + qs[0] * rng.nextGaussian(), qm[1] + qs[1] * rng.nextGaussian()};
            sum -= m.logJoint(x, z);
        }
        assertEquals(sum / n, m.freeEnergy(x, qm, qs).energy(), 0.02);
    }

    @Test
    void importanceSamplingIsExactWithThePosteriorAndRisesWithSamples() {
        SplittableRandom rng = new SplittableRandom(5);
        LinearGaussianModel m = random(6, 1, rng);
        double[] x = m.sample(1, rng)[0];
        LinearGaussianModel.Posterior p = m.posterior(x);
        assertEquals(m.logEvidence(x), m.importanceSampledLogEvidence(x, p.mean(), p.std(), 1, rng), 1e-9,
                "with q the posterior every weight equals p(x)");
        // From the prior: the mean of the estimate rises with K towards log p(x) (Burda et al.).
        double[] prior = {0.0};
        double[] one = {1.0};
        double previous = Double.NEGATIVE_INFINITY;
        for (int kSamples : new int[] {1, 10, 1000}) {
            double mean = 0;
            for (int r = 0; r < 200; r++) {
                mean += m.importanceSampledLogEvidence(x, prior, one, kSamples, rng) / 200;
            }
            assertTrue(mean > previous, "K=" + kSamples + ": " + mean + " after " + previous);
            assertTrue(mean < m.logEvidence(x) + 0.05, "K=" + kSamples + ": " + mean);
            previous = mean;
        }
        assertEquals(m.logEvidence(x), previous, 0.3);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new LinearGaussianModel(new double[][] {{1}}, new double[] {0}, 0));
        LinearGaussianModel m = new LinearGaussianModel(new double[][] {{1}, {2}}, new double[] {0, 0}, 1);
        assertThrows(IllegalArgumentException.class, () -> m.logEvidence(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> m.freeEnergy(new double[] {1, 2}, new double[] {0}, new double[] {0}));
    }
}
