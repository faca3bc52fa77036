package org.ebmjava;

/** Library-wide constants. */
public final class Ebm {
    /** The seed every example uses unless told otherwise. */
    public static final long DEFAULT_SEED = 42L;

    private Ebm() {}
}
