package org.ebmjava.exercises.ex08;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 08.1 ({@link MarginLoss}). */
@DisplayName("08.1 The EBGAN margin loss")
public class MarginLossChecks {
    private static final double TOL = 1e-12;
    private final MarginLoss impl = Submissions.get(MarginLoss.class);

    /** The check's own loss, term by term. */
    static double loss(double[] real, double[] fake, double m) {
        double l = 0;
        for (double e : real) {
            l += e / real.length;
        }
        for (double e : fake) {
            l += Math.max(0, m - e) / fake.length;
        }
        return l;
    }

    @Test
    @DisplayName("hand-computed: real {0.2, 0.4}, fake {0.5, 3.0}, m = 1 gives 0.3 + (0.5 + 0)/2 = 0.55")
    void handComputed() {
        assertEquals(0.55, impl.discriminatorLoss(new double[] {0.2, 0.4}, new double[] {0.5, 3.0}, 1.0), TOL);
    }

    @Test
    @DisplayName("a fake at or above the margin costs nothing (the hinge)")
    void hinge() {
        double[] real = {0.1, 0.3, 0.2};
        assertEquals(0.2, impl.discriminatorLoss(real, new double[] {2.0, 5.0, 2.0}, 2.0), TOL,
                "every fake has energy >= m: L_D is the mean real energy alone");
        assertEquals(0.2, impl.discriminatorLoss(real, new double[] {100.0}, 2.0), TOL,
                "a fake far above the margin must not lower the loss");
    }

    @Test
    @DisplayName("sign: raising a real energy raises the loss, raising a fake energy below m lowers it")
    void sign() {
        double base = impl.discriminatorLoss(new double[] {0.5}, new double[] {0.5}, 1.0);
        double realUp = impl.discriminatorLoss(new double[] {0.6}, new double[] {0.5}, 1.0);
        double fakeUp = impl.discriminatorLoss(new double[] {0.5}, new double[] {0.6}, 1.0);
        assertEquals(0.1, realUp - base, 1e-9, "dL/dD(real) = +1/n");
        assertEquals(-0.1, fakeUp - base, 1e-9, "dL/dD(fake) = -1/n' below the margin");
    }

    @Test
    @DisplayName("the two means use their own batch sizes n and n'")
    void separateBatchSizes() {
        double[] real = {1.0};
        double[] fake = {0.0, 0.0, 3.0, 3.0};
        assertEquals(1.0 + (2.0 + 2.0) / 4, impl.discriminatorLoss(real, fake, 2.0), TOL,
                "n = 1 real, n' = 4 fakes: 1 + (2 + 2 + 0 + 0)/4");
    }

    @Test
    @DisplayName("equals the formula on random batches and leaves the inputs unchanged")
    void randomBatches() {
        Random rng = new Random(801);
        for (int trial = 0; trial < 10; trial++) {
            double[] real = CheckData.gaussian(1 + rng.nextInt(8), rng);
            double[] fake = CheckData.gaussian(1 + rng.nextInt(8), rng);
            double m = 0.1 + 2 * rng.nextDouble();
            double[] real0 = real.clone();
            double[] fake0 = fake.clone();
            double got = impl.discriminatorLoss(real, fake, m);
            assertArrayEquals(real0, real, 0.0, "realEnergies must not be modified");
            assertArrayEquals(fake0, fake, 0.0, "fakeEnergies must not be modified");
            assertEquals(loss(real, fake, m), got, 1e-10, "trial " + trial);
            assertTrue(Double.isFinite(got), "finite");
        }
    }
}
