package org.ebmjava.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebmjava.rbm.TrainingDivergedException;
import org.junit.jupiter.api.Test;

class DivergenceGuardTest {
    @Test
    void stopsOnNanInfinityAndLargeValuesNamingTheIteration() {
        DivergenceGuard g = new DivergenceGuard("energy", 100);
        g.check(1, 99.0);
        g.check(1, -99.0);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> g.check(17, 150.0));
        assertEquals(17, e.iteration());
        assertEquals(150.0, e.value());
        assertTrue(e.getMessage().contains("iteration 17"), e.getMessage());
        assertTrue(e.getMessage().contains("energy = 150.0"), e.getMessage());
        assertTrue(e.getMessage().contains("hint: lower the learning rate"), e.getMessage());
        assertThrows(TrainingDivergedException.class, () -> g.check(2, Double.NaN));
        TrainingDivergedException arr = assertThrows(TrainingDivergedException.class,
                () -> g.check(3, new float[] {1f, Float.POSITIVE_INFINITY, 2f}, 3));
        assertTrue(arr.getMessage().contains("energy[1]"), arr.getMessage());
        g.check(4, new float[] {1f, 1e9f}, 1);
        Mlp m = Mlp.builder(2).hidden(3, Activation.TANH).build();
        g.checkParameters(5, m);
        m.parameters()[4] = Float.NaN;
        assertTrue(assertThrows(TrainingDivergedException.class, () -> g.checkParameters(6, m)).getMessage()
                .contains("parameter[4]"));
        assertThrows(IllegalArgumentException.class, () -> new DivergenceGuard("x", 0));
    }
}
