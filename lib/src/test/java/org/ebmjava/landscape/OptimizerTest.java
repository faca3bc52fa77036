package org.ebmjava.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    private static final Quadratic BOWL = new Quadratic(1.0, 1.0);
    private static final double T = 0.5;
    private static final int LONG_RUN = 200_000;
    private static final int BURN_IN = 2_000;
    /**
     * Relative tolerance on the long-run Langevin variance: the estimate's own relative error is
     * about 2 % (autocorrelation time ~1/lr = 100 steps; 0.97 to 1.035 of the target over ten
     * seeds), while a missing or extra factor 2 in the noise changes the variance by 50 % or 100 %.
     */
    private static final double ULA_VARIANCE_REL_TOL = 0.08;
    /** Relative tolerance on the long-run Metropolis variance (0.991 to 1.005 over ten seeds). */
    private static final double MH_VARIANCE_REL_TOL = 0.03;

    @Test
    void gradientDescentAtZeroTemperatureFollowsTheClosedFormAndConverges() {
        Quadratic bowl = new Quadratic(1.0, 0.5); // E = x^2/2 + 2 y^2
        double lr = 0.1;
        Trajectory t = new ThermalGradientDescent(lr, 300, CoolingSchedule.constant(0.0))
                .run(bowl, 3.0, -2.0, new SplittableRandom(1));
        assertEquals(301, t.length());
        double[] xs = t.xs();
        double[] ys = t.ys();
        for (int k = 0; k <= 300; k += 50) {
            assertEquals(3.0 * Math.pow(1.0 - lr, k), xs[k], 1e-12);
            assertEquals(-2.0 * Math.pow(1.0 - 4.0 * lr, k), ys[k], 1e-12);
        }
        double[] last = t.last();
        assertTrue(Math.hypot(last[0], last[1]) < 1e-10);
        double[] e = t.energies();
        for (int k = 1; k < e.length; k++) {
            assertTrue(e[k] <= e[k - 1]);
        }
        assertTrue(Double.isNaN(t.acceptanceRate()));
        assertEquals(t.finalEnergy(), t.bestEnergy(), 0.0);
    }

    @Test
    void langevinAtConstantTemperatureSamplesVarianceT() {
        double lr = 0.01;
        Trajectory t = new ThermalGradientDescent(lr, LONG_RUN, CoolingSchedule.constant(T))
                .run(BOWL, 0.0, 0.0, new SplittableRandom(2024));
        // ULA on E = |p|^2/2 has stationary variance T / (1 - lr/2).
        double expected = T / (1.0 - lr / 2.0);
        assertEquals(expected, pooledVariance(t), ULA_VARIANCE_REL_TOL * expected);
        assertEquals(T, t.temperatures()[LONG_RUN / 2], 0.0);
    }

    @Test
    void metropolisAtConstantTemperatureSamplesVarianceT() {
        Trajectory t = new SimulatedAnnealing(1.0, LONG_RUN, CoolingSchedule.constant(T))
                .run(BOWL, 0.0, 0.0, new SplittableRandom(2025));
        assertEquals(T, pooledVariance(t), MH_VARIANCE_REL_TOL * T);
        assertTrue(t.acceptanceRate() > 0.2 && t.acceptanceRate() < 0.9, "acceptance " + t.acceptanceRate());
    }

    @Test
    void greedyAnnealingNeverGoesUphill() {
        Trajectory t = new SimulatedAnnealing(0.3, 2000, CoolingSchedule.constant(0.0))
                .run(Landscapes.rastrigin(), 3.3, -2.2, new SplittableRandom(5));
        double[] e = t.energies();
        for (int k = 1; k < e.length; k++) {
            assertTrue(e[k] <= e[k - 1]);
        }
        assertEquals(t.finalEnergy(), t.bestEnergy(), 0.0);
    }

    @Test
    void sameSeedGivesIdenticalTrajectoryAndDifferentSeedsDiffer() {
        Optimizer2D[] optimizers = {
            new ThermalGradientDescent(1e-3, 500, CoolingSchedule.exponential(2.0, 0.99)),
            new SimulatedAnnealing(0.2, 500, CoolingSchedule.linear(2.0))
        };
        Energy2D e = Landscapes.ackley();
        for (Optimizer2D o : optimizers) {
            Trajectory a = o.run(e, 1.0, 2.0, new SplittableRandom(9));
            Trajectory b = o.run(e, 1.0, 2.0, new SplittableRandom(9));
            Trajectory c = o.run(e, 1.0, 2.0, new SplittableRandom(10));
            assertArrayEquals(a.xs(), b.xs(), 0.0);
            assertArrayEquals(a.ys(), b.ys(), 0.0);
            assertArrayEquals(a.energies(), b.energies(), 0.0);
            assertFalse(Arrays.equals(a.xs(), c.xs()), o.toString());
        }
    }

    @Test
    void trajectoryRecordsTheSchedule() {
        CoolingSchedule s = CoolingSchedule.linear(3.0);
        Trajectory t = new SimulatedAnnealing(0.5, 100, s).run(BOWL, 1.0, 1.0, new SplittableRandom(3));
        assertArrayEquals(s.temperatures(100), t.temperatures(), 0.0);
        assertEquals(0.0, t.temperatures()[100], 0.0);
        assertArrayEquals(new double[] {1.0, 1.0}, new double[] {t.xs()[0], t.ys()[0]}, 0.0);
        assertEquals(1.0, t.energies()[0], 0.0);
    }

    @Test
    void largeLearningRateIsClippedInsteadOfOverflowing() {
        Energy2D r = Landscapes.rosenbrock();
        Trajectory t = new ThermalGradientDescent(1.0, 50, CoolingSchedule.constant(0.0))
                .run(r, 2.0, 3.0, new SplittableRandom(1));
        Domain box = r.domain().scaled(ThermalGradientDescent.CLIP_FACTOR);
        double[] xs = t.xs();
        double[] ys = t.ys();
        for (int k = 0; k < t.length(); k++) {
            assertTrue(box.contains(xs[k], ys[k]));
            assertTrue(Double.isFinite(t.energies()[k]));
        }
    }

    @Test
    void trajectoryAccessors() {
        Trajectory t = new Trajectory(new double[] {0, 1, 2, 3}, new double[] {5, 6, 7, 8},
                new double[] {3.0, -1.0, 2.0, -1.0}, new double[] {1, 1, 1, 1}, 0.25);
        assertEquals(4, t.length());
        assertArrayEquals(new double[] {1, 6}, t.best(), 0.0);
        assertEquals(1, t.bestIndex());
        assertEquals(-1.0, t.bestEnergy(), 0.0);
        assertArrayEquals(new double[] {3, 8}, t.last(), 0.0);
        assertEquals(-1.0, t.finalEnergy(), 0.0);
        assertEquals(0.25, t.acceptanceRate(), 0.0);
        t.xs()[0] = 99;
        assertEquals(0.0, t.xs()[0], 0.0);
        var table = t.toTable();
        assertEquals(4, table.rowCount());
        assertEquals(java.util.List.of("step", "x", "y", "energy", "temperature"), table.columnNames());
        assertThrows(IllegalArgumentException.class, () -> new Trajectory(new double[] {0}, new double[] {0, 1},
                new double[] {0}, new double[] {0}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Trajectory(new double[0], new double[0],
                new double[0], new double[0], Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Trajectory(new double[] {0}, new double[] {0},
                new double[] {0}, new double[] {0}, 1.5));
    }

    @Test
    void rejectsInvalidArguments() {
        CoolingSchedule s = CoolingSchedule.constant(1.0);
        assertThrows(IllegalArgumentException.class, () -> new ThermalGradientDescent(0.0, 10, s));
        assertThrows(IllegalArgumentException.class, () -> new ThermalGradientDescent(0.1, 0, s));
        assertThrows(IllegalArgumentException.class, () -> new ThermalGradientDescent(0.1, 10, null));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedAnnealing(-0.1, 10, s));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedAnnealing(0.1, -1, s));
        Optimizer2D o = new SimulatedAnnealing(0.1, 10, s);
        assertThrows(IllegalArgumentException.class, () -> o.run(null, 0, 0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> o.run(BOWL, Double.NaN, 0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> o.run(BOWL, 0, 0, null));
        CoolingSchedule negative = new CoolingSchedule() {
            @Override
            public double temperature(int step, int totalSteps) {
                return -1.0;
            }

            @Override
            public String name() {
                return "negative";
            }
        };
        assertThrows(IllegalArgumentException.class,
                () -> new ThermalGradientDescent(0.1, 10, negative).run(BOWL, 0, 0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new SimulatedAnnealing(0.1, 10, negative).run(BOWL, 0, 0, new SplittableRandom(1)));
    }

    @Test
    void toStringListsHyperparameters() {
        assertEquals("ThermalGradientDescent(lr=0.01, steps=100, schedule=constant(T=0))",
                new ThermalGradientDescent(0.01, 100, CoolingSchedule.constant(0.0)).toString());
        assertEquals("SimulatedAnnealing(stepSize=0.5, steps=10, schedule=exponential(T0=2, a=0.999))",
                new SimulatedAnnealing(0.5, 10, CoolingSchedule.exponential(2.0, 0.999)).toString());
    }

    /** Variance of x and y pooled after burn-in, about the sample mean. */
    private static double pooledVariance(Trajectory t) {
        double[] xs = t.xs();
        double[] ys = t.ys();
        double sum = 0.0;
        double sumSq = 0.0;
        int n = 0;
        for (int k = BURN_IN; k < xs.length; k++) {
            sum += xs[k] + ys[k];
            sumSq += xs[k] * xs[k] + ys[k] * ys[k];
            n += 2;
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }
}
