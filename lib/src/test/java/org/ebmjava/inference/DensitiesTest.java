package org.ebmjava.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DensitiesTest {

    /** Midpoint-rule moments of a density on [lo, hi]: {mass, mean, variance, entropy}. */
    private static double[] moments(Density1D p, double lo, double hi, int cells) {
        double dx = (hi - lo) / cells;
        double mass = 0;
        double m1 = 0;
        double m2 = 0;
        double h = 0;
        for (int i = 0; i < cells; i++) {
            double x = lo + (i + 0.5) * dx;
            double lp = p.logDensity(x);
            double d = Math.exp(lp);
            mass += d * dx;
            m1 += x * d * dx;
            m2 += x * x * d * dx;
            if (d > 0) {
                h -= d * lp * dx;
            }
        }
        return new double[] {mass, m1, m2 - m1 * m1, h};
    }

    @ParameterizedTest
    @CsvSource({"2, 3", "9, 7", "1, 1", "2.5, 10"})
    void betaSummariesMatchNumericalIntegration(double a, double b) {
        BetaDensity p = new BetaDensity(a, b);
        double[] m = moments(p, 0, 1, 200_000);
        assertEquals(1.0, m[0], 1e-8);
        assertEquals(p.mean(), m[1], 1e-8);
        assertEquals(p.variance(), m[2], 1e-8);
        assertEquals(p.entropy(), m[3], 1e-7);
    }

    @Test
    void uniformBetaHasZeroEntropyAndNoMode() {
        BetaDensity u = new BetaDensity(1, 1);
        assertEquals(0.0, u.entropy(), 1e-14);
        assertTrue(Double.isNaN(u.mode()));
        assertEquals(0.25, new BetaDensity(2, 4).mode(), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, u.logDensity(-0.1));
    }

    @Test
    void normalSummariesMatchNumericalIntegration() {
        NormalDensity p = new NormalDensity(-0.7, 0.3);
        double[] m = moments(p, -10, 10, 200_000);
        assertEquals(1.0, m[0], 1e-10);
        assertEquals(-0.7, m[1], 1e-10);
        assertEquals(0.09, m[2], 1e-10);
        assertEquals(p.entropy(), m[3], 1e-9);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new BetaDensity(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new NormalDensity(0, -1));
        assertThrows(IllegalArgumentException.class, () -> new NormalDensity(Double.NaN, 1));
    }
}
