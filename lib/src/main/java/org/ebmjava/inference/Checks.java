package org.ebmjava.inference;

/** Argument checks shared by the package. */
final class Checks {

    private Checks() {}

    /** Checks that T is finite and positive. */
    static void temperature(double temperature) {
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, found " + temperature);
        }
    }

    /** Checks that a value is finite. */
    static void finite(double v, String name) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, found " + v);
        }
    }

    /** Checks that a value is finite and positive. */
    static void positive(double v, String name) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, found " + v);
        }
    }
}
