package org.ebmjava;

/**
 * Keeps the off-heap garbage of long ND4J loops bounded.
 *
 * <p>ND4J's arrays live in native memory that is freed only when the Java garbage collector finds their small Java
 * handles. A loop that allocates temporaries but hardly touches the Java heap can pile up hundreds of megabytes of
 * such garbage before any collection runs (measured: a 900-step softmax-regression fit grew a notebook kernel from
 * 0.4 to 1.0 GB, and one collection brought it back to 0.6 GB). Long loops in the library therefore call
 * {@link #collectIfDue()}, which runs {@code System.gc()} at most once per {@link #INTERVAL_MILLIS}; the call is
 * otherwise a clock read.
 */
public final class NativeMemory {
    /** Minimum time between two collections requested through {@link #collectIfDue()}, in milliseconds. */
    public static final long INTERVAL_MILLIS = 1_000;

    private static volatile long lastNanos = System.nanoTime();

    private NativeMemory() {}

    /**
     * Runs a garbage collection if none was requested here in the last {@link #INTERVAL_MILLIS} milliseconds.
     *
     * @return True if this call ran one.
     */
    public static boolean collectIfDue() {
        long now = System.nanoTime();
        if (now - lastNanos < INTERVAL_MILLIS * 1_000_000L) {
            return false;
        }
        lastNanos = now;
        System.gc();
        return true;
    }
}
