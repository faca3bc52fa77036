package org.ebmjava.ising;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OnsagerTest {

    /** Closed forms in double precision. */
    private static final double TOL = 1e-12;
    /** Agreement of the AGM energy with Simpson quadrature of K(k) (2^16 panels, smooth integrand). */
    private static final double QUADRATURE_TOL = 1e-10;
    /** u(T) + 2 tanh(1/T) = O(T^-3): about -4e-9 at T = 1000. */
    private static final double HIGH_T_SERIES_TOL = 1e-8;
    /** Fitted exponent of M ~ (Tc - T)^beta against Yang's 1/8. */
    private static final double EXPONENT_TOL = 1e-3;
    /** Gauss's constant AGM(1, sqrt 2), from the literature (OEIS A053004 gives 1/G = 0.8346268...). */
    private static final double AGM_1_SQRT2 = 1.1981402347355922074;

    /** K(k) = integral over [0, pi/2] of 1 / sqrt(1 - k^2 sin^2 theta), by composite Simpson. */
    private static double ellipticK(double k) {
        int n = 1 << 16;
        double h = 0.5 * Math.PI / n;
        double sum = 0.0;
        for (int i = 0; i <= n; i++) {
            double s = Math.sin(i * h);
            double f = 1.0 / Math.sqrt(1.0 - k * k * s * s);
            sum += (i == 0 || i == n) ? f : (i % 2 == 1 ? 4.0 * f : 2.0 * f);
        }
        return sum * h / 3.0;
    }

    @Test
    void criticalTemperatureSolvesSinhTwoOverTEqualsOne() {
        assertEquals(1.0, Math.sinh(2.0 / Onsager.CRITICAL_TEMPERATURE), TOL);
        assertEquals(2.269185314213022, Onsager.CRITICAL_TEMPERATURE, TOL);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8, 1.5, 2.0, 2.6, 3.5, 5.0})
    void energyMatchesOnsagerFormulaWithQuadratureForK(double t) {
        double b2 = 2.0 / t;
        double k = 2.0 * Math.sinh(b2) / (Math.cosh(b2) * Math.cosh(b2));
        double th = Math.tanh(b2);
        double expected = -(1.0 / th) * (1.0 + (2.0 / Math.PI) * (2.0 * th * th - 1.0) * ellipticK(k));
        assertEquals(expected, Onsager.energyPerSpin(t), QUADRATURE_TOL, "T=" + t);
    }

    @Test
    void energyHasTheKnownLimitsAndIsContinuousAtTc() {
        double tc = Onsager.CRITICAL_TEMPERATURE;
        assertEquals(-Math.sqrt(2.0), Onsager.energyPerSpin(tc), TOL);
        assertEquals(-Math.sqrt(2.0), Onsager.energyPerSpin(tc * (1 - 1e-9)), 1e-6);
        assertEquals(-Math.sqrt(2.0), Onsager.energyPerSpin(tc * (1 + 1e-9)), 1e-6);
        assertEquals(-2.0, Onsager.energyPerSpin(0.05), TOL);
        assertEquals(-2.0, Onsager.energyPerSpin(1e-6), TOL);
        assertEquals(0.0, Onsager.energyPerSpin(Double.POSITIVE_INFINITY), TOL);
        assertEquals(-2.0 * Math.tanh(1e-3), Onsager.energyPerSpin(1e3), HIGH_T_SERIES_TOL);
        double prev = Onsager.energyPerSpin(0.5);
        for (double t = 0.55; t < 6.0; t += 0.05) {
            double u = Onsager.energyPerSpin(t);
            assertTrue(u > prev, "u must rise with T, T=" + t);
            prev = u;
        }
    }

    @Test
    void spontaneousMagnetisationVanishesAtTcWithExponentOneEighth() {
        double tc = Onsager.CRITICAL_TEMPERATURE;
        assertEquals(0.0, Onsager.spontaneousMagnetisation(tc), 0.0);
        assertEquals(0.0, Onsager.spontaneousMagnetisation(3.0), 0.0);
        assertEquals(0.0, Onsager.spontaneousMagnetisation(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(1.0, Onsager.spontaneousMagnetisation(0.2), TOL);
        double d1 = 1e-7;
        double d2 = 1e-5;
        double slope = Math.log(Onsager.spontaneousMagnetisation(tc - d2) / Onsager.spontaneousMagnetisation(tc - d1))
                / Math.log(d2 / d1);
        assertEquals(0.125, slope, EXPONENT_TOL);
        double prev = 1.0;
        for (double t = 0.5; t < tc; t += 0.05) {
            double m = Onsager.spontaneousMagnetisation(t);
            assertTrue(m <= prev && m > 0.0, "M must fall with T, T=" + t);
            prev = m;
        }
    }

    @Test
    void agmMatchesGaussConstant() {
        assertEquals(AGM_1_SQRT2, Onsager.agm(1.0, Math.sqrt(2.0)), TOL);
        assertEquals(1.0, Onsager.agm(1.0, 1.0), TOL);
    }

    @Test
    void nonPositiveTemperaturesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Onsager.energyPerSpin(0.0));
        assertThrows(IllegalArgumentException.class, () -> Onsager.energyPerSpin(-1.0));
        assertThrows(IllegalArgumentException.class, () -> Onsager.energyPerSpin(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Onsager.spontaneousMagnetisation(0.0));
        assertThrows(IllegalArgumentException.class, () -> Onsager.spontaneousMagnetisation(Double.NaN));
    }
}
