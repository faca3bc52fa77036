package org.ebmjava.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoltzmannMachineTest {

    private static final double TOL = 1e-12;
    /** Central differences with step H are accurate to O(H^2) ~ 1e-10 here. */
    private static final double H = 1e-5;
    private static final double FD_TOL = 1e-7;

    /** W01 = 1, W02 = -2, W12 = 0.5; b = (0.5, -1, 0.25). */
    private static BoltzmannMachine threeUnits() {
        double[][] w = {{0, 1, -2}, {1, 0, 0.5}, {-2, 0.5, 0}};
        return new BoltzmannMachine(w, new double[] {0.5, -1, 0.25});
    }

    @Test
    void energyOfThreeUnitMachineMatchesHandComputedValues() {
        BoltzmannMachine bm = threeUnits();
        // E(s) = -(W01 s0 s1 + W02 s0 s2 + W12 s1 s2) - (b0 s0 + b1 s1 + b2 s2), worked by hand;
        // index = s0 + 2 s1 + 4 s2.
        double[] expected = {
            0.0,    // 000
            -0.5,   // s0: -b0
            1.0,    // s1: -b1
            -0.5,   // s0 s1: -1 - 0.5 + 1
            -0.25,  // s2: -b2
            1.25,   // s0 s2: 2 - 0.5 - 0.25
            0.25,   // s1 s2: -0.5 + 1 - 0.25
            0.75,   // all: -(1 - 2 + 0.5) - (0.5 - 1 + 0.25)
        };
        for (int i = 0; i < 8; i++) {
            assertEquals(expected[i], bm.energy(BoltzmannOps.state(i, 3)), TOL, "state " + i);
        }
    }

    @Test
    void logPartitionFunctionOfThreeUnitMachineEqualsBruteForceSum() {
        BoltzmannMachine bm = threeUnits();
        double z = 0.0;
        for (int i = 0; i < 8; i++) {
            z += Math.exp(-bm.energy(BoltzmannOps.state(i, 3)));
        }
        // Same Z from the hand-computed energies above.
        double zHand = Math.exp(0.0) + Math.exp(0.5) + Math.exp(-1.0) + Math.exp(0.5)
                + Math.exp(0.25) + Math.exp(-1.25) + Math.exp(-0.25) + Math.exp(-0.75);
        assertEquals(zHand, z, TOL);
        assertEquals(Math.log(zHand), bm.logPartitionFunction(), TOL);
        double[] p = bm.exactDistribution();
        for (int i = 0; i < 8; i++) {
            assertEquals(Math.exp(-bm.energy(BoltzmannOps.state(i, 3))) / zHand, p[i], TOL);
        }
    }

    @Test
    void zeroMachineIsUniform() {
        BoltzmannMachine bm = BoltzmannMachine.zeros(5);
        assertEquals(5 * Math.log(2.0), bm.logPartitionFunction(), TOL);
        for (double p : bm.exactDistribution()) {
            assertEquals(1.0 / 32, p, TOL);
        }
        Moments m = bm.exactMoments();
        for (int i = 0; i < 5; i++) {
            assertEquals(0.5, m.mean()[i], TOL);
            for (int j = 0; j < 5; j++) {
                assertEquals(i == j ? 0.5 : 0.25, m.correlation()[i][j], TOL);
            }
        }
    }

    @Test
    void conditionalOnEqualsRatioOfExactProbabilitiesForAllStatesAndUnits() {
        BoltzmannMachine bm = BoltzmannMachine.random(5, 1.5, new SplittableRandom(7));
        double[] p = bm.exactDistribution();
        for (int idx = 0; idx < 32; idx++) {
            int[] s = BoltzmannOps.state(idx, 5);
            for (int i = 0; i < 5; i++) {
                double p1 = p[idx | (1 << i)];
                double p0 = p[idx & ~(1 << i)];
                assertEquals(p1 / (p0 + p1), bm.conditionalOn(s, i), TOL, "state " + idx + " unit " + i);
                assertEquals(bm.energy(withUnit(s, i, 0)) - bm.energy(withUnit(s, i, 1)),
                        bm.netInput(s, i), TOL);
            }
        }
    }

    @Test
    void positiveWeightLowersTheEnergyOfTheJointlyOnState() {
        double[][] w = {{0, 2}, {2, 0}};
        BoltzmannMachine bm = new BoltzmannMachine(w, new double[2]);
        assertEquals(-2.0, bm.energy(new int[] {1, 1}), TOL);
        double[] p = bm.exactDistribution();
        assertTrue(p[3] > p[0], "E is returned, not -E: the coupled state is most probable");
        assertTrue(bm.conditionalOn(new int[] {0, 1}, 0) > 0.5);
    }

    @Test
    void exactMomentsEqualProbabilityWeightedSums() {
        BoltzmannMachine bm = BoltzmannMachine.random(6, 1.0, new SplittableRandom(3));
        double[] p = bm.exactDistribution();
        double[] mean = new double[6];
        double[][] corr = new double[6][6];
        for (int idx = 0; idx < p.length; idx++) {
            int[] s = BoltzmannOps.state(idx, 6);
            for (int i = 0; i < 6; i++) {
                mean[i] += p[idx] * s[i];
                for (int j = 0; j < 6; j++) {
                    corr[i][j] += p[idx] * s[i] * s[j];
                }
            }
        }
        Moments m = bm.exactMoments();
        assertArrayEquals(mean, m.mean(), TOL);
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(corr[i], m.correlation()[i], TOL);
        }
    }

    @Test
    void logLikelihoodGradientEqualsDataMinusModelMoments() {
        BoltzmannMachine bm = BoltzmannMachine.random(4, 0.7, new SplittableRandom(11));
        List<int[]> data = List.of(new int[] {1, 0, 1, 1}, new int[] {0, 0, 1, 0},
                new int[] {1, 1, 1, 1}, new int[] {1, 0, 0, 1});
        Moments d = Moments.ofData(data);
        Moments m = bm.exactMoments();
        for (int i = 0; i < 4; i++) {
            double[] bp = bm.biases();
            double[] bn = bm.biases();
            bp[i] += H;
            bn[i] -= H;
            double fd = (bm.withParameters(bm.weights(), bp).logLikelihood(data)
                    - bm.withParameters(bm.weights(), bn).logLikelihood(data)) / (2 * H);
            assertEquals(d.mean()[i] - m.mean()[i], fd, FD_TOL, "dL/db_" + i);
            for (int j = i + 1; j < 4; j++) {
                double[][] wp = bm.weights();
                double[][] wn = bm.weights();
                wp[i][j] += H;
                wp[j][i] += H;
                wn[i][j] -= H;
                wn[j][i] -= H;
                double fdw = (bm.withParameters(wp, bm.biases()).logLikelihood(data)
                        - bm.withParameters(wn, bm.biases()).logLikelihood(data)) / (2 * H);
                assertEquals(d.correlation()[i][j] - m.correlation()[i][j], fdw, FD_TOL,
                        "dL/dW_" + i + j);
            }
        }
    }

    @Test
    void logLikelihoodIsMeanLogProbability() {
        BoltzmannMachine bm = BoltzmannMachine.random(3, 1.0, new SplittableRandom(5));
        double[] p = bm.exactDistribution();
        List<int[]> data = List.of(new int[] {1, 0, 0}, new int[] {1, 1, 0}, new int[] {1, 0, 0});
        double expected = (2 * Math.log(p[1]) + Math.log(p[3])) / 3;
        assertEquals(expected, bm.logLikelihood(data), TOL);
        assertEquals(bm.enumerate().size(), 8);
        assertEquals(bm.energy(new int[] {1, 1, 0}), bm.enumerate().energy(3), TOL);
    }

    @Test
    void randomIsSymmetricZeroDiagonalAndReproducible() {
        BoltzmannMachine a = BoltzmannMachine.random(5, 0.5, new SplittableRandom(1));
        BoltzmannMachine b = BoltzmannMachine.random(5, 0.5, new SplittableRandom(1));
        BoltzmannMachine c = BoltzmannMachine.random(5, 0.5, new SplittableRandom(2));
        for (int i = 0; i < 5; i++) {
            assertEquals(0.0, a.weight(i, i), 0.0);
            assertArrayEquals(a.weights()[i], b.weights()[i], 0.0);
            for (int j = 0; j < 5; j++) {
                assertEquals(a.weight(i, j), a.weight(j, i), 0.0);
            }
        }
        assertArrayEquals(a.biases(), b.biases(), 0.0);
        assertNotEquals(a.bias(0), c.bias(0));
        assertArrayEquals(new double[5], BoltzmannMachine.random(5, 0.0, new SplittableRandom(1)).biases(), TOL);
    }

    @Test
    void accessorsReturnCopies() {
        BoltzmannMachine bm = threeUnits();
        bm.weights()[0][1] = 99;
        bm.biases()[0] = 99;
        double[][] w = {{0, 1}, {1, 0}};
        double[] b = {1, 2};
        BoltzmannMachine copy = new BoltzmannMachine(w, b);
        w[0][1] = 5;
        b[0] = 5;
        assertEquals(1.0, bm.weight(0, 1), 0.0);
        assertEquals(0.5, bm.bias(0), 0.0);
        assertEquals(1.0, copy.weight(0, 1), 0.0);
        assertEquals(1.0, copy.bias(0), 0.0);
        assertEquals(3, bm.size());
    }

    @Test
    void invalidArgumentsAreRejected() {
        double[] b2 = {0, 0};
        assertThrows(IllegalArgumentException.class,
                () -> new BoltzmannMachine(new double[][] {{0, 1}, {2, 0}}, b2));
        assertThrows(IllegalArgumentException.class,
                () -> new BoltzmannMachine(new double[][] {{1, 0}, {0, 0}}, b2));
        assertThrows(IllegalArgumentException.class,
                () -> new BoltzmannMachine(new double[][] {{0, Double.NaN}, {Double.NaN, 0}}, b2));
        assertThrows(IllegalArgumentException.class,
                () -> new BoltzmannMachine(new double[][] {{0, 0}, {0, 0}}, new double[] {0, Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> new BoltzmannMachine(new double[][] {{0, 0}, {0}}, b2));
        assertThrows(IllegalArgumentException.class,
                () -> new BoltzmannMachine(new double[3][3], b2));
        assertThrows(IllegalArgumentException.class, () -> new BoltzmannMachine(new double[0][0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> BoltzmannMachine.zeros(0));
        assertThrows(IllegalArgumentException.class,
                () -> BoltzmannMachine.random(3, -1.0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> BoltzmannMachine.random(3, 1.0, null));
        BoltzmannMachine bm = threeUnits();
        assertThrows(IllegalArgumentException.class, () -> bm.energy(new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> bm.energy(new int[] {0, 2, 1}));
        assertThrows(IllegalArgumentException.class, () -> bm.energy(new int[] {0, -1, 1}));
        assertThrows(IllegalArgumentException.class, () -> bm.conditionalOn(new int[] {0, 1, 1}, 3));
        assertThrows(IllegalArgumentException.class, () -> bm.weight(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> bm.logLikelihood(List.of()));
        assertThrows(IllegalArgumentException.class, () -> bm.withParameters(new double[2][2], b2));
        assertThrows(IllegalArgumentException.class,
                () -> BoltzmannMachine.zeros(BoltzmannMachine.MAX_EXACT_UNITS + 1).logPartitionFunction());
    }

    private static int[] withUnit(int[] s, int i, int value) {
        int[] t = s.clone();
        t[i] = value;
        return t;
    }
}
