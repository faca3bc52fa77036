package org.ebmjava.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryDatasetsTest {

    /** 100,000 draws: a frequency's standard deviation is at most 0.0016; 4 sigma. */
    private static final int DRAWS = 100_000;
    private static final double FREQUENCY_TOL = 0.0065;

    @Test
    void barsOfSideTwoAreTheSixRowAndColumnPatterns() {
        List<int[]> bars = BinaryDatasets.bars(2);
        int[][] expected = {
            {0, 0, 0, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}, {1, 1, 1, 1}, // rows (masks 0..3)
            {1, 0, 1, 0}, {0, 1, 0, 1},                             // columns (masks 1, 2)
        };
        assertEquals(expected.length, bars.size());
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], bars.get(k), "pattern " + k);
        }
    }

    @Test
    void barsAreDistinctAndEachIsAStripeOrBarImage() {
        for (int side = 1; side <= 4; side++) {
            List<int[]> bars = BinaryDatasets.bars(side);
            assertEquals((1 << (side + 1)) - 2, bars.size());
            Set<String> seen = new HashSet<>();
            for (int[] s : bars) {
                assertEquals(side * side, s.length);
                assertTrue(seen.add(Arrays.toString(s)), "duplicate " + Arrays.toString(s));
                assertTrue(rowsConstant(s, side) || columnsConstant(s, side), Arrays.toString(s));
            }
        }
    }

    @Test
    void parityListsTheEvenWeightVectors() {
        List<int[]> p = BinaryDatasets.parity(3);
        assertEquals(4, p.size());
        assertArrayEquals(new int[] {0, 0, 0}, p.get(0));
        assertArrayEquals(new int[] {1, 1, 0}, p.get(1));
        assertArrayEquals(new int[] {1, 0, 1}, p.get(2));
        assertArrayEquals(new int[] {0, 1, 1}, p.get(3));
        assertEquals(128, BinaryDatasets.parity(8).size());
    }

    @Test
    void sampleFrequenciesMatchTheDistribution() {
        double[] dist = {0.1, 0.0, 0.25, 0.05, 0.3, 0.1, 0.15, 0.05};
        List<int[]> draws = BinaryDatasets.sample(dist, DRAWS, new SplittableRandom(12345));
        double[] freq = BinaryDatasets.empiricalDistribution(draws);
        assertEquals(0.0, freq[1], 0.0, "a zero-probability state is never drawn");
        for (int i = 0; i < dist.length; i++) {
            assertEquals(dist[i], freq[i], FREQUENCY_TOL, "state " + i);
        }
        assertEquals(0, BinaryDatasets.sample(dist, 0, new SplittableRandom(1)).size());
    }

    @Test
    void empiricalDistributionAndRender() {
        double[] p = BinaryDatasets.empiricalDistribution(
                List.of(new int[] {1, 0}, new int[] {1, 0}, new int[] {0, 1}, new int[] {1, 1}));
        assertArrayEquals(new double[] {0.0, 0.5, 0.25, 0.25}, p, 0.0);
        assertEquals("#.\n#.", BinaryDatasets.render(new int[] {1, 0, 1, 0}, 2));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.bars(0));
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.bars(9));
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.parity(1));
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.sample(new double[] {0.5, 0.3, 0.2}, 1, rng));
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.sample(new double[] {0.5, 0.4}, 1, rng));
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.sample(new double[] {1.5, -0.5}, 1, rng));
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.sample(new double[] {Double.NaN, 1}, 1, rng));
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.sample(new double[] {0.5, 0.5}, -1, rng));
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.sample(new double[] {0.5, 0.5}, 1, null));
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.render(new int[] {1, 0, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> BinaryDatasets.empiricalDistribution(List.of()));
    }

    private static boolean rowsConstant(int[] s, int side) {
        for (int r = 0; r < side; r++) {
            for (int c = 1; c < side; c++) {
                if (s[r * side + c] != s[r * side]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean columnsConstant(int[] s, int side) {
        for (int c = 0; c < side; c++) {
            for (int r = 1; r < side; r++) {
                if (s[r * side + c] != s[c]) {
                    return false;
                }
            }
        }
        return true;
    }
}
