package org.ebmjava.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionPosteriorTest {

    @Test
    void energyAtZeroIsNLogTwoPlusPriorNormaliser() {
        // sigma(0) = 1/2 for every point: E(0) = n log 2 + log(2 pi s0^2)/2.
        LogisticRegressionPosterior p = new LogisticRegressionPosterior(new double[] {1, -2, 0.5}, new int[] {1, 0, 0}, 2);
        assertEquals(3 * Math.log(2) + 0.5 * Math.log(2 * Math.PI * 4), p.value(0), 1e-14);
    }

    @Test
    void derivativesMatchCentralDifferences() {
        LogisticRegressionPosterior p = LogisticRegressionPosterior.synthetic(25, 2.0, 3.0, new SplittableRandom(3));
        for (double w : new double[] {-2, 0, 1.5, 6}) {
            double h = 1e-5;
            assertEquals((p.value(w + h) - p.value(w - h)) / (2 * h), p.derivative(w), 1e-7);
            assertEquals((p.derivative(w + h) - p.derivative(w - h)) / (2 * h), p.secondDerivative(w), 1e-6);
        }
        assertEquals(0.0, p.derivative(p.map()), 1e-10);
        assertEquals(1 / Math.sqrt(p.secondDerivative(p.map())), p.laplace().std(), 1e-15);
    }

    @Test
    void syntheticDataAreSeeded() {
        var a = LogisticRegressionPosterior.synthetic(30, 2.0, 3.0, new SplittableRandom(9));
        var b = LogisticRegressionPosterior.synthetic(30, 2.0, 3.0, new SplittableRandom(9));
        assertEquals(a.value(0.7), b.value(0.7), 0.0);
        assertEquals(a.name(), b.name());
    }

    @Test
    void rejectsBadData() {
        assertThrows(IllegalArgumentException.class,
                () -> new LogisticRegressionPosterior(new double[] {1}, new int[] {2}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new LogisticRegressionPosterior(new double[] {1}, new int[] {1, 0}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new LogisticRegressionPosterior(new double[] {1}, new int[] {1}, 0));
    }
}
