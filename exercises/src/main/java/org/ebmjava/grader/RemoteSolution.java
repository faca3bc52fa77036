package org.ebmjava.grader;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The implementation the trusted grader hands to an exercise's checks: a {@link java.lang.reflect.Proxy} of the
 * spec whose every call is answered by the student's code in the sandbox.
 *
 * <p>Answers come from the transcript the sandbox recorded while running the same checks (served only while each
 * call's arguments hash to the recorded ones, in order), and otherwise from a live call over the channel under a
 * deadline. Either way the sandbox only supplies the function's value; the checks, their assertions and the
 * verdict stay in the trusted process. Exceptions are rebuilt only for a fixed list of standard types; anything
 * else becomes a failed assertion naming it.
 */
final class RemoteSolution implements InvocationHandler {
    /** A failed check whose message the grader wrote (not the student). */
    static final class SubmissionError extends AssertionError {
        private static final long serialVersionUID = 1L;

        SubmissionError(String message) {
            super(message);
        }
    }

    private static final Map<String, Function<String, RuntimeException>> REBUILT = Map.ofEntries(
            Map.entry("java.lang.IllegalArgumentException", IllegalArgumentException::new),
            Map.entry("java.lang.IllegalStateException", IllegalStateException::new),
            Map.entry("java.lang.UnsupportedOperationException", UnsupportedOperationException::new),
            Map.entry("java.lang.ArithmeticException", ArithmeticException::new),
            Map.entry("java.lang.ArrayIndexOutOfBoundsException", ArrayIndexOutOfBoundsException::new),
            Map.entry("java.lang.IndexOutOfBoundsException", IndexOutOfBoundsException::new),
            Map.entry("java.lang.NegativeArraySizeException", NegativeArraySizeException::new),
            Map.entry("java.lang.NullPointerException", NullPointerException::new),
            Map.entry("java.lang.ClassCastException", ClassCastException::new),
            Map.entry("java.lang.NumberFormatException", NumberFormatException::new));

    /** Sends a live call and returns the reply; throws if the process is gone. */
    interface Live {
        byte[] call(byte[] request) throws Session.Gone;
    }

    private final Class<?> spec;
    private final int index;
    private final List<Method> methods;
    private final Live live;
    private DataInputStream transcript;
    private int remaining;
    private Session.Gone gone;
    private String failure;
    private String denied;
    private int liveCalls;
    private int replayed;

    RemoteSolution(Class<?> spec, int index, byte[] transcriptEntries, int count, Live live) {
        this.spec = spec;
        this.index = index;
        this.methods = Wire.methods(spec);
        this.live = live;
        this.transcript = transcriptEntries == null ? null : Wire.reader(transcriptEntries);
        this.remaining = transcriptEntries == null ? 0 : count;
    }

    /** Every call fails with this message (a cell that did not compile, a process that ended). */
    static RemoteSolution failing(Class<?> spec, String message) {
        RemoteSolution r = new RemoteSolution(spec, -1, null, 0, req -> {
            throw new IllegalStateException("no live calls");
        });
        r.failure = message;
        return r;
    }

    @Override
    public synchronized Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        if (m.getDeclaringClass() == Object.class) {
            return switch (m.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "submission's " + spec.getSimpleName();
            };
        }
        if (failure != null) {
            throw new SubmissionError(failure);
        }
        Object[] a = args == null ? new Object[0] : args;
        Protocol.Outcome o = null;
        if (remaining > 0) {
            long hash = Protocol.argsHash(m, a);
            try {
                if (transcript.readLong() == hash) {
                    o = Protocol.readOutcome(transcript, m);
                    remaining--;
                    replayed++;
                } else {
                    remaining = 0;
                }
            } catch (IOException e) {
                remaining = 0;
            }
        }
        if (o == null) {
            o = callLive(m, a);
        }
        Class<?>[] types = m.getParameterTypes();
        for (int k = 0; k < types.length; k++) {
            if (o.changedArrays()[k] != null) {
                Wire.copyInto(a[k], o.changedArrays()[k]);
            }
        }
        if (o.threw()) {
            throw rebuild(o);
        }
        return o.value();
    }

    private Protocol.Outcome callLive(Method m, Object[] a) {
        liveCalls++;
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.writeByte(Protocol.CALL);
            d.writeInt(index);
            Wire.writeString(d, spec.getName());
            d.writeInt(methods.indexOf(m));
            Class<?>[] types = m.getParameterTypes();
            for (int k = 0; k < types.length; k++) {
                Wire.write(d, types[k], a[k]);
            }
            d.flush();
            byte[] reply = live.call(b.toByteArray());
            return Protocol.readOutcome(Wire.reader(reply), m);
        } catch (Session.Gone g) {
            gone = g;
            failure = "your code " + g.getMessage();
            throw new SubmissionError(failure);
        } catch (IOException e) {
            failure = "the submission's reply could not be read: " + e.getMessage();
            throw new SubmissionError(failure);
        }
    }

    private Throwable rebuild(Protocol.Outcome o) {
        String cls = o.exceptionClass();
        String msg = o.message();
        if (cls.startsWith("java.io.") || cls.startsWith("java.nio.") || cls.startsWith("java.net.")
                || cls.equals("java.lang.SecurityException") || msg.contains("Cannot run program")) {
            if (denied == null) {
                denied = cls + ": " + msg;
            }
        }
        Function<String, RuntimeException> f = REBUILT.get(cls);
        String where = o.line() > 0 ? " (in the notebook cell, line " + o.line() + ")" : "";
        if (f == null) {
            return new SubmissionError("your code threw " + cls.substring(cls.lastIndexOf('.') + 1) + ": " + msg
                    + where);
        }
        RuntimeException e = f.apply(msg);
        e.setStackTrace(o.line() > 0 ? new StackTraceElement[] {
            new StackTraceElement("REPL.$JShell$solution", "call", "solution cell", o.line())}
            : new StackTraceElement[0]);
        return e;
    }

    /** The process failure met during this exercise, or null. */
    Session.Gone gone() {
        return gone;
    }

    /** The first sandbox denial (I/O, network, process) the student's code met, or null. */
    String denied() {
        return denied;
    }

    int liveCalls() {
        return liveCalls;
    }

    int replayed() {
        return replayed;
    }
}
