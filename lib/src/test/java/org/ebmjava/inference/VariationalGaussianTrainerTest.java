package org.ebmjava.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.ebmjava.thermo.GaussianKlFit;
import org.junit.jupiter.api.Test;

class VariationalGaussianTrainerTest {

    private static final NormalNormal GAUSSIAN = new NormalNormal(0.3, 2.0, 0.8, new double[] {1.2, 2.0, 0.7, 1.9, 1.4});
    private static final LogisticRegressionPosterior LOGREG =
            LogisticRegressionPosterior.synthetic(10, 4.0, 5.0, new SplittableRandom(42));

    @Test
    void conjugateGaussianPosteriorIsFoundExactlyAndTheBoundIsTight() {
        VariationalGaussian v = new VariationalGaussianTrainer().train(GAUSSIAN);
        assertEquals(GAUSSIAN.posterior().mean(), v.mean(), 1e-12);
        assertEquals(((NormalDensity) GAUSSIAN.posterior()).std(), v.std(), 1e-12);
        // F[q] = -log p(D) exactly when q is the posterior (Gauss-Hermite is exact for a quadratic energy).
        assertEquals(-GAUSSIAN.logEvidence(), v.freeEnergy(), 1e-10);
    }

    @Test
    void temperedFitMatchesTheTemperedPosterior() {
        VariationalGaussian v = new VariationalGaussianTrainer().temperature(3.0).train(GAUSSIAN);
        assertEquals(GAUSSIAN.temperedPosterior(3.0).std(), v.std(), 1e-12);
        assertEquals(GAUSSIAN.freeEnergy(3.0), v.freeEnergy(), 1e-10);
    }

    @Test
    void boundOnANonGaussianPosteriorIsLooseByExactlyTheReverseKl() {
        VariationalGaussian v = new VariationalGaussianTrainer().train(LOGREG);
        GridPosterior g = GridPosterior.of(LOGREG::value, -20, 60, 40_000, 1.0);
        double kl = g.reverseKl(v.q());
        assertTrue(kl > 1e-3, "a Gaussian cannot be this skewed posterior: " + kl);
        assertTrue(v.freeEnergy() > g.freeEnergy());
        assertEquals(g.freeEnergy() + kl, v.freeEnergy(), 1e-6);
    }

    @Test
    void fitAgreesWithNotebook01sReverseKlFitAndLosesToItsForwardFit() {
        VariationalGaussian v = new VariationalGaussianTrainer().train(LOGREG);
        GridPosterior g = GridPosterior.of(LOGREG::value, -20, 60, 40_000, 1.0);
        double logZ = g.logPartition();
        DoubleUnaryOperator p = w -> Math.exp(-LOGREG.value(w) - logZ);
        GaussianKlFit.Result reverse = GaussianKlFit.reverse(p, -20, 60, 40_000, 0.0, 1.0);
        assertEquals(reverse.mean(), v.mean(), 1e-4);
        assertEquals(reverse.std(), v.std(), 1e-4);
        // Mode seeking vs mass covering: each fit wins at its own divergence and loses at the other.
        GaussianKlFit.Result forward = GaussianKlFit.forward(p, -20, 60, 40_000);
        NormalDensity moments = new NormalDensity(forward.mean(), forward.std());
        assertTrue(g.reverseKl(v.q()) < g.reverseKl(moments));
        assertTrue(g.forwardKl(v.q()) > g.forwardKl(moments));
        // Forward KL is minimised by matching the posterior's mean and variance.
        assertEquals(g.mean(), forward.mean(), 1e-6);
        assertEquals(Math.sqrt(g.variance()), forward.std(), 1e-6);
    }

    @Test
    void coinInLogitSpaceHasBoundBelowTheEvidence() {
        BetaBernoulli coin = new BetaBernoulli(0.5, 0.5, 0, 5);
        VariationalGaussian v = new VariationalGaussianTrainer().train(coin.logitEnergy());
        assertTrue(-v.freeEnergy() < coin.logEvidence(), "ELBO must lie below log p(D)");
        GridPosterior g = GridPosterior.of(coin.logitEnergy()::value, -40, 15, 40_000, 1.0);
        assertEquals(coin.logEvidence(), g.logPartition(), 1e-6);
        assertEquals(coin.logEvidence() - g.reverseKl(v.q()), -v.freeEnergy(), 1e-6);
    }

    @Test
    void traceFallsAndSettles() {
        double[] t = new VariationalGaussianTrainer().train(LOGREG).trace();
        assertEquals(201, t.length);
        assertTrue(t[t.length - 1] < t[0]);
        assertEquals(t[t.length - 2], t[t.length - 1], 1e-10);
    }

    @Test
    void monteCarloRuleIsSeededAndCloseToQuadrature() {
        VariationalGaussianTrainer mc = new VariationalGaussianTrainer().rule(VariationalGaussianTrainer.Rule.MONTE_CARLO)
                .points(64).seed(7);
        VariationalGaussian a = mc.train(GAUSSIAN);
        VariationalGaussian b = mc.train(GAUSSIAN);
        assertEquals(a.mean(), b.mean(), 0.0);
        assertNotEquals(a.mean(), mc.seed(8).train(GAUSSIAN).mean());
        // With 64 fixed draws the optimum moves by O(s / sqrt(64)) from the exact posterior.
        double s = ((NormalDensity) GAUSSIAN.posterior()).std();
        assertEquals(GAUSSIAN.posterior().mean(), a.mean(), 0.5 * s);
        assertEquals(s, a.std(), 0.3 * s);
    }

    @Test
    void boundedEnergyIsRejectedWithAClearMessage() {
        BetaBernoulli coin = new BetaBernoulli(2, 2, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VariationalGaussianTrainer().train(coin));
        assertTrue(e.getMessage().contains("logit"), e.getMessage());
    }

    @Test
    void toStringListsEveryHyperparameter() {
        String s = new VariationalGaussianTrainer().toString();
        for (String key : new String[] {"rule=", "points=", "lr=", "iterations=", "T=", "init=", "seed="}) {
            assertTrue(s.contains(key), s);
        }
        assertThrows(IllegalArgumentException.class, () -> new VariationalGaussianTrainer().learningRate(0));
        assertThrows(IllegalArgumentException.class, () -> new VariationalGaussianTrainer().init(0, 0));
    }
}
