package org.ebmjava.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.sampling.GaussianEnergy;
import org.junit.jupiter.api.Test;

class GaussianScoreMatchingTest {
    /** Agreement of two double-precision routes to the same matrix (elimination vs inversion). */
    private static final double EXACT_TOL = 1e-9;

    private static double[][] draw(GaussianEnergy g, int n, long seed) {
        return ScoreOps.toRows(g.sample(n, new SplittableRandom(seed)), g.dimension());
    }

    private static GaussianEnergy target() {
        return new GaussianEnergy(new double[] {1.0, -2.0, 0.5},
                new double[][] {{2.0, 0.6, 0.0}, {0.6, 1.0, -0.3}, {0.0, -0.3, 0.5}});
    }

    @Test
    void scoreMatchingEqualsMaximumLikelihoodForAGaussian() {
        double[][] x = draw(target(), 500, 11);
        var sm = GaussianScoreMatching.scoreMatching(x);
        var ml = GaussianScoreMatching.maximumLikelihood(x);
        assertTrue(GaussianScoreMatching.frobeniusDistance(sm.precision(), ml.precision()) < EXACT_TOL,
                "SM and ML precisions differ: " + sm + " vs " + ml);
        for (int j = 0; j < 3; j++) {
            assertEquals(ml.mean()[j], sm.mean()[j], EXACT_TOL);
        }
    }

    @Test
    void theEstimateMinimisesTheObjective() {
        double[][] x = draw(target(), 300, 12);
        var sm = GaussianScoreMatching.scoreMatching(x);
        double best = GaussianScoreMatching.objective(sm.mean(), sm.precision(), x);
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            double[][] p = new double[3][3];
            double[] m = sm.mean().clone();
            for (int j = 0; j < 3; j++) {
                m[j] += 0.05 * rng.nextGaussian();
                for (int k = 0; k <= j; k++) {
                    double e = 0.05 * rng.nextGaussian();
                    p[j][k] = sm.precision()[j][k] + e;
                    p[k][j] = sm.precision()[k][j] + e;
                }
            }
            assertTrue(GaussianScoreMatching.objective(m, p, x) > best,
                    "a perturbed model has a lower objective than the estimate at trial " + trial);
        }
    }

    @Test
    void oneDimensionalObjectiveMatchesTheHandFormula() {
        // J(mu, p) = 0.5 p^2 mean((x - mu)^2) - p
        double[][] x = {{1.0}, {2.0}, {4.0}};
        double mu = 2.0;
        double p = 0.7;
        double expected = 0.5 * p * p * (1.0 + 0.0 + 4.0) / 3.0 - p;
        assertEquals(expected, GaussianScoreMatching.objective(new double[] {mu}, new double[][] {{p}}, x), 1e-15);
        // minimiser p = 1 / var = 3 / (1/9 + 16/9 + 25/9 ... ) computed directly:
        double m = 7.0 / 3.0;
        double var = ((1 - m) * (1 - m) + (2 - m) * (2 - m) + (4 - m) * (4 - m)) / 3.0;
        assertEquals(1.0 / var, GaussianScoreMatching.scoreMatching(x).precision()[0][0], 1e-12);
    }

    @Test
    void consistentForLargeSamples() {
        GaussianEnergy g = target();
        double[][] x = draw(g, 200_000, 13);
        var sm = GaussianScoreMatching.scoreMatching(x);
        double[][] truth = new GaussianScoreMatching.Fit(g.mean(), g.covariance()).covariance();
        double err = GaussianScoreMatching.frobeniusDistance(sm.precision(), truth);
        assertTrue(err < 0.05, "precision error " + err + " at n = 200000");
    }

    @Test
    void rejectsBadData() {
        assertThrows(IllegalArgumentException.class, () -> GaussianScoreMatching.scoreMatching(new double[][] {}));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianScoreMatching.scoreMatching(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianScoreMatching.scoreMatching(new double[][] {{1, 1}, {2, 2}, {3, 3}, {4, 4}}));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianScoreMatching.maximumLikelihood(new double[][] {{1, Double.NaN}, {2, 2}, {3, 1}}));
    }
}
