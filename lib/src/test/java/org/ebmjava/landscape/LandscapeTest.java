package org.ebmjava.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LandscapeTest {

    /** Central-difference step. */
    private static final double FD_STEP = 1e-6;
    /** |analytic - central difference| &le; this times max(1, |analytic|). */
    private static final double GRADIENT_RELATIVE_TOLERANCE = 1e-5;
    /** Gradient norm at a numerically refined minimum. */
    private static final double STATIONARY_TOLERANCE = 1e-8;
    private static final int GRADIENT_POINTS = 50;
    private static final int MINIMUM_POINTS = 10_000;

    static Stream<Energy2D> landscapes() {
        return Stream.of(
                Landscapes.rosenbrock(), Landscapes.rastrigin(), Landscapes.ackley(),
                Landscapes.neuralLoss(), Landscapes.doubleWell(), Landscapes.gaussianMixture(),
                new Rosenbrock(-0.5, 20.0), new Rastrigin(3.0), new Ackley(10.0, 0.5, 3.0),
                new NeuralLossSurface(7L), new DoubleWell(2.0, -0.4, 3.0),
                new GaussianMixtureEnergy(new double[] {0.25, 0.75},
                        new double[][] {{0.0, 0.0}, {1.5, -1.0}}, new double[] {0.3, 1.0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void gradientMatchesCentralDifferences(Energy2D e) {
        SplittableRandom rng = new SplittableRandom(31);
        double[] g = new double[2];
        for (int k = 0; k < GRADIENT_POINTS; k++) {
            double[] p = e.domain().uniformPoint(rng);
            double x = p[0];
            double y = p[1];
            e.gradient(x, y, g);
            double fx = (e.value(x + FD_STEP, y) - e.value(x - FD_STEP, y)) / (2 * FD_STEP);
            double fy = (e.value(x, y + FD_STEP) - e.value(x, y - FD_STEP)) / (2 * FD_STEP);
            assertEquals(fx, g[0], GRADIENT_RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(g[0])), "dE/dx at " + x + "," + y);
            assertEquals(fy, g[1], GRADIENT_RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(g[1])), "dE/dy at " + x + "," + y);
            assertArrayEquals(g, e.gradient(x, y), 0.0);
            Energy1D slice = e.sliceAtY(y);
            assertEquals(e.value(x, y), slice.value(x), 0.0);
            assertEquals(g[0], slice.derivative(x), 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void globalMinimumIsBelowRandomPointsAndStationary(Energy2D e) {
        double[] m = e.globalMinimum();
        assertTrue(e.domain().contains(m[0], m[1]), "minimum inside the domain");
        double fMin = e.value(m[0], m[1]);
        assertEquals(fMin, e.globalMinimumValue(), 0.0);
        SplittableRandom rng = new SplittableRandom(77);
        for (int k = 0; k < MINIMUM_POINTS; k++) {
            double[] p = e.domain().uniformPoint(rng);
            assertTrue(fMin <= e.value(p[0], p[1]), "E(" + p[0] + ", " + p[1] + ") is below the minimum");
        }
        if (!(e instanceof Ackley)) { // Ackley has a kink at its minimum
            double[] g = e.gradient(m[0], m[1]);
            assertTrue(Math.hypot(g[0], g[1]) < STATIONARY_TOLERANCE, "gradient at the minimum " + g[0] + ", " + g[1]);
        }
    }

    @Test
    void classicMinimaHaveKnownValueZero() {
        assertArrayEquals(new double[] {1.0, 1.0}, Landscapes.rosenbrock().globalMinimum(), 0.0);
        assertArrayEquals(new double[] {0.0, 0.0}, Landscapes.rastrigin().globalMinimum(), 0.0);
        assertArrayEquals(new double[] {0.0, 0.0}, Landscapes.ackley().globalMinimum(), 0.0);
        assertEquals(0.0, Landscapes.rosenbrock().value(1.0, 1.0), 0.0);
        assertEquals(0.0, Landscapes.rastrigin().value(0.0, 0.0), 0.0);
        assertEquals(0.0, Landscapes.ackley().value(0.0, 0.0), 0.0);
        assertEquals(0.0, new Rosenbrock(-0.5, 20.0).value(-0.5, 0.25), 0.0);
        // Known values away from the minimum: Rastrigin at integer points is x^2 + y^2.
        assertEquals(5.0, Landscapes.rastrigin().value(1.0, -2.0), 1e-12);
        assertEquals(1.0 + 100.0, Landscapes.rosenbrock().value(0.0, 1.0), 0.0);
    }

    @Test
    void classicsAreTheFourInOrderWithNamedConstants() {
        List<Energy2D> c = Landscapes.classics();
        assertEquals(4, c.size());
        assertTrue(c.get(0) instanceof Rosenbrock);
        assertTrue(c.get(1) instanceof Rastrigin);
        assertTrue(c.get(2) instanceof Ackley);
        assertTrue(c.get(3) instanceof NeuralLossSurface);
        assertEquals("Rosenbrock(a=1, b=100)", c.get(0).name());
        assertEquals("Rastrigin(A=10)", c.get(1).name());
        assertEquals("Ackley(a=20, b=0.2, c=2pi)", c.get(2).name());
        assertEquals(new Domain(-2, 2, -1, 3), c.get(0).domain());
        assertEquals(Domain.square(-5.12, 5.12), c.get(1).domain());
        assertEquals(Domain.square(-5, 5), c.get(2).domain());
    }

    @Test
    void neuralLossSurfaceIsSeededWithSharpGlobalAndWideLocalMinimum() {
        NeuralLossSurface a = new NeuralLossSurface();
        NeuralLossSurface b = new NeuralLossSurface(NeuralLossSurface.DEFAULT_SEED);
        NeuralLossSurface c = new NeuralLossSurface(NeuralLossSurface.DEFAULT_SEED + 1);
        assertEquals(a.value(0.3, -0.7), b.value(0.3, -0.7), 0.0);
        assertArrayEquals(a.globalMinimum(), b.globalMinimum(), 0.0);
        assertNotEquals(a.value(0.3, -0.7), c.value(0.3, -0.7));
        // The global minimum is the sharp well; the wide basin holds a higher, flatter local minimum.
        double[] m = a.globalMinimum();
        double[] s = a.sharpWellCentre();
        assertTrue(Math.hypot(m[0] - s[0], m[1] - s[1]) < 0.12);
        double[] w = a.wideBasinCentre();
        double[] wide = MinimumSearch.refine(a, w[0], w[1]);
        assertTrue(Math.hypot(wide[0] - w[0], wide[1] - w[1]) < 0.5, "wide minimum near its centre");
        assertTrue(a.value(wide[0], wide[1]) > a.value(m[0], m[1]));
        double sharpCurvature = curvature(a, m);
        double wideCurvature = curvature(a, wide);
        assertTrue(wideCurvature > 0.0);
        assertTrue(sharpCurvature > 20.0 * wideCurvature, sharpCurvature + " vs " + wideCurvature);
    }

    /** Laplacian (sum of the Hessian's diagonal) by central differences of the gradient. */
    private static double curvature(Energy2D e, double[] p) {
        double h = 1e-5;
        double dxx = (e.gradient(p[0] + h, p[1])[0] - e.gradient(p[0] - h, p[1])[0]) / (2 * h);
        double dyy = (e.gradient(p[0], p[1] + h)[1] - e.gradient(p[0], p[1] - h)[1]) / (2 * h);
        return dxx + dyy;
    }

    @Test
    void doubleWellSliceIsTheOneDimensionalWell() {
        DoubleWell dw = Landscapes.doubleWell();
        DoubleWell1D w = new DoubleWell1D();
        Energy1D slice = dw.sliceAtY(0.0);
        for (double x = -2.0; x <= 2.0; x += 0.125) {
            assertEquals(w.value(x), slice.value(x), 0.0);
            assertEquals(w.derivative(x), slice.derivative(x), 0.0);
            double fd = (w.value(x + FD_STEP) - w.value(x - FD_STEP)) / (2 * FD_STEP);
            assertEquals(fd, w.derivative(x), GRADIENT_RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(fd)));
            double fd2 = (w.derivative(x + FD_STEP) - w.derivative(x - FD_STEP)) / (2 * FD_STEP);
            assertEquals(fd2, w.secondDerivative(x), GRADIENT_RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(fd2)));
        }
        // Positive tilt: the left well is the global one; it is a stationary point below the right well.
        double xm = w.globalMinimum();
        assertTrue(xm < -1.0);
        assertEquals(0.0, w.derivative(xm), 1e-12);
        assertTrue(w.value(xm) < w.value(1.0));
        assertEquals(-1.0, new DoubleWell1D(1.0, 0.0).globalMinimum(), 0.0);
        assertTrue(new DoubleWell1D(1.0, -0.3).globalMinimum() > 1.0);
        assertEquals("DoubleWell1D(h=1, tilt=0.25)", w.name());
        assertEquals(xm, dw.globalMinimum()[0], 0.0);
    }

    @Test
    void gaussianMixtureEnergyIsMinusLogDensity() {
        GaussianMixtureEnergy g = Landscapes.gaussianMixture();
        double[] w = g.weights();
        double[][] mu = g.means();
        double[] s = g.stds();
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < 100; k++) {
            double[] p = g.domain().uniformPoint(rng);
            double dens = 0.0;
            for (int i = 0; i < w.length; i++) {
                double d2 = Math.pow(p[0] - mu[i][0], 2) + Math.pow(p[1] - mu[i][1], 2);
                dens += w[i] * Math.exp(-d2 / (2 * s[i] * s[i])) / (2 * Math.PI * s[i] * s[i]);
            }
            assertEquals(-Math.log(dens), g.value(p[0], p[1]), 1e-12 * Math.max(1.0, Math.abs(Math.log(dens))));
            assertEquals(dens, g.density(p[0], p[1]), 1e-12);
        }
        // Far from every component the density underflows but the energy stays finite (log-sum-exp).
        double far = g.value(60.0, 60.0);
        assertTrue(Double.isFinite(far) && far > 1000.0);
        double[] m = g.globalMinimum();
        assertEquals(-2.0, m[0], 1e-3);
        assertEquals(0.0, m[1], 1e-3);
        assertEquals(3, g.components());
    }

    @Test
    void domainValidatesAndScales() {
        assertThrows(IllegalArgumentException.class, () -> new Domain(1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Domain(0, 1, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Domain.square(0, 0));
        Domain d = new Domain(-1, 3, 0, 2);
        assertEquals(new Domain(-5, 7, -2, 4), d.scaled(3.0));
        assertThrows(IllegalArgumentException.class, () -> d.scaled(0.0));
        assertTrue(d.contains(3.0, 0.0));
        assertTrue(!d.contains(3.1, 0.0));
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < 1000; k++) {
            double[] p = d.uniformPoint(rng);
            assertTrue(d.contains(p[0], p[1]));
        }
    }

    @Test
    void valuesOnGridFollowsRowsYColumnsX() {
        Energy2D r = Landscapes.rosenbrock();
        double[][] v = r.valuesOnGrid(5, 3);
        assertEquals(3, v.length);
        assertEquals(5, v[0].length);
        assertEquals(r.value(-2.0, -1.0), v[0][0], 0.0);
        assertEquals(r.value(2.0, -1.0), v[0][4], 0.0);
        assertEquals(r.value(-1.0, 1.0), v[1][1], 0.0);
        assertEquals(r.value(2.0, 3.0), v[2][4], 0.0);
        assertThrows(IllegalArgumentException.class, () -> r.valuesOnGrid(1, 3));
    }

    @Test
    void constructorsRejectInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Rastrigin(-1.0));
        assertThrows(IllegalArgumentException.class, () -> new Ackley(20.0, -0.2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new DoubleWell(0.0, 0.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new DoubleWell(1.0, 0.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new DoubleWell1D(1.0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureEnergy(
                new double[] {0.5, 0.6}, new double[][] {{0, 0}, {1, 1}}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureEnergy(
                new double[] {1.0}, new double[][] {{0, 0, 0}}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureEnergy(
                new double[] {1.0}, new double[][] {{0, 0}}, new double[] {0}));
    }
}
