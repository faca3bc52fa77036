package org.ebmjava.grader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.ebmjava.exercises.check.CheckRunner;

/**
 * The untrusted side: the main class of the sandboxed process that evaluates one student's solution cells with
 * JShell and answers the grader's calls on the resulting objects. Nothing here is trusted: student code runs in
 * this JVM and may replace any of it. It never decides a verdict; it only returns the values the student's
 * functions compute (see the package documentation).
 *
 * <p>Standard output is the channel to the grader, so {@code System.out} is redirected to standard error, which
 * the grader reads only up to a byte cap and never interprets.
 */
public final class Evaluator {
    private static final Object[] BOUND = new Object[256];

    private Evaluator() {}

    /**
     * Called from a JShell snippet to hand over the object a check cell would pass to {@code check(...)}.
     *
     * @param index The exercise's slot.
     * @param implementation The object.
     */
    public static void bind(int index, Object implementation) {
        BOUND[index] = implementation;
    }

    /**
     * Runs the evaluator: reads requests on standard input, answers on standard output.
     *
     * @param args Unused.
     * @throws IOException If the channel fails.
     */
    public static void main(String[] args) throws IOException {
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(err);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        JShell shell = JShell.builder().executionEngine("local").out(err).err(err).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        byte[] frame;
        while ((frame = Wire.readFrame(in)) != null) {
            DataInputStream req = Wire.reader(frame);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream rep = new DataOutputStream(buf);
            byte kind = req.readByte();
            switch (kind) {
                case Protocol.PRELUDE, Protocol.EVAL -> eval(shell, Wire.readString(req), rep);
                case Protocol.BIND -> bind(shell, req, rep);
                case Protocol.RECORD -> record(req, rep);
                case Protocol.CALL -> call(req, rep);
                default -> throw new IOException("unknown request " + kind);
            }
            rep.flush();
            Wire.writeFrame(out, buf.toByteArray());
        }
        System.exit(0);
    }

