package org.ebmjava.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GaussianOpsTest {

    /** Midpoint-rule integrals over +-20 standard deviations with 400,000 cells are accurate far below this. */
    private static final double QUADRATURE_TOL = 1e-8;

    /** Midpoint rule for int p(x) log(p(x)/q(x)) dx, both densities written out by hand. */
    private static double klByQuadrature(double m1, double v1, double m2, double v2) {
        double s = Math.sqrt(Math.max(v1, v2));
        double lo = Math.min(m1, m2) - 20 * s;
        double hi = Math.max(m1, m2) + 20 * s;
        int cells = 400_000;
        double dx = (hi - lo) / cells;
        double sum = 0.0;
        for (int i = 0; i < cells; i++) {
            double x = lo + (i + 0.5) * dx;
            double lp = -0.5 * (x - m1) * (x - m1) / v1 - 0.5 * Math.log(2 * Math.PI * v1);
            double lq = -0.5 * (x - m2) * (x - m2) / v2 - 0.5 * Math.log(2 * Math.PI * v2);
            sum += Math.exp(lp) * (lp - lq);
        }
        return sum * dx;
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 0, 1", "0, 1, 1, 1", "0.3, 0.25, -1, 2", "2, 4, 0, 1", "-1, 0.01, -1.05, 0.02"})
    void klMatchesNumericalIntegration(double m1, double v1, double m2, double v2) {
        assertEquals(klByQuadrature(m1, v1, m2, v2), GaussianOps.kl(m1, v1, m2, v2), QUADRATURE_TOL);
    }

    @Test
    void klIsZeroOnlyForEqualGaussiansAndAsymmetric() {
        assertEquals(0.0, GaussianOps.kl(0.7, 2.0, 0.7, 2.0), 0.0);
        assertTrue(GaussianOps.kl(0.0, 1.0, 0.0, 1.0 + 1e-6) > 0.0);
        assertTrue(Math.abs(GaussianOps.kl(0, 1, 0, 4) - GaussianOps.kl(0, 4, 0, 1)) > 0.1);
    }

    @ParameterizedTest
    @CsvSource({"1", "0.01", "9"})
    void entropyMatchesNumericalIntegration(double v) {
        double s = Math.sqrt(v);
        int cells = 400_000;
        double dx = 40 * s / cells;
        double h = 0.0;
        for (int i = 0; i < cells; i++) {
            double x = -20 * s + (i + 0.5) * dx;
            double lp = GaussianOps.logDensity(x, 0.0, v);
            h -= Math.exp(lp) * lp;
        }
        assertEquals(h * dx, GaussianOps.entropy(v), QUADRATURE_TOL);
        // The standard normal: log(2 pi e) / 2 = 1.4189385332046727.
        assertEquals(1.4189385332046727, GaussianOps.entropy(1.0), 1e-15);
    }

    @Test
    void bitsAreNatsOverLogTwo() {
        assertEquals(1.0, GaussianOps.toBits(Math.log(2.0)), 1e-15);
    }

    @Test
    void rejectsInvalidVariances() {
        assertThrows(IllegalArgumentException.class, () -> GaussianOps.kl(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> GaussianOps.kl(0, 1, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> GaussianOps.entropy(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> GaussianOps.logDensity(0, Double.POSITIVE_INFINITY, 1));
    }
}
