package org.ebmjava.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebmjava.thermo.EnumerableSystem;
import org.junit.jupiter.api.Test;

class BoltzmannOpsTest {

    private static final double TOL = 1e-15;

    @Test
    void sigmoidClosedFormsAndExtremes() {
        assertEquals(0.5, BoltzmannOps.sigmoid(0.0), 0.0);
        assertEquals(1.0 / (1.0 + Math.exp(-2.0)), BoltzmannOps.sigmoid(2.0), TOL);
        assertEquals(1.0 - BoltzmannOps.sigmoid(3.0), BoltzmannOps.sigmoid(-3.0), TOL);
        assertEquals(1.0, BoltzmannOps.sigmoid(1000.0), 0.0);
        assertEquals(0.0, BoltzmannOps.sigmoid(-1000.0), 0.0);
        assertEquals(Math.exp(-745.0) / (1.0 + Math.exp(-745.0)), BoltzmannOps.sigmoid(-745.0), 0.0);
        assertTrue(Double.isNaN(BoltzmannOps.sigmoid(Double.NaN)));
    }

    @Test
    void indexAndStateAreInversesAndAgreeWithEnumerableSystem() {
        EnumerableSystem<int[]> sys = EnumerableSystem.binary(5, s -> 0.0);
        for (int i = 0; i < 32; i++) {
            assertArrayEquals(sys.state(i), BoltzmannOps.state(i, 5));
            assertEquals(i, BoltzmannOps.index(BoltzmannOps.state(i, 5)));
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BoltzmannOps.index(new int[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> BoltzmannOps.index(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> BoltzmannOps.state(4, 2));
        assertThrows(IllegalArgumentException.class, () -> BoltzmannOps.state(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> BoltzmannOps.state(0, 0));
        assertThrows(IllegalArgumentException.class, () -> BoltzmannOps.checkState(null, 2, "s"));
    }
}
