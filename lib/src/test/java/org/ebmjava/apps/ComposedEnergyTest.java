package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ebmjava.sampling.BatchEnergy;
import org.ebmjava.sampling.GaussianEnergy;
import org.ebmjava.sampling.LangevinSampler;
import org.junit.jupiter.api.Test;

class ComposedEnergyTest {

    private static final double[] A = {1.0, -0.5};
    private static final double[] B = {-1.0, 2.0};
    // normalised: E_i = -log N(x; mu_i, I)
    private static final GaussianEnergy EA = GaussianEnergy.diagonal(A, new double[] {1, 1});
    private static final GaussianEnergy EB = GaussianEnergy.diagonal(B, new double[] {1, 1});

    private static double logN(double x, double y, double[] mu) {
        double dx = x - mu[0];
        double dy = y - mu[1];
        return -0.5 * (dx * dx + dy * dy) - Math.log(2 * Math.PI);
    }

    private static float[] points(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        for (int q = 0; q < x.length; q++) {
            x[q] = (float) (3 * (2 * r.nextDouble() - 1));
        }
        return x;
    }

    @Test
    void productIsTheSumAndItsGradient() {
        int n = 50;
        float[] x = points(n, 1);
        float[] e = new float[n];
        float[] g = new float[2 * n];
        ComposedEnergy.product(EA, EB).evaluate(x, n, e, g);
        ComposedEnergy weighted = ComposedEnergy.product(new double[] {0.5, 2.0}, EA, EB);
        float[] ew = new float[n];
        float[] gw = new float[2 * n];
        weighted.evaluate(x, n, ew, gw);
        for (int i = 0; i < n; i++) {
            double px = x[2 * i];
            double py = x[2 * i + 1];
            assertEquals(-logN(px, py, A) - logN(px, py, B), e[i], 1e-4);
            assertEquals(2 * px - A[0] - B[0], g[2 * i], 1e-5);
            assertEquals(2 * py - A[1] - B[1], g[2 * i + 1], 1e-5);
            assertEquals(-0.5 * logN(px, py, A) - 2 * logN(px, py, B), ew[i], 1e-4);
            assertEquals(0.5 * (px - A[0]) + 2 * (px - B[0]), gw[2 * i], 1e-5);
        }
    }

    @Test
    void mixtureIsMinusLogSumExpAndItsGradientMatchesCentralDifferences() {
        int n = 50;
        float[] x = points(n, 2);
        float[] e = new float[n];
        float[] g = new float[2 * n];
        ComposedEnergy mix = ComposedEnergy.mixture(EA, EB);
        mix.evaluate(x, n, e, g);
        float[] eOnly = new float[n];
        mix.evaluate(x, n, eOnly, null);
        float[] gOnly = new float[2 * n];
        mix.evaluate(x, n, null, gOnly);
        double h = 1e-5;
        for (int i = 0; i < n; i++) {
            double px = x[2 * i];
            double py = x[2 * i + 1];
            double direct = -Math.log(Math.exp(logN(px, py, A)) + Math.exp(logN(px, py, B)));
            assertEquals(direct, e[i], 1e-5);
            assertEquals(e[i], eOnly[i], 0f);
            double gx = (-Math.log(Math.exp(logN(px + h, py, A)) + Math.exp(logN(px + h, py, B)))
                    + Math.log(Math.exp(logN(px - h, py, A)) + Math.exp(logN(px - h, py, B)))) / (2 * h);
            double gy = (-Math.log(Math.exp(logN(px, py + h, A)) + Math.exp(logN(px, py + h, B)))
                    + Math.log(Math.exp(logN(px, py - h, A)) + Math.exp(logN(px, py - h, B)))) / (2 * h);
            assertEquals(gx, g[2 * i], 1e-4, "d/dx at point " + i);
            assertEquals(gy, g[2 * i + 1], 1e-4, "d/dy at point " + i);
            assertEquals(g[2 * i], gOnly[2 * i], 0f);
        }
    }

    @Test
    void mixtureIsStableForHugeEnergies() {
        BatchEnergy far = GaussianEnergy.diagonal(new double[] {1000, 0}, new double[] {1, 1});
        float[] e = new float[1];
        float[] g = new float[2];
        ComposedEnergy.mixture(EA, far).evaluate(new float[] {1f, -0.5f}, 1, e, g);
        assertEquals(Math.log(2 * Math.PI), e[0], 1e-5); // the far component contributes exp(-5e5) = 0
        assertEquals(0.0, g[0], 1e-6);
    }

    @Test
    void differenceIsEaMinusBetaEb() {
        int n = 20;
        float[] x = points(n, 3);
        float[] e = new float[n];
        float[] g = new float[2 * n];
        ComposedEnergy.difference(EA, EB, 0.3).evaluate(x, n, e, g);
        for (int i = 0; i < n; i++) {
            double px = x[2 * i];
            double py = x[2 * i + 1];
            assertEquals(-logN(px, py, A) + 0.3 * logN(px, py, B), e[i], 1e-4);
            assertEquals((px - A[0]) - 0.3 * (px - B[0]), g[2 * i], 1e-5);
            assertEquals((py - A[1]) - 0.3 * (py - B[1]), g[2 * i + 1], 1e-5);
        }
    }

    @Test
    void langevinOnTheProductOfTwoGaussiansSamplesTheirProduct() {
        // N(a, I) N(b, I) is proportional to N((a + b)/2, I/2)
        int n = 2000;
        float[] x = new float[2 * n];
        LangevinSampler.ula(ComposedEnergy.product(EA, EB), 0.02).run(x, 400, new SplittableRandom(5));
        double mx = 0;
        double my = 0;
        double vx = 0;
        for (int i = 0; i < n; i++) {
            mx += x[2 * i] / n;
            my += x[2 * i + 1] / n;
        }
        for (int i = 0; i < n; i++) {
            vx += (x[2 * i] - mx) * (x[2 * i] - mx) / (n - 1);
        }
        assertEquals((A[0] + B[0]) / 2, mx, 0.05); // standard error 0.016
        assertEquals((A[1] + B[1]) / 2, my, 0.05);
        assertEquals(0.5, vx, 0.06);
    }

    @Test
    void badInputIsNamed() {
        BatchEnergy three = GaussianEnergy.standard(3);
        assertMessage(() -> ComposedEnergy.product(EA, three), "parts[1]", "dimension 2");
        assertMessage(() -> ComposedEnergy.mixture(), "parts", "none");
        assertMessage(() -> ComposedEnergy.mixture(EA, null), "parts[1]", "null");
        assertMessage(() -> ComposedEnergy.difference(EA, EB, -1), "beta", "-1");
        assertMessage(() -> ComposedEnergy.product(new double[] {1}, EA, EB), "weights", "found 1");
    }
}
