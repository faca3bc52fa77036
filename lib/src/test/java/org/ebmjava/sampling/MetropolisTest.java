package org.ebmjava.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetropolisTest {

    private static final int DRAWS = 100_000;
    /** 4 standard deviations of a frequency from 100,000 draws: 4 sqrt(0.25 / 1e5) = 0.0063. */
    private static final double FREQUENCY_TOL = 0.0065;

    @ParameterizedTest
    @CsvSource({
        // deltaE, T, min(1, exp(-deltaE/T)) worked by hand
        "-1.0, 1.0, 1.0",
        "0.0, 1.0, 1.0",
        "1.0, 1.0, 0.36787944117144233",   // exp(-1)
        "2.0, 4.0, 0.6065306597126334",    // exp(-1/2)
        "3.0, 0.5, 0.0024787521766663585", // exp(-6)
        "0.0, 0.0, 1.0",
        "-2.0, 0.0, 1.0",
        "1e-9, 0.0, 0.0",
    })
    void acceptanceProbabilityClosedForm(double deltaE, double temperature, double expected) {
        assertEquals(expected, Metropolis.acceptanceProbability(deltaE, temperature),
                4 * Math.ulp(expected));
    }

    @Test
    void infiniteEnergyChanges() {
        assertEquals(0.0, Metropolis.acceptanceProbability(Double.POSITIVE_INFINITY, 1.0), 0.0);
        assertEquals(1.0, Metropolis.acceptanceProbability(Double.NEGATIVE_INFINITY, 1.0), 0.0);
        assertEquals(0.0, Metropolis.acceptanceProbability(Double.POSITIVE_INFINITY, 0.0), 0.0);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 1.0", "1.0, 1.0", "2.0, 0.7", "0.1, 2.0"})
    void acceptanceFrequencyMatchesTheProbability(double deltaE, double temperature) {
        SplittableRandom rng = new SplittableRandom(12345);
        int accepted = 0;
        for (int k = 0; k < DRAWS; k++) {
            if (Metropolis.accept(deltaE, temperature, rng)) {
                accepted++;
            }
        }
        assertEquals(Metropolis.acceptanceProbability(deltaE, temperature), (double) accepted / DRAWS,
                FREQUENCY_TOL);
    }

    @Test
    void zeroTemperatureIsGreedy() {
        SplittableRandom rng = new SplittableRandom(1);
        assertTrue(Metropolis.accept(-0.5, 0.0, rng));
        assertTrue(Metropolis.accept(0.0, 0.0, rng));
        assertFalse(Metropolis.accept(1e-12, 0.0, rng));
    }

    @Test
    void invalidArgumentsAreRejected() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> Metropolis.accept(Double.NaN, 1.0, rng));
        assertThrows(IllegalArgumentException.class, () -> Metropolis.acceptanceProbability(Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Metropolis.acceptanceProbability(1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> Metropolis.acceptanceProbability(1.0, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> Metropolis.acceptanceProbability(1.0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Metropolis.accept(1.0, 1.0, null));
    }
}
