package org.ebmjava.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BetaBernoulliTest {

    /** Closed forms against closed forms computed another way. */
    private static final double EXACT = 1e-12;
    /** Midpoint rule with 20,000 cells on densities that vanish at both ends: error O(dx^2). */
    private static final double GRID = 1e-6;

    private static final BetaBernoulli COIN = new BetaBernoulli(2.0, 3.0, 7, 4);

    @Test
    void posteriorIsTheConjugateUpdate() {
        BetaDensity p = (BetaDensity) COIN.posterior();
        assertEquals(9.0, p.alpha(), 0.0);
        assertEquals(7.0, p.beta(), 0.0);
        assertEquals((2.0 - 1 + 7) / (2.0 + 3 - 2 + 11), COIN.map(), EXACT);
    }

    @Test
    void evidenceMatchesHandComputedValues() {
        // Uniform prior, one head and one tail: p(D) = int theta (1 - theta) dtheta = 1/6.
        assertEquals(Math.log(1.0 / 6), new BetaBernoulli(1, 1, 1, 1).logEvidence(), EXACT);
        // Beta(2, 2) prior, H H T: B(4, 3) / B(2, 2) = (3! 2! / 6!) / (1! 1! / 3!) = (12/720) * 6 = 0.1.
        assertEquals(Math.log(0.1), new BetaBernoulli(2, 2, 2, 1).logEvidence(), EXACT);
    }

    @Test
    void evidenceFollowsTheChainRule() {
        // p(D1, D2) = p(D1) p(D2 | D1): the second factor uses the posterior after D1 as its prior.
        BetaBernoulli first = new BetaBernoulli(2, 3, 3, 1);
        BetaBernoulli second = new BetaBernoulli(2 + 3, 3 + 1, 4, 3);
        assertEquals(COIN.logEvidence(), first.logEvidence() + second.logEvidence(), EXACT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.0, 5.0})
    void closedFormsSatisfyFreeEnergyIdentity(double t) {
        assertEquals(COIN.freeEnergy(t), COIN.meanEnergy(t) - t * COIN.entropy(t), EXACT * 10);
    }

    @Test
    void logPartitionAtUnitTemperatureIsTheEvidence() {
        assertEquals(COIN.logEvidence(), COIN.logPartition(1.0), EXACT);
        assertEquals(-COIN.logEvidence(), COIN.freeEnergy(1.0), EXACT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.0, 5.0})
    void gridThroughBoltzmannAgreesWithClosedForms(double t) {
        GridPosterior g = GridPosterior.of(COIN, 20_000, t);
        BetaDensity p = COIN.temperedPosterior(t);
        assertEquals(COIN.logPartition(t), g.logPartition(), GRID);
        assertEquals(COIN.freeEnergy(t), g.freeEnergy(), GRID);
        assertEquals(COIN.meanEnergy(t), g.meanEnergy(), GRID);
        assertEquals(COIN.entropy(t), g.entropy(), GRID);
        assertEquals(p.mean(), g.mean(), GRID);
        assertEquals(p.variance(), g.variance(), GRID);
        // The tempered closed form is Beta(1 + (a - 1 + k)/T, 1 + (b - 1 + m)/T).
        assertEquals(1 + 8.0 / t, p.alpha(), EXACT);
        assertEquals(1 + 6.0 / t, p.beta(), EXACT);
    }

    @Test
    void freeEnergyDerivativeIsMinusEntropy() {
        // Thermodynamics: dF/dT = -S. Central difference with h = 1e-5.
        for (double t : new double[] {0.5, 1.0, 3.0}) {
            double h = 1e-5;
            double dfdt = (COIN.freeEnergy(t + h) - COIN.freeEnergy(t - h)) / (2 * h);
            assertEquals(-COIN.entropy(t), dfdt, 1e-7);
        }
    }

    @Test
    void temperingMovesBetweenMapAndFlatness() {
        double previous = 0.0;
        for (double t : new double[] {0.01, 0.1, 1.0, 10.0, 100.0}) {
            double v = COIN.temperedPosterior(t).variance();
            assertTrue(v > previous, "variance must grow with T");
            previous = v;
        }
        assertEquals(COIN.map(), COIN.temperedPosterior(1e-4).mean(), 1e-3);
        // T -> infinity: Beta(1, 1), uniform, variance 1/12.
        assertEquals(1.0 / 12, COIN.temperedPosterior(1e6).variance(), 1e-6);
    }

    @Test
    void logitEnergyHasTheSameEvidenceAndCorrectDerivative() {
        var e = COIN.logitEnergy();
        GridPosterior g = GridPosterior.of(e::value, -30, 30, 60_000, 1.0);
        assertEquals(COIN.logEvidence(), g.logPartition(), GRID);
        for (double phi : new double[] {-3, -0.5, 0, 1.2, 4}) {
            double h = 1e-6;
            assertEquals((e.value(phi + h) - e.value(phi - h)) / (2 * h), e.derivative(phi), 1e-7);
            // E_phi = E(sigma) - log sigma - log(1 - sigma).
            double th = 1 / (1 + Math.exp(-phi));
            assertEquals(COIN.value(th) - Math.log(th) - Math.log(1 - th), e.value(phi), 1e-10);
        }
    }

    @Test
    void energyDerivativeMatchesCentralDifferences() {
        for (double th : new double[] {0.1, 0.5, 0.77}) {
            double h = 1e-7;
            assertEquals((COIN.value(th + h) - COIN.value(th - h)) / (2 * h), COIN.derivative(th), 1e-6);
        }
        assertEquals(Double.POSITIVE_INFINITY, COIN.value(0.0));
        assertEquals(Double.POSITIVE_INFINITY, COIN.value(1.5));
    }

    @Test
    void rejectsInvalidModelsAndTemperatures() {
        assertThrows(IllegalArgumentException.class, () -> new BetaBernoulli(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BetaBernoulli(1, 1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> COIN.temperedPosterior(0));
        assertThrows(IllegalArgumentException.class, () -> COIN.logPartition(Double.NaN));
        // Jeffreys prior, no heads: a - 1 + k = -0.5, so Beta(1 - 0.5/T, ...) needs T > 0.5.
        BetaBernoulli noHeads = new BetaBernoulli(0.5, 0.5, 0, 5);
        assertTrue(noHeads.temperedPosterior(1.0).alpha() > 0);
        assertThrows(IllegalArgumentException.class, () -> noHeads.temperedPosterior(0.4));
    }
}
