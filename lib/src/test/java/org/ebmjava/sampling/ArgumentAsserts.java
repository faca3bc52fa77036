package org.ebmjava.sampling;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that bad input is rejected with a message naming the argument and the value. */
public final class ArgumentAsserts {

    private ArgumentAsserts() {}

    /**
     * Asserts that the call throws an IllegalArgumentException whose message contains both strings.
     *
     * @param call The call.
     * @param name The argument's name, as the message should give it.
     * @param value The offending value (or a word describing it), as the message should give it.
     */
    public static void assertMessage(Executable call, String name, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(value),
                "message should name " + name + " and " + value + ": " + e.getMessage());
    }
}
