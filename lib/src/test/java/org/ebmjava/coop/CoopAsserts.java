package org.ebmjava.coop;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the coop tests. */
final class CoopAsserts {
    private CoopAsserts() {}

    /** Asserts that the call throws IllegalArgumentException whose message starts by naming the argument. */
    static void assertNamed(Executable call, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(name), "message should name " + name + ": " + e.getMessage());
    }
}