    /** Evaluates a cell snippet by snippet; replies OK, or REJECTED/THREW with the first problem. */
    private static void eval(JShell shell, String source, DataOutputStream rep) throws IOException {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        StringBuilder clean = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            // IJava magics (%jars, %%time, ...) are notebook commands, not Java: the grader ignores them.
            clean.append(line.stripLeading().startsWith("%") ? "" : line).append('\n');
        }
        String rest = clean.toString();
        int offset = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(rest);
            String snippet = ci.source();
            if (snippet == null || ci.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || ci.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                snippet = rest;
            }
            int lineBase = line(clean, offset);
            for (SnippetEvent e : shell.eval(snippet)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    StringBuilder msg = new StringBuilder();
                    for (Diag d : shell.diagnostics(e.snippet()).toList()) {
                        if (d.isError()) {
                            long pos = Math.max(0, d.getStartPosition());
                            int l = lineBase + countLines(e.snippet().source(), (int) Math.min(pos,
                                    e.snippet().source().length()));
                            msg.append("line ").append(l).append(": ").append(d.getMessage(Locale.ROOT)).append("; ");
                        }
                    }
                    rep.writeByte(Protocol.REJECTED);
                    Wire.writeString(rep, msg.length() == 0 ? "does not compile" : msg.toString());
                    return;
                }
                if (e.exception() != null) {
                    Throwable t = e.exception();
                    String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
                    rep.writeByte(Protocol.THREW);
                    Wire.writeString(rep, name + ": " + t.getMessage());
                    return;
                }
            }
            int consumed = ci.remaining() == null ? rest.length() : rest.length() - ci.remaining().length();
            if (consumed <= 0) {
                break;
            }
            offset += consumed;
            rest = ci.remaining() == null ? "" : ci.remaining();
        }
        rep.writeByte(Protocol.OK);
        Wire.writeString(rep, "");
    }

    private static int line(CharSequence s, int offset) {
        return 1 + countLines(s, offset);
    }

    private static int countLines(CharSequence s, int end) {
        int n = 0;
        for (int k = 0; k < end && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static void bind(JShell shell, DataInputStream req, DataOutputStream rep) throws IOException {
        int index = req.readInt();
        String spec = Wire.readString(req);
        String expr = Wire.readString(req);
        BOUND[index] = null;
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        eval(shell, "org.ebmjava.grader.Evaluator.bind(" + index + ", " + expr + ");",
                new DataOutputStream(ignored));
        Object o = BOUND[index];
        Class<?> type;
        try {
            type = Class.forName(spec);
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
        if (o == null) {
            rep.writeByte(Protocol.REJECTED);
            Wire.writeString(rep, "the check cell passes '" + expr + "' to check(...), but the solution cell does "
                    + "not define it (or it is null)");
        } else if (!type.isInstance(o)) {
            rep.writeByte(Protocol.REJECTED);
            Wire.writeString(rep, "'" + expr + "' must be a " + type.getSimpleName() + ", found "
                    + o.getClass().getName());
        } else {
            rep.writeByte(Protocol.OK);
            Wire.writeString(rep, "");
        }
    }

    private static Class<?> spec(String name) throws IOException {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    /** Runs the exercise's checks here against a recording proxy, and replies with every call's outcome. */
    private static void record(DataInputStream req, DataOutputStream rep) throws IOException {
        int index = req.readInt();
        Class<?> spec = spec(Wire.readString(req));
        String exerciseId = Wire.readString(req);
        long timeoutMs = req.readLong();
        Object impl = BOUND[index];
        Recorder recorder = new Recorder(impl);
        Object proxy = Proxy.newProxyInstance(spec.getClassLoader(), new Class<?>[] {spec}, recorder);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        CheckRunner.run(exerciseId, proxy, Duration.ofMillis(timeoutMs));
        int left = leftRunning(before);
        if (left > 0) {
            try {
                Thread.sleep(200);                 // JUnit's own timeout threads end just after their check
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            left = leftRunning(before);
        }
        synchronized (recorder) {
            recorder.closed = true;
            rep.writeInt(left);
            rep.writeInt(recorder.count);
            recorder.entries.writeTo(rep);
        }
    }

    private static int leftRunning(Set<Thread> before) {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    /** Answers one live call. */
    private static void call(DataInputStream req, DataOutputStream rep) throws IOException {
        int index = req.readInt();
        Class<?> spec = spec(Wire.readString(req));
        int methodIndex = req.readInt();
        Method m = Wire.methods(spec).get(methodIndex);
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int k = 0; k < types.length; k++) {
            args[k] = Wire.read(req, types[k]);
        }
        Object[] before = Wire.copyArrays(types, args);
        Object result = null;
        Throwable thrown = null;
        try {
            result = m.invoke(BOUND[index], args);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        } catch (ReflectiveOperationException | RuntimeException e) {
            thrown = e;
        }
        Protocol.writeOutcome(rep, m, before, args, result, thrown);
    }

    /** Calls the student's object and records each call's argument hash and outcome, in call order. */
    private static final class Recorder implements java.lang.reflect.InvocationHandler {
        /** Stop recording past this many bytes; later calls are then answered live. */
        private static final int MAX_BYTES = Wire.MAX_FRAME / 2;
        private final Object impl;
        private final ByteArrayOutputStream entries = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(entries);
        private int count;
        private boolean busy;
        private boolean spoiled;
        private boolean closed;

        Recorder(Object impl) {
            this.impl = impl;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "solution";
                };
            }
            Object[] a = args == null ? new Object[0] : args;
            long hash = Protocol.argsHash(m, a);
            Object[] before = Wire.copyArrays(m.getParameterTypes(), a);
            synchronized (this) {
                if (busy || spoiled) {
                    // An abandoned (timed-out) call is still running: the order is lost, so stop calling the code
                    // here; the grader asks for these calls live.
                    spoiled = true;
                    throw new IllegalStateException("not recorded: an earlier call is still running");
                }
                busy = true;
            }
            Object result = null;
            Throwable thrown = null;
            try {
                result = m.invoke(impl, a);
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            }
            synchronized (this) {
                busy = false;
                if (!spoiled && !closed && entries.size() < MAX_BYTES) {
                    out.writeLong(hash);
                    Protocol.writeOutcome(out, m, before, a, result, thrown);
                    count++;
                } else {
                    spoiled = true;
                }
            }
            if (thrown != null) {
                throw thrown;
            }
            return result;
        }
    }
}
