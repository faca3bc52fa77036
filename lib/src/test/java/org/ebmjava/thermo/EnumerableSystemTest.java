package org.ebmjava.thermo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnumerableSystemTest {

    private static final double TOL = 1e-12;

    @Test
    void binaryHasTwoToTheNDistinctStatesInCountingOrder() {
        for (int n = 1; n <= 10; n++) {
            EnumerableSystem<int[]> sys = EnumerableSystem.binary(n, s -> 0.0);
            assertEquals(1 << n, sys.size());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < sys.size(); i++) {
                int[] s = sys.state(i);
                assertEquals(n, s.length);
                int code = 0;
                for (int k = 0; k < n; k++) {
                    assertTrue(s[k] == 0 || s[k] == 1);
                    code |= s[k] << k;
                }
                assertEquals(i, code, "bit k of the index is unit k");
                seen.add(Arrays.toString(s));
            }
            assertEquals(1 << n, seen.size());
        }
        assertArrayEquals(new int[] {1, 0, 0}, EnumerableSystem.binary(3, s -> 0.0).state(1));
        assertArrayEquals(new int[] {0, 1, 1}, EnumerableSystem.binary(3, s -> 0.0).state(6));
    }

    @Test
    void spinsMapZeroToMinusOne() {
        EnumerableSystem<int[]> sys = EnumerableSystem.spins(3, s -> 0.0);
        assertEquals(8, sys.size());
        assertArrayEquals(new int[] {-1, -1, -1}, sys.state(0));
        assertArrayEquals(new int[] {1, -1, 1}, sys.state(5));
        assertArrayEquals(new int[] {1, 1, 1}, sys.state(7));
    }

    @Test
    void energiesAreTheEnergyFunctionOfEachState() {
        EnumerableSystem<int[]> sys = EnumerableSystem.binary(5, s -> Arrays.stream(s).sum() - 0.5 * s[0]);
        for (int i = 0; i < sys.size(); i++) {
            assertEquals(Integer.bitCount(i) - 0.5 * (i & 1), sys.energy(i), 0.0);
            assertEquals(sys.energy(i), sys.energies()[i], 0.0);
        }
        EnumerableSystem<String> words = EnumerableSystem.of(List.of("a", "bbb", "cc"), String::length);
        assertArrayEquals(new double[] {1.0, 3.0, 2.0}, words.energies(), 0.0);
        assertEquals("bbb", words.state(1));
        assertEquals(List.of("a", "bbb", "cc"), words.states());
    }

    @Test
    void statesAreFreshCopiesForBinarySystems() {
        EnumerableSystem<int[]> sys = EnumerableSystem.binary(2, s -> s[0] + 2.0 * s[1]);
        sys.state(3)[0] = 99;
        sys.states().get(3)[1] = 99;
        assertArrayEquals(new int[] {1, 1}, sys.state(3));
        sys.energies()[0] = 42.0;
        assertEquals(0.0, sys.energy(0), 0.0);
        assertEquals(4, sys.states().size());
    }

    @Test
    void isingChainGroundStateEntropyAndPartitionFunction() {
        // Open chain of 4 spins with coupling J = 1: E = -sum s_k s_{k+1}; Z = 2 (2 cosh(1/T))^3.
        EnumerableSystem<int[]> chain = EnumerableSystem.spins(4,
                s -> -(s[0] * s[1] + s[1] * s[2] + s[2] * s[3]));
        for (double t : new double[] {0.5, 1.0, 3.0}) {
            double logZ = Math.log(2.0) + 3.0 * Math.log(2.0 * Math.cosh(1.0 / t));
            assertEquals(logZ, chain.at(t).logPartitionFunction(), TOL);
            assertEquals(-3.0 * Math.tanh(1.0 / t), chain.at(t).meanEnergy(), TOL);
        }
        // Two ground states (all up, all down).
        assertEquals(Math.log(2.0), chain.at(0.02).entropy(), 1e-9);
        assertEquals(chain.at(1.0).logPartitionFunction(),
                BoltzmannDistribution.of(chain, 1.0).logPartitionFunction(), 0.0);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> EnumerableSystem.binary(0, s -> 0.0));
        assertThrows(IllegalArgumentException.class, () -> EnumerableSystem.binary(25, s -> 0.0));
        assertThrows(IllegalArgumentException.class, () -> EnumerableSystem.spins(-1, s -> 0.0));
        assertThrows(IllegalArgumentException.class, () -> EnumerableSystem.binary(3, null));
        assertThrows(IllegalArgumentException.class, () -> EnumerableSystem.of(List.of(), (String s) -> 0.0));
        assertThrows(IllegalArgumentException.class, () -> EnumerableSystem.of(null, (String s) -> 0.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnumerableSystem.binary(2, s -> s[0] == 1 && s[1] == 1 ? Double.NaN : 0.0));
        assertTrue(e.getMessage().contains("state 3"), e.getMessage());
        EnumerableSystem<int[]> sys = EnumerableSystem.binary(2, s -> 0.0);
        assertThrows(IllegalArgumentException.class, () -> sys.state(4));
        assertThrows(IllegalArgumentException.class, () -> sys.energy(-1));
        assertThrows(IllegalArgumentException.class, () -> sys.at(0.0));
    }
}
