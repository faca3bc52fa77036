package org.ebmjava.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CoolingScheduleTest {

    private static final double TOL = 1e-12;
    private static final int N = 1000;

    @Test
    void closedForms() {
        CoolingSchedule exp = CoolingSchedule.exponential(2.0, 0.999);
        CoolingSchedule poly = CoolingSchedule.polynomial(3.0, 0.5);
        CoolingSchedule lin = CoolingSchedule.linear(4.0);
        CoolingSchedule log = CoolingSchedule.logarithmic(1.5);
        for (int k : new int[] {0, 1, 7, 250, 999}) {
            assertEquals(2.0 * Math.pow(0.999, k), exp.temperature(k, N), TOL);
            assertEquals(3.0 / Math.sqrt(1.0 + k), poly.temperature(k, N), TOL);
            assertEquals(4.0 * (1.0 - k / (double) N), lin.temperature(k, N), TOL);
            assertEquals(1.5 / Math.log(k + Math.E), log.temperature(k, N), TOL);
            assertEquals(0.7, CoolingSchedule.constant(0.7).temperature(k, N), 0.0);
        }
        assertEquals(2.0, exp.temperature(0, N), 0.0);
        assertEquals(1.5, log.temperature(0, N), TOL);
    }

    @Test
    void linearEndsAtZeroAndStaysThere() {
        CoolingSchedule lin = CoolingSchedule.linear(4.0);
        assertEquals(0.0, lin.temperature(N, N), 0.0);
        assertEquals(0.0, lin.temperature(N + 10, N), 0.0);
        assertEquals(4.0, lin.temperature(0, N), 0.0);
        assertEquals(2.0, lin.temperature(N / 2, N), TOL);
        double[] t = lin.temperatures(N);
        assertEquals(N + 1, t.length);
        assertEquals(0.0, t[N], 0.0);
    }

    static Stream<CoolingSchedule> schedules() {
        return Stream.of(CoolingSchedule.constant(1.0), CoolingSchedule.constant(0.0),
                CoolingSchedule.exponential(5.0, 0.99), CoolingSchedule.exponential(5.0, 1.0),
                CoolingSchedule.polynomial(5.0, 1.0), CoolingSchedule.polynomial(5.0, 0.0),
                CoolingSchedule.linear(5.0), CoolingSchedule.logarithmic(5.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void monotoneNonIncreasingAndNonNegative(CoolingSchedule s) {
        double[] t = s.temperatures(N);
        for (int k = 0; k <= N; k++) {
            assertTrue(t[k] >= 0.0 && Double.isFinite(t[k]));
            assertEquals(s.temperature(k, N), t[k], 0.0);
            if (k > 0) {
                assertTrue(t[k] <= t[k - 1], "T_" + k + " > T_" + (k - 1));
            }
        }
    }

    @Test
    void namesShowParameters() {
        assertEquals("exponential(T0=2, a=0.999)", CoolingSchedule.exponential(2.0, 0.999).name());
        assertEquals("constant(T=0)", CoolingSchedule.constant(0.0).name());
        assertEquals("polynomial(T0=1.5, p=1)", CoolingSchedule.polynomial(1.5, 1.0).name());
        assertEquals("linear(T0=10)", CoolingSchedule.linear(10.0).name());
        assertEquals("exponential(T0=10, a=0.996552)", CoolingSchedule.exponential(10.0, 0.9965520801347684).name());
        assertEquals("logarithmic(c=3)", CoolingSchedule.logarithmic(3.0).name());
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> CoolingSchedule.constant(-1.0));
        assertThrows(IllegalArgumentException.class, () -> CoolingSchedule.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CoolingSchedule.exponential(1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> CoolingSchedule.exponential(1.0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> CoolingSchedule.polynomial(1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> CoolingSchedule.linear(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> CoolingSchedule.linear(1.0).temperature(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> CoolingSchedule.linear(1.0).temperature(0, 0));
        assertThrows(IllegalArgumentException.class, () -> CoolingSchedule.constant(1.0).temperatures(0));
    }
}
