package org.ebmjava.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowerLawFitTest {

    /** Ten sizes from 1e2 to 1e6, log-spaced. */
    private static final double[] SIZES = new double[10];

    static {
        for (int i = 0; i < SIZES.length; i++) {
            SIZES[i] = Math.pow(10, 2 + 4.0 * i / (SIZES.length - 1));
        }
    }

    private static double[] curve(double a, double b, double c) {
        double[] y = new double[SIZES.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = a * Math.pow(SIZES[i], -b) + c;
        }
        return y;
    }

    @Test
    void exactDataAreRecovered() {
        PowerLawFit.Result line = PowerLawFit.logLog(SIZES, curve(2.0, 0.5, 0.0));
        assertEquals(2.0, line.a(), 1e-10);
        assertEquals(0.5, line.b(), 1e-12);
        assertEquals(0.0, line.rss(), 1e-20);
        PowerLawFit.Result off = PowerLawFit.withOffset(SIZES, curve(3.0, 0.3, 0.5));
        assertEquals(3.0, off.a(), 1e-6);
        assertEquals(0.3, off.b(), 1e-7);
        assertEquals(0.5, off.c(), 1e-7);
        assertFalse(off.exponentAtBound());
        assertEquals(3.0 * Math.pow(1e3, -0.3) + 0.5, off.predict(1e3), 1e-6);
    }

    @Test
    void standardErrorsCoverTheTrueExponentAtTheNominalRate() {
        // 300 noisy replicates; a 95 % t interval (k - p residual dof) must cover the true b in about 95 % of
        // them. With 300 trials the binomial sd of the rate is 1.3 %, so [0.90, 0.99] is a band of about 4 sd
        // around 0.95 (a se off by a factor of 2 gives about 70 % or 99.9 %).
        SplittableRandom rng = new SplittableRandom(12345);
        int trials = 300;
        int coveredOffset = 0;
        int coveredLine = 0;
        double[] truth = curve(3.0, 0.3, 0.5);
        double[] pure = curve(2.0, 0.5, 0.0);
        for (int t = 0; t < trials; t++) {
            double[] y = new double[SIZES.length];
            double[] z = new double[SIZES.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = truth[i] + 0.01 * rng.nextGaussian();
                z[i] = pure[i] * Math.exp(0.05 * rng.nextGaussian());
            }
            if (PowerLawFit.withOffset(SIZES, y).exponentInterval(0.95).contains(0.3)) {
                coveredOffset++;
            }
            if (PowerLawFit.logLog(SIZES, z).exponentInterval(0.95).contains(0.5)) {
                coveredLine++;
            }
        }
        double rateOffset = coveredOffset / (double) trials;
        double rateLine = coveredLine / (double) trials;
        assertTrue(rateLine > 0.90 && rateLine < 0.99, "log-log coverage " + rateLine);
        assertTrue(rateOffset > 0.90 && rateOffset < 0.99, "offset coverage " + rateOffset);
    }

    @Test
    void exponentIntervalUsesStudentT() {
        PowerLawFit.Result r = new PowerLawFit.Result(1, 0.5, 0, 0.1, 0.1, Double.NaN, 1, 5, false, false);
        // t(0.975, 3 dof) = 3.182446305284263 (tabulated).
        assertEquals(0.5 + 3.182446305284263 * 0.1, r.exponentInterval(0.95).upper(), 1e-9);
        PowerLawFit.Result exact = PowerLawFit.withOffset(new double[] {1, 2, 3}, new double[] {3, 2, 1.5});
        assertTrue(Double.isNaN(exact.exponentInterval(0.95).lower()));
    }

    @Test
    void bootstrapIsSeededAndAgreesWithTheAsymptoticErrors() {
        SplittableRandom noise = new SplittableRandom(5);
        double[] y = curve(3.0, 0.3, 0.5);
        for (int i = 0; i < y.length; i++) {
            y[i] += 0.01 * noise.nextGaussian();
        }
        PowerLawFit.Bootstrap b1 = PowerLawFit.bootstrap(SIZES, y, true, 400, new SplittableRandom(1));
        PowerLawFit.Bootstrap b2 = PowerLawFit.bootstrap(SIZES, y, true, 400, new SplittableRandom(1));
        assertEquals(b1, b2);
        assertTrue(b1.b().contains(0.3), b1.toString());
        double ratio = b1.seB() / b1.fit().seB();
        assertTrue(ratio > 0.5 && ratio < 2.0, "bootstrap se / asymptotic se = " + ratio);
        assertTrue(b1.b().lower() < b1.fit().b() && b1.fit().b() < b1.b().upper());
        PowerLawFit.Bootstrap line = PowerLawFit.bootstrap(SIZES, curve(2.0, 0.5, 0.0), false, 50,
                new SplittableRandom(2));
        assertEquals(0.5, line.b().lower(), 1e-9);
        assertEquals(0.5, line.b().upper(), 1e-9);
    }

    @Test
    void flatDataPutTheExponentAtTheSearchBound() {
        double[] y = new double[SIZES.length];
        java.util.Arrays.fill(y, 1.0);
        y[0] = 1.0 + 1e-9;
        assertTrue(PowerLawFit.withOffset(SIZES, y).exponentAtBound());
    }

    @Test
    void rejectsInvalidInput() {
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.logLog(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.logLog(new double[] {1, 1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.logLog(new double[] {1, 2}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.withOffset(new double[] {1, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.withOffset(new double[] {0, 1, 2}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.bootstrap(SIZES, curve(1, 1, 0), false, 5, new SplittableRandom(1)));
    }
}
