package org.ebmjava.coop;

import static org.ebmjava.coop.CoopAsserts.assertNamed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModeCoverageTest {

    private static final double[][] CENTRES = {{0, 0}, {4, 0}, {0, 4}};

    @Test
    void handCountedPoints() {
        // 8 points: 3 near mode 0, 2 near mode 1, 1 near mode 2, 2 far from every mode
        float[] pts = {0.1f, 0f, -0.2f, 0.1f, 0f, 0.3f, 4.2f, 0f, 3.9f, -0.1f, 0f, 4.4f, 2f, 2f, -3f, -3f};
        ModeCoverage c = ModeCoverage.of(pts, CENTRES, 0.5, 0.5);
        assertArrayEquals(new int[] {3, 2, 1}, c.counts());
        assertEquals(6.0 / 8, c.onModeFraction(), 1e-12);
        // fair share 8/3; half of it is 1.33: modes with 3 and 2 points are covered, the mode with 1 is not
        assertEquals(2, c.covered());
        assertEquals(3, ModeCoverage.of(pts, CENTRES, 0.5, 0.3).covered(), "q = 0.3 needs 0.8 points");
    }

    @Test
    void aCollapsedGeneratorCoversOneMode() {
        float[] pts = new float[200];
        for (int i = 0; i < 100; i++) {
            pts[2 * i] = 4f + 0.01f * (i % 7);
            pts[2 * i + 1] = -0.01f * (i % 5);
        }
        ModeCoverage c = ModeCoverage.of(pts, CENTRES, 0.5, 0.25);
        assertEquals(1, c.covered());
        assertArrayEquals(new int[] {0, 100, 0}, c.counts());
        assertEquals(1.0, c.onModeFraction(), 0.0);
    }

    @Test
    void badArgumentsAreNamed() {
        assertNamed(() -> ModeCoverage.of(new float[3], CENTRES, 0.5, 0.5), "points");
        assertNamed(() -> ModeCoverage.of(new float[4], CENTRES, 0, 0.5), "radius");
        assertNamed(() -> ModeCoverage.of(new float[4], CENTRES, 1, 1.5), "shareFraction");
        assertNamed(() -> ModeCoverage.of(new float[4], new double[][] {{0, 0}, {1}}, 1, 0.5), "centres[1]");
        assertNamed(() -> ModeCoverage.of(new float[] {0, Float.NaN}, CENTRES, 1, 0.5), "points[1]");
    }
}
