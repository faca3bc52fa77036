package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ebmjava.rbm.BernoulliRbm;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ClampedGibbsTest {

    @Test
    void freeUnitsFollowTheExactConditionalAndClampedUnitsStay() {
        BernoulliRbm rbm = BernoulliRbm.random(3, 2, 1.5, 7);
        // exact p(v1 = 1 | v0 = 1) and p(v2 = 1 | v0 = 1) by enumerating the free energy
        double[] w = new double[4];
        double z = 0;
        double p1 = 0;
        double p2 = 0;
        for (int s = 0; s < 4; s++) {
            int v1 = s & 1;
            int v2 = s >> 1;
            double f = rbm.freeEnergy(Nd4j.createFromArray(new float[][] {{1f, v1, v2}})).getDouble(0);
            w[s] = Math.exp(-f);
            z += w[s];
            p1 += v1 * w[s];
            p2 += v2 * w[s];
        }
        p1 /= z;
        p2 /= z;
        int n = 4000;
        float[] v0 = new float[3 * n];
        for (int i = 0; i < n; i++) {
            v0[3 * i] = 1f;
        }
        float[] out = ClampedGibbs.run(rbm, v0, n, new boolean[] {true, false, false}, 20, new SplittableRandom(3));
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(1f, out[3 * i], 0f, "clamped unit, chain " + i);
            m1 += out[3 * i + 1] / n;
            m2 += out[3 * i + 2] / n;
        }
        // standard errors below 0.008
        assertEquals(p1, m1, 0.03, "p(v1 = 1 | v0 = 1)");
        assertEquals(p2, m2, 0.03, "p(v2 = 1 | v0 = 1)");
    }

    @Test
    void badInputIsNamed() {
        BernoulliRbm rbm = BernoulliRbm.random(3, 2, 0.1, 1);
        SplittableRandom r = new SplittableRandom(1);
        assertMessage(() -> ClampedGibbs.run(rbm, new float[5], 2, new boolean[3], 1, r), "v0", "found 5");
        assertMessage(() -> ClampedGibbs.run(rbm, new float[6], 2, new boolean[4], 1, r), "observed", "found 4");
        assertMessage(() -> ClampedGibbs.run(rbm, new float[6], 2, new boolean[3], 0, r), "steps", "0");
    }
}
