package org.ebmjava.nb;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs code with System.out and System.err captured, so tests print nothing and can check output. */
final class StdStreams {
    final String out;
    final String err;

    private StdStreams(String out, String err) {
        this.out = out;
        this.err = err;
    }

    static StdStreams capture(Runnable r) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new StdStreams(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A clock for tests, in nanoseconds, advanced by hand. */
    static final class FakeClock implements java.util.function.LongSupplier {
        long nanos;

        void advanceMillis(long ms) {
            nanos += ms * 1_000_000L;
        }

        @Override
        public long getAsLong() {
            return nanos;
        }
    }
}
