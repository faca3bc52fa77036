package org.ebmjava.sampling;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebmjava.landscape.Domain;
import org.junit.jupiter.api.Test;

/** Quadrature normalisation and gridded KL against Gaussian closed forms. */
class GridDensityTest {

    private static final Domain BOX = Domain.square(-9, 9);
    /**
     * The midpoint rule is spectrally accurate for a Gaussian well inside the box; what is left is float rounding
     * of the energies (6e-8 relative, energies up to about 50 in the corners).
     */
    private static final double QUADRATURE_TOL = 1e-5;

    /** exp(-E) with E = -log N(mean, cov) + offset, so log Z = -offset. */
    private static BatchEnergy shifted(GaussianEnergy g, double offset) {
        return new BatchEnergy() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void evaluate(float[] x, int n, float[] energies, float[] gradient) {
                g.evaluate(x, n, energies, gradient);
                for (int i = 0; energies != null && i < n; i++) {
                    energies[i] += (float) offset;
                }
            }
        };
    }

    @Test
    void logPartitionOfAnUnnormalisedGaussian() {
        GaussianEnergy g = new GaussianEnergy(new double[] {1.0, -0.5}, new double[][] {{1.5, 0.4}, {0.4, 0.8}});
        GridDensity p = GridDensity.of(shifted(g, 3.0), BOX, 240, 240);
        assertEquals(-3.0, p.logPartition(), QUADRATURE_TOL);
        double total = 0.0;
        for (double[] row : p.density()) {
            for (double v : row) {
                total += v;
            }
        }
        assertEquals(1.0, total * p.cellArea(), 1e-12);
        assertEquals(0.0, p.klDivergenceTo(p), 0.0);
    }

    @Test
    void mixtureEnergyIsAlreadyNormalised() {
        GridDensity p = GridDensity.of(GaussianMixture.songErmon(), Domain.square(-12, 12), 300, 300);
        assertEquals(0.0, p.logPartition(), QUADRATURE_TOL);
        // log p at the centre of the heavy mode's cell equals the closed form there.
        int i = 0;
        while (p.x(i) < 5.0) {
            i++;
        }
        double[][] logP = p.logDensity();
        assertEquals(GaussianMixture.songErmon().logDensity(p.x(i), p.y(i)), logP[i][i], 1e-5);
    }

    @Test
    void klBetweenGaussiansMatchesTheClosedForm() {
        double[] m1 = {0.5, 0.0};
        double[][] s1 = {{1.0, 0.3}, {0.3, 0.7}};
        double[] m2 = {-0.5, 1.0};
        double[][] s2 = {{2.0, -0.2}, {-0.2, 1.2}};
        GridDensity p = GridDensity.of(new GaussianEnergy(m1, s1), BOX, 240, 240);
        GridDensity q = GridDensity.of(shifted(new GaussianEnergy(m2, s2), -7.0), BOX, 240, 240);
        // KL(N1 || N2) = (1/2) [tr(S2^-1 S1) + (m2 - m1)^T S2^-1 (m2 - m1) - 2 + log(det S2 / det S1)].
        double det1 = s1[0][0] * s1[1][1] - s1[0][1] * s1[1][0];
        double det2 = s2[0][0] * s2[1][1] - s2[0][1] * s2[1][0];
        double[][] inv2 = {{s2[1][1] / det2, -s2[0][1] / det2}, {-s2[1][0] / det2, s2[0][0] / det2}};
        double trace = inv2[0][0] * s1[0][0] + inv2[0][1] * s1[1][0] + inv2[1][0] * s1[0][1] + inv2[1][1] * s1[1][1];
        double[] dm = {m2[0] - m1[0], m2[1] - m1[1]};
        double quad = dm[0] * (inv2[0][0] * dm[0] + inv2[0][1] * dm[1]) + dm[1] * (inv2[1][0] * dm[0]
                + inv2[1][1] * dm[1]);
        double expected = 0.5 * (trace + quad - 2.0 + Math.log(det2 / det1));
        assertEquals(expected, p.klDivergenceTo(q), 1e-4);
        assertTrue(q.klDivergenceTo(p) > 0.0 && Math.abs(q.klDivergenceTo(p) - expected) > 0.05,
                "KL is not symmetric here: " + q.klDivergenceTo(p) + " vs " + expected);
    }

    @Test
    void tabulatedEnergiesGiveTheSameDensity() {
        GaussianEnergy g = GaussianEnergy.standard(2);
        GridDensity p = GridDensity.of(g, BOX, 30, 20);
        double[][] table = new double[20][30];
        for (int j = 0; j < 20; j++) {
            for (int i = 0; i < 30; i++) {
                table[j][i] = -g.logDensity(p.x(i), p.y(j));
            }
        }
        GridDensity q = GridDensity.fromEnergies(table, BOX);
        assertEquals(p.logPartition(), q.logPartition(), 1e-6);
        assertEquals(0.0, p.klDivergenceTo(q), 1e-6);
        assertEquals(-9.0 + 0.3, p.x(0), 1e-12);
        assertEquals(-9.0 + 0.45, p.y(0), 1e-12);
        assertArrayEquals(new int[] {30, 20}, new int[] {p.nx(), p.ny()});
        assertEquals(0.6 * 0.9, p.cellArea(), 1e-12);
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage(() -> GridDensity.of(GaussianEnergy.standard(3), BOX, 10, 10), "dimension", "3");
        assertMessage(() -> GridDensity.of(GaussianEnergy.standard(2), BOX, 1, 10), "nx", "1");
        assertMessage(() -> GridDensity.fromEnergies(new double[][] {{0, 1}, {Double.NaN, 1}}, BOX),
                "cell (i=0, j=1)", "NaN");
        assertMessage(() -> GridDensity.fromEnergies(new double[][] {{0, 1}, {1}}, BOX), "energies[1]", "1");
        assertMessage(() -> GridDensity.fromEnergies(new double[][] {{Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY}, {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}}, BOX), "energy",
                "Infinity");
        GridDensity a = GridDensity.of(GaussianEnergy.standard(2), BOX, 10, 10);
        GridDensity b = GridDensity.of(GaussianEnergy.standard(2), BOX, 10, 12);
        assertMessage(() -> a.klDivergenceTo(b), "q", "10 x 12");
    }
}
