package org.ebmjava;

/** Library-wide constants: the default seed and the library's version. */
public final class Ebm {
    /** The seed every example, test and notebook uses unless told otherwise. */
    public static final long DEFAULT_SEED = 42L;

    private Ebm() {}

    /**
     * The library's version, from the jar's manifest.
     *
     * @return The version, or {@code "dev"} when run from classes outside a jar.
     */
    public static String version() {
        String v = Ebm.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
