package org.ebmjava.exercises.ex03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 03.2 ({@link MetropolisAcceptance}). */
@DisplayName("03.2 Metropolis acceptance")
public class MetropolisAcceptanceChecks {
    private final MetropolisAcceptance impl = Submissions.get(MetropolisAcceptance.class);

    @Test
    @DisplayName("downhill and level moves are always accepted")
    void downhillAccepted() {
        for (double u : new double[] {0.0, 0.5, 0.999999}) {
            assertTrue(impl.accept(-1.0, 1.0, u), "dE = -1, u = " + u);
            assertTrue(impl.accept(0.0, 1.0, u), "dE = 0, u = " + u);
        }
    }

    @Test
    @DisplayName("uphill: accept exactly when u < exp(-dE/T)")
    void uphillThreshold() {
        double threshold = Math.exp(-2.0 / 1.5);
        assertTrue(impl.accept(2.0, 1.5, threshold - 1e-9), "u just below exp(-dE/T) must be accepted");
        assertFalse(impl.accept(2.0, 1.5, threshold + 1e-9), "u just above exp(-dE/T) must be rejected");
    }

    @Test
    @DisplayName("acceptance frequency matches min(1, exp(-dE/T))")
    void frequency() {
        Random rng = new Random(41);
        for (double dE : new double[] {0.5, 1.0, 3.0}) {
            int n = 100_000;
            int accepted = 0;
            for (int k = 0; k < n; k++) {
                if (impl.accept(dE, 1.0, rng.nextDouble())) {
                    accepted++;
                }
            }
            double expected = Math.exp(-dE);
            assertEquals(expected, accepted / (double) n, 5 * Math.sqrt(expected * (1 - expected) / n) + 1e-4,
                    "acceptance rate for dE = " + dE + " at T = 1");
        }
    }

    @Test
    @DisplayName("T = 0: greedy (accept iff dE <= 0), no NaN from 0/0")
    void zeroTemperature() {
        assertTrue(impl.accept(-0.5, 0.0, 0.3), "downhill at T = 0");
        assertTrue(impl.accept(0.0, 0.0, 0.3), "level move at T = 0");
        assertFalse(impl.accept(0.5, 0.0, 0.0), "uphill at T = 0, even with u = 0");
    }

    @Test
    @DisplayName("higher temperature accepts uphill moves more often")
    void temperatureDependence() {
        double u = 0.2;
        assertFalse(impl.accept(2.0, 1.0, u), "exp(-2) = 0.135 < 0.2: rejected at T = 1");
        assertTrue(impl.accept(2.0, 2.0, u), "exp(-1) = 0.368 > 0.2: accepted at T = 2");
    }
}
