package org.ebmjava.grader;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Message kinds and the encoding of one call's outcome, shared by the grader and the sandboxed evaluator.
 *
 * <p>Requests (grader to evaluator): {@link #PRELUDE}, {@link #EVAL}, {@link #BIND}, {@link #RECORD},
 * {@link #CALL}; each gets exactly one reply frame. An outcome is: a byte (returned or threw), then the return
 * value or the exception's class name, message and notebook line, then for every array parameter whether the
 * callee changed it and, if so, its new contents.
 */
final class Protocol {
    static final byte PRELUDE = 'P';
    static final byte EVAL = 'E';
    static final byte BIND = 'B';
    static final byte RECORD = 'R';
    static final byte CALL = 'C';

    static final byte OK = 0;
    static final byte REJECTED = 1;
    static final byte THREW = 2;

    static final byte RETURNED = 0;
    static final byte RAISED = 1;

    /** Longest exception message carried. */
    static final int MAX_MESSAGE = 2000;

    private Protocol() {}

    /** Encodes an outcome: the result or exception, then changes to array arguments. */
    static void writeOutcome(DataOutputStream out, Method m, Object[] before, Object[] after, Object result,
            Throwable thrown) throws IOException {
        if (thrown == null) {
            out.writeByte(RETURNED);
            Wire.write(out, m.getReturnType(), result);
        } else {
            out.writeByte(RAISED);
            Wire.writeString(out, thrown.getClass().getName());
            String msg = String.valueOf(thrown.getMessage());
            Wire.writeString(out, msg.length() > MAX_MESSAGE ? msg.substring(0, MAX_MESSAGE) + "..." : msg);
            int line = -1;
            for (StackTraceElement e : thrown.getStackTrace()) {
                if (e.getClassName().startsWith("REPL.")) {
                    line = e.getLineNumber();
                    break;
                }
            }
            out.writeInt(line);
        }
        Class<?>[] types = m.getParameterTypes();
        for (int k = 0; k < types.length; k++) {
            if (!types[k].isArray()) {
                continue;
            }
            boolean changed = !java.util.Arrays.equals(bytes(types[k], before[k]), bytes(types[k], after[k]));
            out.writeBoolean(changed);
            if (changed) {
                Wire.write(out, types[k], after[k]);
            }
        }
    }

    /** The encoded arguments of a call, whose hash keys a recorded outcome. */
    static long argsHash(Method m, Object[] args) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        Class<?>[] types = m.getParameterTypes();
        for (int k = 0; k < types.length; k++) {
            Wire.write(d, types[k], args[k]);
        }
        d.flush();
        long h = 0xcbf29ce484222325L;             // 64-bit FNV-1a
        for (byte x : b.toByteArray()) {
            h = (h ^ (x & 0xff)) * 0x100000001b3L;
        }
        return h ^ ((long) m.getName().hashCode() << 32);
    }

    static byte[] bytes(Class<?> type, Object v) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        Wire.write(d, type, v);
        d.flush();
        return b.toByteArray();
    }

    /** A decoded outcome. */
    record Outcome(Object value, String exceptionClass, String message, int line, Object[] changedArrays) {
        boolean threw() {
            return exceptionClass != null;
        }
    }

    static Outcome readOutcome(DataInputStream in, Method m) throws IOException {
        byte kind = in.readByte();
        Object value = null;
        String cls = null;
        String msg = null;
        int line = -1;
        if (kind == RETURNED) {
            value = Wire.read(in, m.getReturnType());
        } else if (kind == RAISED) {
            cls = Wire.readString(in);
            msg = Wire.readString(in);
            line = in.readInt();
        } else {
            throw new IOException("bad outcome kind " + kind);
        }
        Class<?>[] types = m.getParameterTypes();
        Object[] changed = new Object[types.length];
        for (int k = 0; k < types.length; k++) {
            if (types[k].isArray() && in.readBoolean()) {
                changed[k] = Wire.read(in, types[k]);
            }
        }
        return new Outcome(value, cls, msg, line, changed);
    }
}
