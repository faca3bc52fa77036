package org.ebmjava.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridPosteriorTest {

    private static final LogisticRegressionPosterior LOGREG =
            LogisticRegressionPosterior.synthetic(10, 4.0, 5.0, new SplittableRandom(42));

    @Test
    void freeEnergyEqualsMeanEnergyMinusTemperatureTimesEntropy() {
        for (double t : new double[] {0.5, 1, 3}) {
            GridPosterior g = GridPosterior.of(LOGREG::value, -10, 40, 5000, t);
            assertEquals(g.freeEnergy(), g.meanEnergy() - t * g.entropy(), 1e-10);
            double mass = 0.0;
            for (double p : g.density()) {
                mass += p * g.dx();
            }
            assertEquals(1.0, mass, 1e-12);
        }
    }

    @Test
    void variationalFreeEnergyExceedsFreeEnergyByTTimesReverseKl() {
        // Gibbs' inequality in the form F_T[q] = F_T + T KL(q || p_T), on the grid, for assorted q.
        for (double t : new double[] {1.0, 2.0}) {
            GridPosterior g = GridPosterior.of(LOGREG::value, -20, 60, 20_000, t);
            for (NormalDensity q : new NormalDensity[] {new NormalDensity(6, 2.4), new NormalDensity(2, 1),
                    new NormalDensity(10, 5)}) {
                double fq = g.variationalFreeEnergy(q);
                // Exact up to F_T times the mass of q outside the grid (about 1e-9 for N(10, 5^2) on [-20, 60]).
                assertEquals(g.freeEnergy() + t * g.reverseKl(q), fq, 1e-8);
                assertTrue(fq > g.freeEnergy());
            }
        }
    }

    @Test
    void exactPosteriorHasZeroDivergencesAndMinimalFreeEnergy() {
        NormalNormal m = new NormalNormal(0, 1, 0.5, new double[] {0.4, 0.9, 1.3});
        GridPosterior g = GridPosterior.of(m, 20_000, 1.0);
        assertEquals(0.0, g.reverseKl(m.posterior()), 1e-8);
        assertEquals(0.0, g.forwardKl(m.posterior()), 1e-8);
        assertEquals(-m.logEvidence(), g.variationalFreeEnergy(m.posterior()), 1e-8);
        assertEquals(m.map(), g.map(), g.dx());
    }

    @Test
    void divergencesStayFiniteWhereATailUnderflows() {
        // q's density underflows to 0 at the far end of this grid, p's does not: log-space sums stay finite.
        GridPosterior g = GridPosterior.of(LOGREG::value, -10, 200, 20_000, 1.0);
        NormalDensity narrow = new NormalDensity(6, 0.5);
        assertEquals(0.0, narrow.density(200), 0.0);
        assertTrue(Double.isFinite(g.forwardKl(narrow)));
    }

    @Test
    void rejectsBadGrids() {
        BetaBernoulli coin = new BetaBernoulli(2, 2, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> GridPosterior.of(coin::value, -0.5, 1, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> GridPosterior.of(coin::value, 1, 0, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> GridPosterior.of(coin::value, 0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GridPosterior.of(coin::value, 0, 1, 100, 0));
    }
}
