package org.ebmjava.thermo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ThermoOpsTest {

    /** Agreement with naive formulas on moderate inputs where they do not overflow. */
    private static final double TOL = 1e-12;

    @Test
    void logSumExpMatchesNaiveFormulaOnModerateInputs() {
        Random rng = new Random(12345);
        for (int trial = 0; trial < 50; trial++) {
            double[] a = new double[1 + rng.nextInt(20)];
            double naive = 0.0;
            for (int i = 0; i < a.length; i++) {
                a[i] = 10.0 * rng.nextGaussian();
                naive += Math.exp(a[i]);
            }
            assertEquals(Math.log(naive), ThermoOps.logSumExp(a), TOL * Math.max(1.0, Math.abs(Math.log(naive))));
        }
    }

    @Test
    void logSumExpIsStableForHugeAndTinyExponents() {
        assertEquals(1000.0 + Math.log(2.0), ThermoOps.logSumExp(new double[] {1000.0, 1000.0}), TOL * 1000.0);
        assertEquals(-1000.0 + Math.log(3.0),
                ThermoOps.logSumExp(new double[] {-1000.0, -1000.0, -1000.0}), TOL * 1000.0);
        assertEquals(5.0, ThermoOps.logSumExp(new double[] {5.0}), 0.0);
    }

    @Test
    void logSumExpHandlesInfinities() {
        double ninf = Double.NEGATIVE_INFINITY;
        assertEquals(ninf, ThermoOps.logSumExp(new double[] {ninf, ninf}));
        assertEquals(Math.log(2.0), ThermoOps.logSumExp(new double[] {ninf, 0.0, ninf, 0.0}), TOL);
        assertEquals(Double.POSITIVE_INFINITY, ThermoOps.logSumExp(new double[] {1.0, Double.POSITIVE_INFINITY}));
    }

    @Test
    void logSumExpRejectsEmptyNullAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> ThermoOps.logSumExp(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> ThermoOps.logSumExp(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThermoOps.logSumExp(new double[] {0.0, Double.NaN}));
        assertTrue(e.getMessage().contains("a[1]"), e.getMessage());
    }

    @Test
    void boltzmannProbabilitiesMatchNaiveFormula() {
        double[] e = {0.3, -1.2, 2.0, 0.0, 0.7};
        for (double t : new double[] {0.2, 1.0, 5.0}) {
            double z = 0.0;
            for (double v : e) {
                z += Math.exp(-v / t);
            }
            double[] p = ThermoOps.boltzmannProbabilities(e, t);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Math.exp(-e[i] / t) / z, p[i], TOL);
            }
        }
    }

    @Test
    void boltzmannProbabilitiesHaveNoNaNAtLowTemperatureAndHugeEnergies() {
        double[] p = ThermoOps.boltzmannProbabilities(new double[] {0.0, 1e4, -1e4}, 0.01);
        assertArrayEquals(new double[] {0.0, 0.0, 1.0}, p, 0.0);
        double[] logP = ThermoOps.logBoltzmannProbabilities(new double[] {0.0, 1e4, -1e4}, 0.01);
        assertEquals(-1e6, logP[0], 1e-6);
        assertEquals(-2e6, logP[1], 1e-6);
        assertEquals(0.0, logP[2], 0.0);
    }

    @Test
    void boltzmannProbabilitiesRejectBadTemperatureAndEnergies() {
        double[] e = {0.0, 1.0};
        for (double t : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> ThermoOps.boltzmannProbabilities(e, t));
            assertTrue(ex.getMessage().contains("temperature"), ex.getMessage());
        }
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ThermoOps.boltzmannProbabilities(new double[] {0.0, 1.0, Double.NaN}, 1.0));
        assertTrue(ex.getMessage().contains("energies[2]") && ex.getMessage().contains("NaN"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
                () -> ThermoOps.boltzmannProbabilities(new double[] {Double.NEGATIVE_INFINITY}, 1.0));
        assertTrue(ex.getMessage().contains("energies[0]") && ex.getMessage().contains("Infinity"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ThermoOps.boltzmannProbabilities(new double[0], 1.0));
        assertThrows(IllegalArgumentException.class, () -> ThermoOps.boltzmannProbabilities(null, 1.0));
    }

    @Test
    void entropyOfUniformIsLogNAndOfPointMassIsZero() {
        assertEquals(Math.log(4.0), ThermoOps.entropy(new double[] {0.25, 0.25, 0.25, 0.25}), TOL);
        assertEquals(0.0, ThermoOps.entropy(new double[] {0.0, 1.0, 0.0}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> ThermoOps.entropy(new double[] {-0.1, 1.1}));
        assertThrows(IllegalArgumentException.class, () -> ThermoOps.entropy(new double[0]));
    }
}
