package org.ebmjava.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Toy2DTest {
    private static final long SEED = 42L;
    private static final int N = 8000;
    /** Noise-free points lie on their curve up to rounding. */
    private static final double ON_CURVE = 1e-9;
    /** Binomial counts: 6 standard deviations of a share p of N (at most 0.5 * sqrt(N) * 6 / N). */
    private static final double SHARE_TOL = 6 * 0.5 / Math.sqrt(N);

    interface Generator {
        double[][] sample(int n, RandomGenerator rng);
    }

    static Stream<Arguments> generators() {
        return Stream.of(
            Arguments.of("twoMoons", (Generator) (n, r) -> Toy2D.twoMoons(n, 0.1, r)),
            Arguments.of("rings", (Generator) (n, r) -> Toy2D.rings(n, 0.08, r)),
            Arguments.of("eightGaussians", (Generator) (n, r) -> Toy2D.eightGaussians(n, 0.3, r)),
            Arguments.of("checkerboard", (Generator) Toy2D::checkerboard),
            Arguments.of("swissRoll", (Generator) (n, r) -> Toy2D.swissRoll(n, 0.1, r)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void shapeIsNByTwoAndMostPointsLieWithinFour(String name, Generator g) {
        double[][] x = g.sample(N, new Random(SEED));
        assertEquals(N, x.length);
        int outside = 0;
        for (double[] p : x) {
            assertEquals(2, p.length);
            assertTrue(Double.isFinite(p[0]) && Double.isFinite(p[1]));
            if (Math.abs(p[0]) > 4 || Math.abs(p[1]) > 4) {
                outside++;
            }
        }
        assertTrue(outside < N / 100, name + ": " + outside + " points outside [-4, 4]^2");
        assertEquals(0, g.sample(0, new Random(SEED)).length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void sameSeedGivesSamePointsAndOtherSeedsDiffer(String name, Generator g) {
        LongFunction<double[][]> run = seed -> g.sample(100, new Random(seed));
        assertArrayEquals(run.apply(SEED), run.apply(SEED));
        assertFalse(Arrays.deepEquals(run.apply(SEED), run.apply(SEED + 1)));
    }

    @Test
    void ringsLieOnTheirRadiiInEqualShares() {
        double[][] x = Toy2D.rings(N, 0, new Random(SEED));
        int[] counts = new int[Toy2D.RING_RADII.length];
        for (double[] p : x) {
            double r = Math.hypot(p[0], p[1]);
            int k = nearest(Toy2D.RING_RADII, r);
            assertEquals(Toy2D.RING_RADII[k], r, ON_CURVE);
            counts[k]++;
        }
        for (int c : counts) {
            assertEquals(0.25, c / (double) N, SHARE_TOL);
        }
    }

    @Test
    void noisyRingsKeepTheirMeanRadius() {
        double noise = 0.08;
        double[][] x = Toy2D.rings(N, noise, new Random(SEED));
        double[] sum = new double[4];
        int[] count = new int[4];
        for (double[] p : x) {
            double r = Math.hypot(p[0], p[1]);
            int k = nearest(Toy2D.RING_RADII, r);
            sum[k] += r;
            count[k]++;
        }
        for (int k = 0; k < 4; k++) {
            // Radial noise of std 0.08 shifts the mean radius by about noise^2 / (2 r) < 0.005.
            assertEquals(Toy2D.RING_RADII[k], sum[k] / count[k], 0.02, "ring " + k);
        }
    }

    @Test
    void customRingsUseTheGivenRadii() {
        double[][] x = Toy2D.rings(500, new double[] {1, 2}, 0, new Random(SEED));
        for (double[] p : x) {
            double r = Math.hypot(p[0], p[1]);
            assertTrue(Math.abs(r - 1) < ON_CURVE || Math.abs(r - 2) < ON_CURVE, "radius " + r);
        }
        assertThrows(IllegalArgumentException.class, () -> Toy2D.rings(5, new double[0], 0, new Random(SEED)));
        assertThrows(IllegalArgumentException.class, () -> Toy2D.rings(5, new double[] {-1}, 0, new Random(SEED)));
    }

    @Test
    void eightGaussiansHaveTheirCentresSpreadAndShares() {
        double std = 0.2;
        double[][] x = Toy2D.eightGaussians(N, std, new Random(SEED));
        double[][] sum = new double[8][2];
        double[] sq = new double[8];
        int[] count = new int[8];
        for (double[] p : x) {
            int k = (int) Math.floorMod(Math.round(Math.atan2(p[1], p[0]) / (Math.PI / 4)), 8L);
            double cx = Toy2D.EIGHT_GAUSSIANS_RADIUS * Math.cos(k * Math.PI / 4);
            double cy = Toy2D.EIGHT_GAUSSIANS_RADIUS * Math.sin(k * Math.PI / 4);
            sum[k][0] += p[0] - cx;
            sum[k][1] += p[1] - cy;
            sq[k] += (p[0] - cx) * (p[0] - cx) + (p[1] - cy) * (p[1] - cy);
            count[k]++;
        }
        for (int k = 0; k < 8; k++) {
            // Mean offset has std 0.2 / sqrt(1000) ~ 0.006; the per-coordinate std estimate ~ 0.2 +- 0.005.
            assertEquals(0, sum[k][0] / count[k], 0.03, "centre " + k);
            assertEquals(0, sum[k][1] / count[k], 0.03, "centre " + k);
            assertEquals(std, Math.sqrt(sq[k] / (2 * count[k])), 0.02, "centre " + k);
            assertEquals(0.125, count[k] / (double) N, SHARE_TOL);
        }
        for (double[] p : Toy2D.eightGaussians(50, 0, new Random(SEED))) {
            assertEquals(Toy2D.EIGHT_GAUSSIANS_RADIUS, Math.hypot(p[0], p[1]), ON_CURVE);
        }
    }

    @Test
    void checkerboardFillsOnlyDarkSquaresEvenly() {
        double[][] x = Toy2D.checkerboard(N, new Random(SEED));
        int[][] counts = new int[4][4];
        for (double[] p : x) {
            assertTrue(p[0] >= -4 && p[0] <= 4 && p[1] >= -4 && p[1] <= 4, Arrays.toString(p));
            int c = (int) Math.floor((p[0] + 4) / 2);
            int r = (int) Math.floor((p[1] + 4) / 2);
            assertEquals(0, (c + r) % 2, "light square hit at " + Arrays.toString(p));
            counts[c][r]++;
        }
        for (int c = 0; c < 4; c++) {
            for (int r = (c % 2); r < 4; r += 2) {
                assertEquals(0.125, counts[c][r] / (double) N, SHARE_TOL, "square " + c + "," + r);
            }
        }
    }

    @Test
    void swissRollFollowsItsSpiral() {
        double s = Toy2D.SWISS_ROLL_SCALE;
        for (double[] p : Toy2D.swissRoll(N, 0, new Random(SEED))) {
            double r = Math.hypot(p[0], p[1]);
            assertTrue(r >= 4.0 / 3 - ON_CURVE && r <= 4 + ON_CURVE, "radius " + r);
            double t = r / s;
            assertEquals(r * Math.cos(t), p[0], ON_CURVE);
            assertEquals(r * Math.sin(t), p[1], ON_CURVE);
        }
    }

    @Test
    void twoMoonsLieOnTheirHalfCirclesInEqualShares() {
        double[][] x = Toy2D.twoMoons(N, 0, new Random(SEED));
        int upper = 0;
        for (double[] p : x) {
            // Undo the scaling: back to the textbook moons.
            double u = p[0] / Toy2D.MOONS_SCALE + 0.5;
            double v = p[1] / Toy2D.MOONS_SCALE + 0.25;
            boolean onUpper = Math.abs(Math.hypot(u, v) - 1) < ON_CURVE && v >= -ON_CURVE;
            boolean onLower = Math.abs(Math.hypot(u - 1, v - 0.5) - 1) < ON_CURVE && v <= 0.5 + ON_CURVE;
            assertTrue(onUpper || onLower, Arrays.toString(p));
            if (onUpper) {
                upper++;
            }
            assertTrue(Math.abs(p[0]) <= 3 + ON_CURVE && Math.abs(p[1]) <= 1.5 + ON_CURVE, Arrays.toString(p));
        }
        assertEquals(0.5, upper / (double) N, SHARE_TOL);
    }

    @Test
    void badArgumentsAreRejected() {
        Random rng = new Random(SEED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Toy2D.twoMoons(-1, 0.1, rng));
        assertTrue(e.getMessage().contains("n") && e.getMessage().contains("-1"), e.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
            () -> Toy2D.swissRoll(10, Double.NaN, rng));
        assertTrue(nan.getMessage().contains("noise") && nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Toy2D.eightGaussians(10, -0.1, rng));
        assertThrows(IllegalArgumentException.class, () -> Toy2D.rings(10, Double.POSITIVE_INFINITY, rng));
        assertThrows(IllegalArgumentException.class, () -> Toy2D.checkerboard(-5, rng));
        assertThrows(NullPointerException.class, () -> Toy2D.checkerboard(5, null));
    }

    private static int nearest(double[] values, double v) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (Math.abs(values[k] - v) < Math.abs(values[best] - v)) {
                best = k;
            }
        }
        return best;
    }
}
