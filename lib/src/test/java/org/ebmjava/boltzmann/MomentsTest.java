package org.ebmjava.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MomentsTest {

    private static final double TOL = 1e-15;

    @Test
    void ofDataCountsOnesAndCoincidences() {
        List<int[]> data = List.of(new int[] {1, 1, 0}, new int[] {1, 0, 1}, new int[] {1, 1, 1},
                new int[] {0, 0, 0});
        Moments m = Moments.ofData(data);
        assertArrayEquals(new double[] {0.75, 0.5, 0.5}, m.mean(), TOL);
        assertArrayEquals(new double[] {0.75, 0.5, 0.5}, m.correlation()[0], TOL);
        assertArrayEquals(new double[] {0.5, 0.5, 0.25}, m.correlation()[1], TOL);
        assertArrayEquals(new double[] {0.5, 0.25, 0.5}, m.correlation()[2], TOL);
        assertEquals(3, m.size());
    }

    @Test
    void maxAbsDifferenceIgnoresTheDiagonalTwiceAndIsZeroForItself() {
        Moments a = Moments.ofData(List.of(new int[] {1, 1}, new int[] {0, 0}));
        Moments b = Moments.ofData(List.of(new int[] {1, 0}, new int[] {0, 1}));
        assertEquals(0.0, a.maxAbsDifference(a), 0.0);
        assertEquals(0.5, a.maxAbsDifference(b), TOL); // <s0 s1>: 0.5 vs 0; means agree
        assertThrows(IllegalArgumentException.class,
                () -> a.maxAbsDifference(Moments.ofData(List.<int[]>of(new int[] {1}))));
    }

    @Test
    void recordIsACopy() {
        double[] mean = {0.5};
        double[][] corr = {{0.5}};
        Moments m = new Moments(mean, corr);
        mean[0] = 9;
        corr[0][0] = 9;
        m.mean()[0] = 9;
        m.correlation()[0][0] = 9;
        assertEquals(0.5, m.mean()[0], 0.0);
        assertEquals(0.5, m.correlation()[0][0], 0.0);
    }

    @Test
    void invalidInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Moments.ofData(new ArrayList<>()));
        assertThrows(IllegalArgumentException.class, () -> Moments.ofData(null));
        assertThrows(IllegalArgumentException.class,
                () -> Moments.ofData(List.of(new int[] {1, 0}, new int[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> Moments.ofData(List.<int[]>of(new int[] {3})));
        assertThrows(IllegalArgumentException.class,
                () -> new Moments(new double[] {Double.NaN}, new double[][] {{0}}));
        assertThrows(IllegalArgumentException.class,
                () -> new Moments(new double[] {0, 0}, new double[][] {{0, 0}}));
    }
}
