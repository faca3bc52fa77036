package org.ebmjava.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DivergencesTest {

    private static final double TOL = 1e-12;
    /** Riemann sums of smooth Gaussian integrands on a fine, wide grid. */
    private static final double GRID_TOL = 1e-6;

    @Test
    void klIsZeroForEqualDistributions() {
        double[] p = {0.1, 0.2, 0.3, 0.4};
        assertEquals(0.0, Divergences.kl(p, p.clone()), 0.0);
    }

    @Test
    void klIsPositiveForDifferentDistributions() {
        Random rng = new Random(99);
        for (int trial = 0; trial < 100; trial++) {
            double[] p = randomDistribution(rng, 6);
            double[] q = randomDistribution(rng, 6);
            assertTrue(Divergences.kl(p, q) > 0.0);
        }
    }

    @Test
    void klMatchesClosedFormAndIsAsymmetric() {
        double[] p = {0.5, 0.5};
        double[] q = {0.25, 0.75};
        double pq = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
        double qp = 0.25 * Math.log(0.25 / 0.5) + 0.75 * Math.log(0.75 / 0.5);
        assertEquals(pq, Divergences.kl(p, q), TOL);
        assertEquals(qp, Divergences.kl(q, p), TOL);
        assertTrue(Math.abs(pq - qp) > 1e-3, "KL is not symmetric");
    }

    @Test
    void zeroTimesLogZeroIsZeroAndMissingSupportIsInfinite() {
        assertEquals(Math.log(2.0), Divergences.kl(new double[] {1.0, 0.0}, new double[] {0.5, 0.5}), TOL);
        assertEquals(Double.POSITIVE_INFINITY, Divergences.kl(new double[] {0.5, 0.5}, new double[] {1.0, 0.0}));
        assertEquals(Double.POSITIVE_INFINITY,
                Divergences.klOnGrid(new double[] {0.5, 0.5}, new double[] {1.0, 0.0}, 1.0));
    }

    @Test
    void klOnGridMatchesGaussianClosedForms() {
        double lo = -20.0;
        double hi = 20.0;
        int n = 40_000;
        double dx = (hi - lo) / n;
        double[] p = new double[n];
        double[] q = new double[n];
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            double x = lo + (j + 0.5) * dx;
            p[j] = GaussianKlFit.gaussianDensity(x, 0.0, 1.0);
            q[j] = GaussianKlFit.gaussianDensity(x, 1.0, 1.0);
            r[j] = GaussianKlFit.gaussianDensity(x, 0.0, 2.0);
        }
        // KL(N(m1, s1^2) || N(m2, s2^2)) = log(s2/s1) + (s1^2 + (m1-m2)^2) / (2 s2^2) - 1/2.
        assertEquals(0.5, Divergences.klOnGrid(p, q, dx), GRID_TOL);
        assertEquals(Math.log(2.0) + 1.0 / 8.0 - 0.5, Divergences.klOnGrid(p, r, dx), GRID_TOL);
        assertEquals(Math.log(0.5) + 4.0 / 2.0 - 0.5, Divergences.klOnGrid(r, p, dx), GRID_TOL);
    }

    @Test
    void rejectsInvalidArguments() {
        double[] p = {0.5, 0.5};
        assertThrows(IllegalArgumentException.class, () -> Divergences.kl(p, new double[] {1.0}));
        assertThrows(IllegalArgumentException.class, () -> Divergences.kl(p, new double[] {1.5, -0.5}));
        assertThrows(IllegalArgumentException.class, () -> Divergences.kl(p, new double[] {0.5, 0.6}));
        assertThrows(IllegalArgumentException.class, () -> Divergences.kl(p, new double[] {Double.NaN, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> Divergences.kl(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Divergences.kl(null, p));
        assertThrows(IllegalArgumentException.class, () -> Divergences.klOnGrid(p, p, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Divergences.klOnGrid(p, new double[] {-1.0, 1.0}, 0.1));
        // Tolerance of the normalisation check.
        assertEquals(0.0, Divergences.kl(p, new double[] {0.5, 0.5 + 5e-7}), 1e-6);
    }

    private static double[] randomDistribution(Random rng, int n) {
        double[] p = new double[n];
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            p[i] = rng.nextDouble() + 1e-3;
            s += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= s;
        }
        return p;
    }
}
