package org.ebmjava.grader;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Message kinds and the encoding of one call's outcome, shared by the grader and the sandboxed evaluator.
 *
 * <p>Requests (grader to evaluator): {@link #COMPILE} (all solution cells at once, the fast path), or
 * {@link #PRELUDE}, {@link #EVAL}, {@link #BIND} (JShell, cell by cell), then {@link #RECORD} and {@link #CALL};
 * each gets exactly one reply frame. An outcome is: a byte (returned or threw), then the return
 * value or the exception's class name, message and notebook line, then for every array parameter whether the
 * callee changed it and, if so, its new contents.
 */
final class Protocol {
    static final byte COMPILE = 'K';
    static final byte PRELUDE = 'P';
    static final byte EVAL = 'E';
    static final byte BIND = 'B';
    static final byte RECORD = 'R';
    static final byte CALL = 'C';

    static final byte OK = 0;
    static final byte REJECTED = 1;
    static final byte THREW = 2;
    /** Reply to {@link #COMPILE}: the cells do not compile as one class; no student code ran. */
    static final byte UNCOMPILED = 3;

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
                line = Evaluator.cellLine(e);
                if (line >= 0 || e.getClassName().startsWith("REPL.")) {
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
            boolean changed = !same(before[k], after[k]);
            out.writeBoolean(changed);
            if (changed) {
                Wire.write(out, types[k], after[k]);
            }
        }
    }

    /**
     * A 64-bit hash of a call's method and arguments (every bit of every value, array shapes and nulls), which keys a
     * recorded outcome. Computed the same way on both sides, without encoding or allocating.
     */
    static long argsHash(Method m, Object[] args) {
        long h = mix(0x9e3779b97f4a7c15L, m.getName().hashCode());
        for (Object a : args) {
            h = hash(h, a);
        }
        return h;
    }

    private static long mix(long h, long v) {
        h ^= v + 0x9e3779b97f4a7c15L + (h << 6) + (h >>> 2);
        h *= 0xbf58476d1ce4e5b9L;
        return h ^ (h >>> 31);
    }

    private static long hash(long h, Object a) {
        if (a == null) {
            return mix(h, 0x5bd1e995L);
        }
        if (a instanceof double[] d) {
            h = mix(h, d.length);
            for (double x : d) {
                h = mix(h, Double.doubleToRawLongBits(x));
            }
        } else if (a instanceof int[] d) {
            h = mix(h, d.length);
            for (int x : d) {
                h = mix(h, x);
            }
        } else if (a instanceof long[] d) {
            h = mix(h, d.length);
            for (long x : d) {
                h = mix(h, x);
            }
        } else if (a instanceof float[] d) {
            h = mix(h, d.length);
            for (float x : d) {
                h = mix(h, Float.floatToRawIntBits(x));
            }
        } else if (a instanceof boolean[] d) {
            h = mix(h, d.length);
            for (boolean x : d) {
                h = mix(h, x ? 1 : 2);
            }
        } else if (a instanceof Object[] rows) {
            h = mix(h, -rows.length - 1L);
            for (Object r : rows) {
                h = hash(h, r);
            }
        } else if (a instanceof Double x) {
            h = mix(h, Double.doubleToRawLongBits(x));
        } else if (a instanceof Float x) {
            h = mix(h, Float.floatToRawIntBits(x));
        } else if (a instanceof Number x) {
            h = mix(h, x.longValue());
        } else if (a instanceof Boolean x) {
            h = mix(h, x ? 1 : 2);
        } else if (a instanceof Character x) {
            h = mix(h, x);
        } else {
            h = mix(h, a.hashCode());                     // String (records never appear as arguments)
        }
        return h;
    }

    /** Whether two arrays of a channel type hold the same values (bit for bit). */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof double[] x) {
            double[] y = (double[]) b;
            if (x.length != y.length) {
                return false;
            }
            for (int k = 0; k < x.length; k++) {
                if (Double.doubleToRawLongBits(x[k]) != Double.doubleToRawLongBits(y[k])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof float[] x) {
            float[] y = (float[]) b;
            if (x.length != y.length) {
                return false;
            }
            for (int k = 0; k < x.length; k++) {
                if (Float.floatToRawIntBits(x[k]) != Float.floatToRawIntBits(y[k])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof int[] x) {
            return java.util.Arrays.equals(x, (int[]) b);
        }
        if (a instanceof long[] x) {
            return java.util.Arrays.equals(x, (long[]) b);
        }
        if (a instanceof boolean[] x) {
            return java.util.Arrays.equals(x, (boolean[]) b);
        }
        Object[] x = (Object[]) a;
        Object[] y = (Object[]) b;
        if (x.length != y.length) {
            return false;
        }
        for (int k = 0; k < x.length; k++) {
            if (!same(x[k], y[k])) {
                return false;
            }
        }
        return true;
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
