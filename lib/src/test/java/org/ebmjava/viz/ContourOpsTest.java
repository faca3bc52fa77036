package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class ContourOpsTest {
    /** Linear interpolation of x^2+y^2 on a 0.02 grid misplaces the circle by at most ~h^2/(8r). */
    private static final double CIRCLE_TOL = 2e-4;
    /** A polygon inscribed in the circle is shorter than 2*pi*r by O(h^2). */
    private static final double LENGTH_REL_TOL = 1e-3;
    private static final double EXACT = 1e-12;

    private static double[][] sample(DoubleBinaryOperator f, double[] xs, double[] ys) {
        double[][] z = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                z[j][i] = f.applyAsDouble(xs[i], ys[j]);
            }
        }
        return z;
    }

    @Test
    void levelsAreEquallySpacedInside() {
        assertArrayEquals(new double[] {0.25, 0.5, 0.75}, ContourOps.levels(0, 1, 3), EXACT);
        assertEquals(0, ContourOps.levels(0, 1, 0).length);
        assertThrows(IllegalArgumentException.class, () -> ContourOps.levels(0, 1, -1));
    }

    @Test
    void isoLineOfABowlIsTheCircle() {
        double[] a = Heatmap.axis(-1, 1, 100);
        double r = 0.5;
        List<double[]> segs = ContourOps.segments(sample((x, y) -> x * x + y * y, a, a), a, a, r * r);
        assertFalse(segs.isEmpty());
        double length = 0;
        for (double[] s : segs) {
            assertEquals(r, Math.hypot(s[0], s[1]), CIRCLE_TOL);
            assertEquals(r, Math.hypot(s[2], s[3]), CIRCLE_TOL);
            length += Math.hypot(s[2] - s[0], s[3] - s[1]);
        }
        assertEquals(2 * Math.PI * r, length, 2 * Math.PI * r * LENGTH_REL_TOL);
    }

    @Test
    void isoLineOfALinearFieldIsExact() {
        double[] xs = {0, 1, 2, 3};
        double[] ys = {0, 1, 2};
        List<double[]> segs = ContourOps.segments(sample((x, y) -> x + 0.0 * y, xs, ys), xs, ys, 1.3);
        assertEquals(2, segs.size(), "one segment per row of cells");
        for (double[] s : segs) {
            assertEquals(1.3, s[0], EXACT);
            assertEquals(1.3, s[2], EXACT);
        }
    }

    @Test
    void saddleSegmentsStayOnTheZeroSet() {
        double[] a = Heatmap.axis(-1, 1, 9);
        List<double[]> segs = ContourOps.segments(sample((x, y) -> x * y, a, a), a, a, 1e-9);
        assertFalse(segs.isEmpty());
        for (double[] s : segs) {
            assertTrue(Math.abs(s[0] * s[1]) < 0.05 && Math.abs(s[2] * s[3]) < 0.05, "endpoints lie near the axes");
        }
    }

    @Test
    void levelOutsideTheRangeGivesNothingAndNonFiniteCellsAreSkipped() {
        double[] a = {0, 1, 2};
        assertTrue(ContourOps.segments(sample((x, y) -> x + y, a, a), a, a, 10).isEmpty());
        double[][] z = sample((x, y) -> x, a, a);
        z[0][1] = Double.NaN;
        z[1][1] = Double.NaN;
        z[2][1] = Double.NaN;
        assertTrue(ContourOps.segments(z, a, a, 0.5).isEmpty());
    }

    @Test
    void shapeMismatchIsNamed() {
        double[] a = {0, 1, 2};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContourOps.segments(new double[][] {{0, 1, 2}, {0, 1}, {0, 1, 2}}, a, a, 0.5));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContourOps.segments(new double[2][3], a, a, 0.5));
    }
}
