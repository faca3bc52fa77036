package org.ebmjava.ising;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class IsingSamplerTest {

    /** Sweeps of the 4 x 4 chains compared with exact enumeration. */
    private static final int EXACT_SWEEPS = 200_000;
    /**
     * Tolerance on e and m per spin against enumeration: about 5 batch-means standard errors of a
     * 200,000-sweep chain (se(e) ~ 0.002, se(m) ~ 0.001 at T = 2.5 to 3). Doubling dE, flipping its sign or
     * swapping the spin index of the table moves e by more than 0.05.
     */
    private static final double EXACT_E_TOL = 0.01;
    /** As {@link #EXACT_E_TOL}, for |m| and m. */
    private static final double EXACT_M_TOL = 0.006;
    /** Relative tolerance on specific heat and susceptibility (variances converge more slowly). */
    private static final double EXACT_RESPONSE_REL_TOL = 0.08;
    /** Absolute tolerance on the Binder cumulant. */
    private static final double EXACT_BINDER_TOL = 0.005;
    /** T = 0.5: excitations cost dE = 8 with weight exp(-16) ~ 1e-7 per spin. */
    private static final double LOW_T_TOL = 1e-3;
    /** T = 1000: e = -2 tanh(1/1000) ~ -0.002, sampling se ~ 0.002 per 1000 sweeps of L = 32. */
    private static final double HIGH_T_E_TOL = 0.01;
    /** Relative agreement of L = 64 with Onsager's infinite-lattice energy away from Tc. */
    private static final double ONSAGER_REL_TOL = 0.01;
    /** Detailed balance of the flip tables: log-ratio agreement in double precision. */
    private static final double BALANCE_TOL = 1e-12;

    static Stream<Arguments> exactCases() {
        return Stream.of(UpdateRule.values())
                .flatMap(r -> Stream.of(Arguments.of(r, 1.5), Arguments.of(r, 2.5)));
    }

    @ParameterizedTest
    @MethodSource("exactCases")
    void fourByFourChainMatchesExactEnumeration(UpdateRule rule, double t) {
        ExactFourByFour exact = ExactFourByFour.of(4, 0.0, t);
        try (IsingSampler sampler = new IsingSampler(IsingModel.random(4, 11), t, rule, 2024, 1)) {
            IsingObservables o = IsingObservables.measure(sampler, 1000, EXACT_SWEEPS, 1);
            assertEquals(exact.energyPerSpin, o.energyPerSpin(), EXACT_E_TOL, "<e>");
            assertEquals(exact.absMagnetisation, o.absMagnetisation(), EXACT_M_TOL, "<|m|>");
            assertEquals(exact.specificHeat, o.specificHeat(), EXACT_RESPONSE_REL_TOL * exact.specificHeat, "c");
            assertEquals(exact.susceptibility, o.susceptibility(), EXACT_RESPONSE_REL_TOL * exact.susceptibility,
                    "chi");
            assertEquals(exact.binder, o.binderCumulant(), EXACT_BINDER_TOL, "U4");
        }
    }

    @ParameterizedTest
    @EnumSource(UpdateRule.class)
    void fourByFourChainInFieldMatchesExactSignedMagnetisation(UpdateRule rule) {
        double h = 0.3;
        double t = 3.0;
        ExactFourByFour exact = ExactFourByFour.of(4, h, t);
        IsingModel model = new IsingModel(4, h);
        model.setSpins(IsingModel.random(4, 12).spins());
        try (IsingSampler sampler = new IsingSampler(model, t, rule, 77, 1)) {
            sampler.sweeps(1000);
            double e = 0.0;
            double m = 0.0;
            for (int k = 0; k < EXACT_SWEEPS; k++) {
                sampler.sweep();
                e += model.energyPerSpin();
                m += model.magnetisationPerSpin();
            }
            assertEquals(exact.energyPerSpin, e / EXACT_SWEEPS, EXACT_E_TOL, "<e>");
            assertEquals(exact.magnetisation, m / EXACT_SWEEPS, EXACT_M_TOL, "<m>");
        }
    }

    @ParameterizedTest
    @EnumSource(UpdateRule.class)
    void lowTemperatureStaysInTheGroundState(UpdateRule rule) {
        try (IsingSampler sampler = new IsingSampler(IsingModel.ordered(16), 0.5, rule, 3, 1)) {
            IsingObservables o = IsingObservables.measure(sampler, 200, 2000, 1);
            assertEquals(-2.0, o.energyPerSpin(), LOW_T_TOL);
            assertEquals(1.0, o.absMagnetisation(), LOW_T_TOL);
        }
    }

    @ParameterizedTest
    @EnumSource(UpdateRule.class)
    void highTemperatureIsDisordered(UpdateRule rule) {
        int L = 32;
        try (IsingSampler sampler = new IsingSampler(IsingModel.ordered(L), 1e3, rule, 4, 1)) {
            IsingObservables o = IsingObservables.measure(sampler, 500, 2000, 1);
            assertEquals(Onsager.energyPerSpin(1e3), o.energyPerSpin(), HIGH_T_E_TOL);
            // For independent spins <|m|> ~ sqrt(2 / (pi N)) = 0.8 / L.
            assertTrue(o.absMagnetisation() < 2.0 / L, "<|m|> = " + o.absMagnetisation());
            assertTrue(o.absMagnetisation() > 0.3 / L, "<|m|> = " + o.absMagnetisation());
        }
    }

    static Stream<Arguments> onsagerCases() {
        return Stream.of(UpdateRule.values())
                .flatMap(r -> Stream.of(Arguments.of(r, 1.5), Arguments.of(r, 3.5)));
    }

    @ParameterizedTest
    @MethodSource("onsagerCases")
    void largeLatticeEnergyMatchesOnsagerAwayFromTc(UpdateRule rule, double t) {
        IsingModel start = t < Onsager.CRITICAL_TEMPERATURE ? IsingModel.ordered(64) : IsingModel.random(64, 8);
        try (IsingSampler sampler = new IsingSampler(start, t, rule, 5, 2)) {
            IsingObservables o = IsingObservables.measure(sampler, 300, 2000, 1);
            double exact = Onsager.energyPerSpin(t);
            assertEquals(exact, o.energyPerSpin(), ONSAGER_REL_TOL * Math.abs(exact), "T=" + t);
        }
    }

    @Test
    void flipTablesSatisfyDetailedBalance() {
        for (UpdateRule rule : UpdateRule.values()) {
            for (double h : new double[] {0.0, 0.4, -1.3}) {
                for (double t : new double[] {0.7, Onsager.CRITICAL_TEMPERATURE, 5.0}) {
                    try (IsingSampler s = new IsingSampler(new IsingModel(4, h), t, rule, 0, 1)) {
                        for (int nb = -4; nb <= 4; nb += 2) {
                            double up = s.flipProbability(-1, nb);
                            double down = s.flipProbability(1, nb);
                            // P(-1 -> +1) / P(+1 -> -1) = p(+1) / p(-1) = exp(2 (nb + h) / T).
                            String where = rule + " h=" + h + " T=" + t + " nb=" + nb;
                            assertEquals(2.0 * (nb + h) / t, Math.log(up) - Math.log(down), BALANCE_TOL, where);
                            if (rule == UpdateRule.METROPOLIS) {
                                assertEquals(1.0, Math.max(up, down), 0.0, where);
                            } else {
                                assertEquals(1.0, up + down, BALANCE_TOL, where);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void chainIsIdenticalForEveryThreadCount() {
        for (int L : new int[] {32, 30}) {
            for (UpdateRule rule : UpdateRule.values()) {
                byte[] reference = null;
                double referenceRate = Double.NaN;
                for (int threads : new int[] {1, 2, 3, 4}) {
                    IsingModel model = IsingModel.random(L, 1);
                    try (IsingSampler s = new IsingSampler(model, 2.3, rule, 99, threads)) {
                        s.sweeps(20);
                        for (int k = 0; k < 17; k++) {
                            s.sweep();
                        }
                        if (reference == null) {
                            reference = model.spins();
                            referenceRate = s.acceptanceRate();
                        } else {
                            assertArrayEquals(reference, model.spins(), rule + " L=" + L + " threads=" + threads);
                            assertEquals(referenceRate, s.acceptanceRate(), 0.0);
                        }
                    }
                }
                IsingModel other = IsingModel.random(L, 1);
                try (IsingSampler s = new IsingSampler(other, 2.3, rule, 100, 2)) {
                    s.sweeps(37);
                }
                assertFalse(Arrays.equals(reference, other.spins()), "another seed must give another chain");
            }
        }
    }

    @Test
    void countersTrackSweepsAndFlips() {
        try (IsingSampler s = new IsingSampler(IsingModel.random(8, 2), 1e3, UpdateRule.METROPOLIS, 1, 2)) {
            assertTrue(Double.isNaN(s.acceptanceRate()));
            s.sweeps(5);
            s.sweep();
            assertEquals(6 * 64, s.updates());
            assertEquals(6, s.sweepsDone());
            assertTrue(s.acceptanceRate() > 0.98, "Metropolis at T = 1000 accepts almost every flip");
            s.setTemperature(0.1);
            assertTrue(Double.isNaN(s.acceptanceRate()), "setTemperature restarts the acceptance count");
            assertEquals(6 * 64, s.updates());
            s.sweeps(0);
            assertEquals(6 * 64, s.updates());
        }
        try (IsingSampler s = new IsingSampler(IsingModel.ordered(8), 0.3, UpdateRule.HEAT_BATH, 1, 1)) {
            s.sweeps(10);
            assertEquals(0.0, s.acceptanceRate(), 0.0, "nothing flips at T = 0.3 in the ground state");
        }
    }

    @Test
    void threadCountIsResolvedAndCapped() {
        try (IsingSampler s = new IsingSampler(IsingModel.ordered(4), 1.0, UpdateRule.METROPOLIS, 0, 0)) {
            assertEquals(Math.min(4, Runtime.getRuntime().availableProcessors()), s.threads());
        }
        try (IsingSampler s = new IsingSampler(IsingModel.ordered(4), 1.0, UpdateRule.METROPOLIS, 0, 16)) {
            assertEquals(4, s.threads());
            s.sweeps(3);
        }
    }

    @Test
    void invalidArgumentsAndClosedSamplersAreRejected() {
        IsingModel m = IsingModel.ordered(4);
        assertThrows(IllegalArgumentException.class, () -> new IsingSampler(null, 1.0, UpdateRule.METROPOLIS, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new IsingSampler(m, 1.0, null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new IsingSampler(m, 0.0, UpdateRule.METROPOLIS, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new IsingSampler(m, -1.0, UpdateRule.METROPOLIS, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new IsingSampler(m, Double.NaN, UpdateRule.METROPOLIS, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new IsingSampler(m, Double.POSITIVE_INFINITY, UpdateRule.METROPOLIS, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new IsingSampler(m, 1.0, UpdateRule.METROPOLIS, 0, -1));
        IsingSampler s = new IsingSampler(m, 1.0, UpdateRule.HEAT_BATH, 0, 2);
        assertThrows(IllegalArgumentException.class, () -> s.sweeps(-1));
        assertThrows(IllegalArgumentException.class, () -> s.setTemperature(0.0));
        assertThrows(IllegalArgumentException.class, () -> s.flipProbability(0, 0));
        assertThrows(IllegalArgumentException.class, () -> s.flipProbability(1, 1));
        assertThrows(IllegalArgumentException.class, () -> s.flipProbability(1, 6));
        s.close();
        s.close();
        assertThrows(IllegalStateException.class, s::sweep);
    }
}
