package org.ebmjava.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class GaussianKlFitTest {

    /** The bimodal target 0.5 N(-2, 0.5^2) + 0.5 N(2, 0.5^2). */
    private static final DoubleUnaryOperator BIMODAL = GaussianKlFit.mixtureDensity(
            new double[] {0.5, 0.5}, new double[] {-2.0, 2.0}, new double[] {0.5, 0.5});
    private static final double LO = -8.0;
    private static final double HI = 8.0;
    private static final int GRID = 2000;
    /** Moments by the midpoint rule on this grid are accurate far below this. */
    private static final double MOMENT_TOL = 1e-6;
    /** The reverse fit on a grid: its optimum sits within this of the continuous one. */
    private static final double FIT_TOL = 2e-3;

    @Test
    void forwardFitMatchesMomentsAndCoversBothModes() {
        GaussianKlFit.Result r = GaussianKlFit.forward(BIMODAL, LO, HI, GRID);
        assertEquals(0.0, r.mean(), MOMENT_TOL);
        // Var = 0.5^2 + 2^2 = 4.25.
        assertEquals(Math.sqrt(4.25), r.std(), MOMENT_TOL);
        assertTrue(r.kl() > 0.0);
        assertEquals(r.kl(), GaussianKlFit.forwardKl(BIMODAL, LO, HI, GRID, r.mean(), r.std()), 0.0);
    }

    @Test
    void reverseFitStartedNearAModeSeeksThatMode() {
        GaussianKlFit.Result right = GaussianKlFit.reverse(BIMODAL, LO, HI, GRID, 1.5, 1.0);
        assertEquals(2.0, right.mean(), FIT_TOL);
        assertEquals(0.5, right.std(), FIT_TOL);
        // q covers one of two equal, well-separated modes: KL(q||p) = log 2.
        assertEquals(Math.log(2.0), right.kl(), FIT_TOL);
        GaussianKlFit.Result left = GaussianKlFit.reverse(BIMODAL, LO, HI, GRID, -1.5, 1.0);
        assertEquals(-2.0, left.mean(), FIT_TOL);
        assertEquals(0.5, left.std(), FIT_TOL);
    }

    @Test
    void eachFitIsBetterAtItsOwnObjective() {
        GaussianKlFit.Result fwd = GaussianKlFit.forward(BIMODAL, LO, HI, GRID);
        GaussianKlFit.Result rev = GaussianKlFit.reverse(BIMODAL, LO, HI, GRID, 1.5, 1.0);
        assertTrue(fwd.kl() < GaussianKlFit.forwardKl(BIMODAL, LO, HI, GRID, rev.mean(), rev.std()));
        assertTrue(rev.kl() < GaussianKlFit.reverseKl(BIMODAL, LO, HI, GRID, fwd.mean(), fwd.std()));
    }

    @Test
    void fitsAreLocalMinimaOfTheirObjectives() {
        GaussianKlFit.Result fwd = GaussianKlFit.forward(BIMODAL, LO, HI, GRID);
        GaussianKlFit.Result rev = GaussianKlFit.reverse(BIMODAL, LO, HI, GRID, 1.5, 1.0);
        for (double dm : new double[] {-0.05, 0.05}) {
            assertTrue(fwd.kl() < GaussianKlFit.forwardKl(BIMODAL, LO, HI, GRID, fwd.mean() + dm, fwd.std()));
            assertTrue(rev.kl() < GaussianKlFit.reverseKl(BIMODAL, LO, HI, GRID, rev.mean() + dm, rev.std()));
        }
        for (double f : new double[] {0.95, 1.05}) {
            assertTrue(fwd.kl() < GaussianKlFit.forwardKl(BIMODAL, LO, HI, GRID, fwd.mean(), fwd.std() * f));
            assertTrue(rev.kl() < GaussianKlFit.reverseKl(BIMODAL, LO, HI, GRID, rev.mean(), rev.std() * f));
        }
    }

    @Test
    void bothFitsRecoverAGaussianTarget() {
        DoubleUnaryOperator target = x -> GaussianKlFit.gaussianDensity(x, 0.7, 1.3);
        GaussianKlFit.Result fwd = GaussianKlFit.forward(target, -10.0, 10.0, 4000);
        GaussianKlFit.Result rev = GaussianKlFit.reverse(target, -10.0, 10.0, 4000, -1.0, 0.5);
        assertEquals(0.7, fwd.mean(), MOMENT_TOL);
        assertEquals(1.3, fwd.std(), MOMENT_TOL);
        assertEquals(0.0, fwd.kl(), 1e-9);
        assertEquals(0.7, rev.mean(), 1e-4);
        assertEquals(1.3, rev.std(), 1e-4);
        assertEquals(0.0, rev.kl(), 1e-8);
    }

    @Test
    void reverseFitIsDeterministic() {
        assertEquals(GaussianKlFit.reverse(BIMODAL, LO, HI, GRID, 0.5, 2.0),
                GaussianKlFit.reverse(BIMODAL, LO, HI, GRID, 0.5, 2.0));
    }

    @Test
    void densitiesAreNormalised() {
        double dx = 1e-3;
        double sg = 0.0;
        double sm = 0.0;
        for (double x = -15.0 + dx / 2; x < 15.0; x += dx) {
            sg += GaussianKlFit.gaussianDensity(x, 1.0, 2.0) * dx;
            sm += BIMODAL.applyAsDouble(x) * dx;
        }
        assertEquals(1.0, sg, 1e-9);
        assertEquals(1.0, sm, 1e-9);
        assertEquals(1.0 / (2.0 * Math.sqrt(2.0 * Math.PI)), GaussianKlFit.gaussianDensity(1.0, 1.0, 2.0), 1e-15);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> GaussianKlFit.gaussianDensity(0.0, 0.0, 0.0));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianKlFit.mixtureDensity(new double[] {0.5, 0.6}, new double[] {0, 1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianKlFit.mixtureDensity(new double[] {1.0}, new double[] {0, 1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianKlFit.mixtureDensity(new double[] {1.0}, new double[] {0}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> GaussianKlFit.forward(BIMODAL, 1.0, 1.0, 100));
        assertThrows(IllegalArgumentException.class, () -> GaussianKlFit.forward(BIMODAL, -1.0, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> GaussianKlFit.forward(x -> -1.0, -1.0, 1.0, 10));
        assertThrows(IllegalArgumentException.class, () -> GaussianKlFit.forward(x -> 0.0, -1.0, 1.0, 10));
        assertThrows(IllegalArgumentException.class, () -> GaussianKlFit.forward(null, -1.0, 1.0, 10));
        assertThrows(IllegalArgumentException.class, () -> GaussianKlFit.reverse(BIMODAL, LO, HI, GRID, 0.0, 0.0));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianKlFit.reverse(BIMODAL, LO, HI, GRID, Double.NaN, 1.0));
    }
}
