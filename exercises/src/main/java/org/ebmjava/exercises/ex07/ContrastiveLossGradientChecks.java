package org.ebmjava.exercises.ex07;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 07.3 ({@link ContrastiveLossGradient}). */
@DisplayName("07.3 Gradient of the regularised contrastive loss")
public class ContrastiveLossGradientChecks {
    private static final double TOL = 1e-12;
    private static final double FD_TOL = 1e-6;
    private final ContrastiveLossGradient impl = Submissions.get(ContrastiveLossGradient.class);

    /** The check's own loss. */
    static double loss(double[] pos, double[] neg, double alpha) {
        double l = 0;
        for (double e : pos) {
            l += (e + alpha * e * e) / pos.length;
        }
        for (double e : neg) {
            l += (-e + alpha * e * e) / neg.length;
        }
        return l;
    }

    @Test
    @DisplayName("without the penalty: +1/n for each data energy, -1/m for each sample energy")
    void noPenalty() {
        double[] g = impl.energyGradient(new double[] {3, -1}, new double[] {0.5, 2, 7, -4}, 0.0);
        assertArrayEquals(new double[] {0.5, 0.5, -0.25, -0.25, -0.25, -0.25}, g, TOL, "data first, then samples");
    }

    @Test
    @DisplayName("sign: gradient descent lowers data energies and raises sample energies")
    void sign() {
        double[] g = impl.energyGradient(new double[] {0.0}, new double[] {0.0}, 0.1);
        assertTrue(g[0] > 0, "dL/dE(data) must be positive (descent pushes the data energy down), found " + g[0]);
        assertTrue(g[1] < 0, "dL/dE(sample) must be negative (descent pushes the sample energy up), found " + g[1]);
    }

    @Test
    @DisplayName("the penalty adds 2 alpha e / n (or / m)")
    void penalty() {
        double[] g = impl.energyGradient(new double[] {2.0}, new double[] {-3.0, 1.0}, 0.5);
        assertArrayEquals(new double[] {1 + 2 * 0.5 * 2.0, (-1 + 2 * 0.5 * -3.0) / 2, (-1 + 2 * 0.5 * 1.0) / 2}, g,
                TOL, "(1 + 2 alpha e)/n for data, (-1 + 2 alpha e)/m for samples");
    }

    @Test
    @DisplayName("equals central differences of the loss on random batches")
    void centralDifferences() {
        Random rng = new Random(703);
        for (int trial = 0; trial < 5; trial++) {
            double[] pos = CheckData.gaussian(1 + rng.nextInt(6), rng);
            double[] neg = CheckData.gaussian(1 + rng.nextInt(6), rng);
            double alpha = rng.nextDouble();
            double[] pos0 = pos.clone();
            double[] neg0 = neg.clone();
            double[] g = impl.energyGradient(pos, neg, alpha);
            assertArrayEquals(pos0, pos, 0.0, "data energies must not be modified");
            assertArrayEquals(neg0, neg, 0.0, "sample energies must not be modified");
            assertEquals(pos.length + neg.length, g.length, "n + m entries");
            double h = 1e-5;
            for (int k = 0; k < g.length; k++) {
                double[] arr = k < pos.length ? pos : neg;
                int idx = k < pos.length ? k : k - pos.length;
                double keep = arr[idx];
                arr[idx] = keep + h;
                double up = loss(pos, neg, alpha);
                arr[idx] = keep - h;
                double down = loss(pos, neg, alpha);
                arr[idx] = keep;
                assertEquals((up - down) / (2 * h), g[k], FD_TOL, "entry " + k + ", trial " + trial);
            }
        }
    }
}
