package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ebmjava.sampling.GaussianEnergy;
import org.junit.jupiter.api.Test;

class GaussianObservationTest {

    private static final double TOL = 1e-5;

    @Test
    void energyIsHalfSquaredDistanceOverSigmaSquaredAndGradientMatchesCentralDifferences() {
        float[] y = {0.2f, -0.4f, 1.0f, 0.5f, 0.0f, -1.5f};
        var obs = new GaussianObservation(y, 3, 0.5, 2.0);
        float[] x = {0.7f, 0.1f, 0.0f, -0.5f, 0.25f, -1.0f};
        float[] e = new float[2];
        float[] g = new float[6];
        obs.evaluate(x, 2, e, g);
        // row 0: |x - y|^2 = 0.25 + 0.25 + 1 = 1.5; lambda/(2 sigma^2) = 2 / 0.5 = 4
        assertEquals(4 * 1.5, e[0], TOL);
        // row 1: 1 + 0.0625 + 0.25 = 1.3125
        assertEquals(4 * 1.3125, e[1], TOL);
        double h = 1e-3;
        for (int q = 0; q < 6; q++) {
            float[] xp = x.clone();
            float[] xm = x.clone();
            xp[q] += (float) h;
            xm[q] -= (float) h;
            float[] ep = new float[2];
            float[] em = new float[2];
            obs.evaluate(xp, 2, ep, null);
            obs.evaluate(xm, 2, em, null);
            assertEquals((ep[q / 3] - em[q / 3]) / (2 * h), g[q], 2e-3, "gradient entry " + q);
            assertEquals(8.0 * (x[q] - y[q]), g[q], TOL, "lambda (x - y) / sigma^2 at entry " + q);
        }
    }

    @Test
    void equalsAGaussianEnergyCentredOnTheObservationUpToItsConstant() {
        float[] y = {0.3f, -0.7f};
        var obs = new GaussianObservation(y, 2, 0.8, 1.0);
        var gauss = GaussianEnergy.diagonal(new double[] {0.3, -0.7}, new double[] {0.8, 0.8});
        SplittableRandom r = new SplittableRandom(3);
        float[] e1 = new float[1];
        float[] e2 = new float[1];
        float[] g1 = new float[2];
        float[] g2 = new float[2];
        float[] ref = new float[1];
        gauss.evaluate(y, 1, ref, null);
        for (int t = 0; t < 20; t++) {
            float[] x = {(float) (3 * r.nextDouble() - 1.5), (float) (3 * r.nextDouble() - 1.5)};
            obs.evaluate(x, 1, e1, g1);
            gauss.evaluate(x, 1, e2, g2);
            assertEquals(e2[0] - ref[0], e1[0], 1e-4, "same energy up to the normaliser");
            assertEquals(g2[0], g1[0], TOL);
            assertEquals(g2[1], g1[1], TOL);
        }
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> new GaussianObservation(new float[] {1, 2, 3}, 2, 1, 1), "observations", "3");
        assertMessage(() -> new GaussianObservation(new float[] {1, Float.NaN}, 2, 1, 1), "observations", "NaN");
        assertMessage(() -> new GaussianObservation(new float[] {1, 2}, 2, 0, 1), "sigma", "0");
        assertMessage(() -> new GaussianObservation(new float[] {1, 2}, 2, 1, -1), "weight", "-1");
        var obs = new GaussianObservation(new float[] {1, 2}, 2, 1, 1);
        assertMessage(() -> obs.evaluate(new float[4], 2, new float[2], null), "n", "2");
    }
}
