package org.ebmjava.ising;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IsingModelTest {

    /** Energies are sums of at most 3N integers times h: exact up to rounding. */
    private static final double ENERGY_TOL = 1e-9;
    /** A fair-coin start has |m| below 4 / L (4 standard deviations) with overwhelming probability. */
    private static final double RANDOM_M_SIGMAS = 4.0;

    /** Direct energy: -sum over sites of s(r,c) [s(r,c+1) + s(r+1,c)] - h sum s, with modulo indexing. */
    static double naiveEnergy(int[][] s, double h) {
        int L = s.length;
        double e = 0.0;
        for (int r = 0; r < L; r++) {
            for (int c = 0; c < L; c++) {
                e -= s[r][c] * (s[r][(c + 1) % L] + s[(r + 1) % L][c]);
                e -= h * s[r][c];
            }
        }
        return e;
    }

    @Test
    void energyEqualsDirectRecomputationOnRandomStatesAndAfterSweeps() {
        for (int L : new int[] {4, 6, 16}) {
            for (double h : new double[] {0.0, 0.37, -1.5}) {
                IsingModel model = new IsingModel(L, h);
                model.setSpins(IsingModel.random(L, 100 + L).spins());
                assertEquals(naiveEnergy(model.spinsGrid(), h), model.energy(), ENERGY_TOL, "L=" + L + ", h=" + h);
                try (IsingSampler sampler = new IsingSampler(model, 2.3, UpdateRule.METROPOLIS, 5, 1)) {
                    for (int k = 0; k < 5; k++) {
                        sampler.sweeps(3);
                        int[][] g = model.spinsGrid();
                        assertEquals(naiveEnergy(g, h), model.energy(), ENERGY_TOL, "L=" + L + ", h=" + h);
                        assertEquals(naiveEnergy(g, h) / (L * L), model.energyPerSpin(), ENERGY_TOL);
                        assertEquals(Arrays.stream(g).flatMapToInt(Arrays::stream).sum() / (double) (L * L),
                                model.magnetisationPerSpin(), ENERGY_TOL);
                    }
                }
            }
        }
    }

    @Test
    void orderedStateIsTheGroundStateAndCheckerboardTheHighestState() {
        IsingModel ordered = IsingModel.ordered(8);
        assertEquals(-2.0, ordered.energyPerSpin(), ENERGY_TOL);
        assertEquals(1.0, ordered.magnetisationPerSpin(), ENERGY_TOL);
        IsingModel inField = new IsingModel(8, 0.25);
        assertEquals(-2.25, inField.energyPerSpin(), ENERGY_TOL);
        int[][] checker = new int[8][8];
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                checker[r][c] = (r + c) % 2 == 0 ? 1 : -1;
            }
        }
        inField.setSpins(checker);
        assertEquals(2.0, inField.energyPerSpin(), ENERGY_TOL);
        assertEquals(0.0, inField.magnetisationPerSpin(), ENERGY_TOL);
    }

    @Test
    void gridAndArrayViewsAreRowMajorCopies() {
        IsingModel model = IsingModel.random(6, 3);
        byte[] flat = model.spins();
        int[][] grid = model.spinsGrid();
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 6; c++) {
                assertEquals(flat[r * 6 + c], grid[r][c]);
                assertEquals(grid[r][c], model.spin(r, c));
            }
        }
        flat[0] = (byte) -flat[0];
        grid[1][1] = -grid[1][1];
        assertEquals(model.spins()[0], model.spin(0, 0));
        assertEquals(-flat[0], model.spin(0, 0));
        assertEquals(-grid[1][1], model.spin(1, 1));
        model.setSpin(2, 3, -1);
        assertEquals(-1, model.spin(2, 3));
        IsingModel copy = model.copy();
        copy.setSpin(2, 3, 1);
        assertEquals(-1, model.spin(2, 3));
    }

    @Test
    void randomStateIsSeededAndUnbiased() {
        assertArrayEquals(IsingModel.random(64, 9).spins(), IsingModel.random(64, 9).spins());
        assertFalse(Arrays.equals(IsingModel.random(64, 9).spins(), IsingModel.random(64, 10).spins()));
        for (long seed = 0; seed < 10; seed++) {
            IsingModel m = IsingModel.random(64, seed);
            assertTrue(Math.abs(m.magnetisationPerSpin()) < RANDOM_M_SIGMAS / 64, "seed " + seed);
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new IsingModel(0));
        assertThrows(IllegalArgumentException.class, () -> new IsingModel(5));
        assertThrows(IllegalArgumentException.class, () -> new IsingModel(2));
        assertThrows(IllegalArgumentException.class, () -> new IsingModel(-4));
        assertThrows(IllegalArgumentException.class, () -> new IsingModel(4, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new IsingModel(4, Double.POSITIVE_INFINITY));
        IsingModel m = new IsingModel(4);
        assertThrows(IllegalArgumentException.class, () -> m.spin(4, 0));
        assertThrows(IllegalArgumentException.class, () -> m.spin(0, -1));
        assertThrows(IllegalArgumentException.class, () -> m.setSpins(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> m.setSpins((byte[]) null));
        assertThrows(IllegalArgumentException.class, () -> m.setSpins(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> m.setSpins(new int[4][3]));
        assertThrows(IllegalArgumentException.class, () -> m.setSpins(new int[4][4]));
        assertThrows(IllegalArgumentException.class, () -> m.setSpin(0, 0, 0));
        assertEquals(-2.0, m.energyPerSpin(), ENERGY_TOL, "failed setSpins must not modify the model");
    }
}
