package org.ebmjava.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Optimisers, clipping and schedules against hand-computed steps. */
class OptimizerTest {
    /** Two parameters with a settable gradient. */
    static final class Pair implements Parameterized {
        final float[] p = {1f, -2f};
        final float[] g = new float[2];

        @Override
        public int parameterCount() {
            return 2;
        }

        @Override
        public float[] parameters() {
            return p;
        }

        @Override
        public float[] gradients() {
            return g;
        }
    }

    @Test
    void adamMatchesHandComputedSteps() {
        // beta1 0.9, beta2 0.999, lr 0.1. Step 1 with g = (0.5, -0.1): m^ = g, v^ = g^2, so each parameter moves by
        // lr * sign(g): (0.9, -1.9). Step 2 with g = (0.2, 0.3): m = 0.9*0.05 + 0.1*0.2 = 0.065, m^ = 0.065/0.19
        // = 0.342105; v = 0.999*0.00025 + 0.001*0.04 = 0.00028975, v^ = v/0.001999 = 0.144947, sqrt = 0.380719;
        // step 0.1 * 0.342105 / 0.380719 = 0.089858 -> 0.810142. Second coordinate likewise -> -1.949419.
        Pair m = new Pair();
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        m.g[0] = 0.5f;
        m.g[1] = -0.1f;
        adam.step(m);
        assertEquals(0.9, m.p[0], 1e-6);
        assertEquals(-1.9, m.p[1], 1e-6);
        m.g[0] = 0.2f;
        m.g[1] = 0.3f;
        adam.step(m);
        assertEquals(0.810142, m.p[0], 2e-6);
        assertEquals(-1.949419, m.p[1], 2e-6);
        assertEquals(2, adam.steps());
    }

    @Test
    void adamWithoutMomentum() {
        // beta1 = 0: step 2 uses m = g = 0.2: 0.9 - 0.1 * 0.2 / 0.380719 = 0.847468.
        Pair m = new Pair();
        Adam adam = new Adam(0.1, 0.0, 0.999, 1e-8);
        m.g[0] = 0.5f;
        m.g[1] = -0.1f;
        adam.step(m);
        m.g[0] = 0.2f;
        m.g[1] = 0.3f;
        adam.step(m);
        assertEquals(0.847468, m.p[0], 2e-6);
        assertEquals(-2.034137, m.p[1], 2e-6);
    }

    @Test
    void adamFollowsScheduleAndRejectsOtherModels() {
        Pair m = new Pair();
        Adam adam = new Adam(1.0).schedule(LearningRateSchedule.step(0.1, 0.5, 1));
        m.g[0] = 1f;
        m.g[1] = 1f;
        adam.step(m); // lr 0.1
        adam.step(m); // lr 0.05, same gradient: m^ = g, v^ = g^2
        assertEquals(1 - 0.1 - 0.05, m.p[0], 1e-6);
        Mlp other = Mlp.builder(2).hidden(3, Activation.TANH).build();
        assertThrows(IllegalArgumentException.class, () -> adam.step(other));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1.0, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(-1));
    }

    @Test
    void sgdWithMomentumMatchesHandComputedSteps() {
        // v1 = g1 = 0.5, p = 1 - 0.1*0.5 = 0.95; v2 = 0.9*0.5 + 0.2 = 0.65, p = 0.95 - 0.065 = 0.885.
        Pair m = new Pair();
        Sgd sgd = new Sgd(0.1, 0.9);
        m.g[0] = 0.5f;
        sgd.step(m);
        assertEquals(0.95, m.p[0], 1e-6);
        m.g[0] = 0.2f;
        sgd.step(m);
        assertEquals(0.885, m.p[0], 1e-6);
        assertEquals(-2, m.p[1], 0);
    }

    @Test
    void clippingScalesToMaxNormAndReportsTheOldNorm() {
        float[] g = {3f, 4f};
        assertEquals(5.0, GradientClipping.clipNorm(g, 1.0), 1e-12);
        assertEquals(0.6, g[0], 1e-5);
        assertEquals(0.8, g[1], 1e-5);
        float[] small = {0.3f, 0.4f};
        assertEquals(0.5, GradientClipping.clipNorm(small, 1.0), 1e-6);
        assertEquals(0.3f, small[0]);
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipNorm(g, 0));
    }

    @Test
    void schedules() {
        LearningRateSchedule c = LearningRateSchedule.cosine(1.0, 0.1, 10);
        assertEquals(1.0, c.rate(0), 1e-12);
        assertEquals(0.55, c.rate(5), 1e-12);
        assertEquals(0.1, c.rate(10), 1e-12);
        assertEquals(0.1, c.rate(20), 1e-12);
        assertEquals(0.25, LearningRateSchedule.step(1.0, 0.5, 3).rate(6), 1e-12);
        assertEquals(0.2, LearningRateSchedule.constant(0.2).rate(1000), 0);
        assertEquals(0.5, LearningRateSchedule.constant(1.0).withWarmup(4).rate(1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(1, 2, 10));
    }
}
