package org.ebmjava.coop;

import static org.ebmjava.coop.CoopAsserts.assertNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.apps.ReliabilityDiagram;
import org.junit.jupiter.api.Test;

class CalibrationBootstrapTest {

    /** n predictions with confidence c each, correct with probability p (seeded). */
    static boolean[] correct(int n, double p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] ok = new boolean[n];
        for (int i = 0; i < n; i++) {
            ok[i] = rng.nextDouble() < p;
        }
        return ok;
    }

    static double[] constant(int n, double c) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, c);
        return v;
    }

    @Test
    void identicalModelsGiveAZeroInterval() {
        double[] conf = constant(500, 0.8);
        boolean[] ok = correct(500, 0.8, 1);
        CalibrationBootstrap b = CalibrationBootstrap.eceDifference(conf, ok, conf, ok, 15, 200, 0.95, 2);
        assertEquals(0.0, b.observed(), 0.0);
        assertEquals(0.0, b.lower(), 0.0);
        assertEquals(0.0, b.upper(), 0.0);
        assertEquals(0, b.sign());
    }

    @Test
    void anOverConfidentModelIsDetectedAndTheObservedDifferenceIsTheEceDifference() {
        // A: confidence 0.99 but right 80 % of the time (ECE ~ 0.19); B: confidence 0.8, right 80 % (ECE ~ 0)
        int n = 2000;
        boolean[] ok = correct(n, 0.8, 3);
        double[] a = constant(n, 0.99);
        double[] b = constant(n, 0.8);
        CalibrationBootstrap r = CalibrationBootstrap.eceDifference(a, ok, b, ok, 15, 300, 0.95, 4);
        double direct = ReliabilityDiagram.of(a, ok, 15).expectedCalibrationError()
                - ReliabilityDiagram.of(b, ok, 15).expectedCalibrationError();
        assertEquals(direct, r.observed(), 1e-15);
        assertEquals(0.19, r.observed(), 0.03);
        assertTrue(r.lower() > 0.1 && r.lower() <= r.observed() + 1e-12 && r.upper() >= r.lower(), r.toString());
        assertEquals(1, r.sign());
        CalibrationBootstrap swapped = CalibrationBootstrap.eceDifference(b, ok, a, ok, 15, 300, 0.95, 4);
        assertEquals(-1, swapped.sign());
        assertEquals(r, CalibrationBootstrap.eceDifference(a, ok, b, ok, 15, 300, 0.95, 4), "seeded");
    }

    @Test
    void equallyCalibratedModelsUsuallyGiveAnIntervalContainingZero() {
        // two independent well-calibrated models: 0 should be inside the 95 % interval
        int n = 1000;
        CalibrationBootstrap r = CalibrationBootstrap.eceDifference(constant(n, 0.9), correct(n, 0.9, 5),
                constant(n, 0.9), correct(n, 0.9, 6), 15, 400, 0.95, 7);
        assertEquals(0, r.sign(), r.toString());
    }

    @Test
    void badArgumentsAreNamed() {
        double[] c = constant(10, 0.5);
        boolean[] ok = new boolean[10];
        assertNamed(() -> CalibrationBootstrap.eceDifference(c, new boolean[9], c, ok, 15, 100, 0.95, 1), "correctA");
        assertNamed(() -> CalibrationBootstrap.eceDifference(c, ok, constant(9, 0.5), ok, 15, 100, 0.95, 1),
                "confidenceB");
        assertNamed(() -> CalibrationBootstrap.eceDifference(c, ok, c, ok, 15, 5, 0.95, 1), "resamples");
        assertNamed(() -> CalibrationBootstrap.eceDifference(c, ok, c, ok, 15, 100, 1.0, 1), "level");
        assertNamed(() -> CalibrationBootstrap.eceDifference(null, ok, c, ok, 15, 100, 0.95, 1), "confidenceA");
    }
}
