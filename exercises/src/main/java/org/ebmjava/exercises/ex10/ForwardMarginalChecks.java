package org.ebmjava.exercises.ex10;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 10.1 ({@link ForwardMarginal}). */
@DisplayName("10.1 forward marginal q(x_t | x_0)")
public class ForwardMarginalChecks {
    private static final double TOL = 1e-12;
    private final ForwardMarginal impl = Submissions.get(ForwardMarginal.class);

    @Test
    @DisplayName("t = 1 is one step of the chain: sqrt(1 - beta_1) x0 + sqrt(beta_1) eps")
    void firstStep() {
        double[] x = impl.noisy(new double[] {2.0, -1.0}, new double[] {0.19, 0.5}, 1, new double[] {0.5, 1.0});
        assertArrayEquals(new double[] {0.9 * 2.0 + Math.sqrt(0.19) * 0.5, -0.9 + Math.sqrt(0.19)}, x, TOL);
    }

    @Test
    @DisplayName("by hand: betas (0.1, 0.2), t = 2 gives abar = 0.9 * 0.8 = 0.72")
    void twoSteps() {
        double[] x = impl.noisy(new double[] {1.0}, new double[] {0.1, 0.2, 0.3}, 2, new double[] {-2.0});
        assertEquals(Math.sqrt(0.72) - 2.0 * Math.sqrt(0.28), x[0], TOL,
                "abar_2 is the product of (1 - beta) over steps 1 and 2 only");
    }

    @Test
    @DisplayName("mean and variance equal those of running the one-step chain t times")
    void matchesTheChain() {
        Random rng = new Random(101);
        for (int trial = 0; trial < 5; trial++) {
            int steps = 5 + rng.nextInt(30);
            double[] betas = new double[steps];
            for (int s = 0; s < steps; s++) {
                betas[s] = 0.001 + 0.3 * rng.nextDouble();
            }
            int t = 1 + rng.nextInt(steps);
            double[] x0 = CheckData.gaussian(3, rng);
            // The chain's mean is x0 scaled by sqrt(1 - beta) per step; its variance obeys v <- (1 - beta) v + beta.
            double scale = 1.0;
            double variance = 0.0;
            for (int s = 0; s < t; s++) {
                scale *= Math.sqrt(1 - betas[s]);
                variance = (1 - betas[s]) * variance + betas[s];
            }
            double[] mean = impl.noisy(x0, betas, t, new double[3]);
            double[] plusOne = impl.noisy(x0, betas, t, new double[] {1.0, 1.0, 1.0});
            for (int i = 0; i < 3; i++) {
                assertEquals(scale * x0[i], mean[i], 1e-10, "mean (eps = 0), trial " + trial + ", t = " + t);
                assertEquals(Math.sqrt(variance), plusOne[i] - mean[i], 1e-10,
                        "standard deviation (eps = 1 minus eps = 0), trial " + trial + ", t = " + t);
            }
        }
    }

    @Test
    @DisplayName("at the end of the DDPM schedule (T = 1000) the sample is almost pure noise")
    void endOfLinearSchedule() {
        int steps = 1000;
        double[] betas = new double[steps];
        double abar = 1.0;
        for (int s = 0; s < steps; s++) {
            betas[s] = 1e-4 + (0.02 - 1e-4) * s / (steps - 1);
            abar *= 1 - betas[s];
        }
        double[] x = impl.noisy(new double[] {3.0}, betas, steps, new double[] {0.7});
        assertEquals(Math.sqrt(abar) * 3.0 + Math.sqrt(1 - abar) * 0.7, x[0], 1e-10);
        assertEquals(0.7, x[0], 0.05, "x_T is close to eps");
    }

    @Test
    @DisplayName("does not modify its inputs")
    void inputsUntouched() {
        double[] x0 = {1.0, 2.0};
        double[] betas = {0.1, 0.2};
        double[] eps = {0.3, -0.4};
        impl.noisy(x0, betas, 2, eps);
        assertArrayEquals(new double[] {1.0, 2.0}, x0, 0.0, "x0");
        assertArrayEquals(new double[] {0.1, 0.2}, betas, 0.0, "betas");
        assertArrayEquals(new double[] {0.3, -0.4}, eps, 0.0, "eps");
    }
}
