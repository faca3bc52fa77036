package org.ebmjava.grader;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The narrow channel between the trusted grader and a sandboxed submission: length-prefixed frames carrying only
 * values of the types {@link #allowed(Class)} accepts, each decoded by the type the exercise's spec declares (never
 * by a type name the other side sends), with every length checked against the bytes actually present.
 *
 * <p>Allowed: primitives, {@code String}, one- to three-dimensional arrays of {@code double}, {@code float},
 * {@code int}, {@code long} and {@code boolean}, and records whose components are all of those types (such as
 * {@code ex05.RbmGradient}). Every registered spec keeps to them (a test checks it).
 */
final class Wire {
    /** Largest frame either side accepts. */
    static final int MAX_FRAME = 64 << 20;

    private Wire() {}

    /**
     * Whether values of a type may cross the channel.
     *
     * @param t The declared type of a parameter or return value.
     * @return True when allowed.
     */
    static boolean allowed(Class<?> t) {
        return plain(t) || t == void.class || (t.isRecord() && Arrays.stream(t.getRecordComponents())
                .allMatch(c -> plain(c.getType())));
    }

    private static boolean plain(Class<?> t) {
        if (t.isPrimitive()) {
            return t != void.class;
        }
        if (t == String.class) {
            return true;
        }
        Class<?> c = t;
        int dims = 0;
        while (c.isArray()) {
            c = c.getComponentType();
            dims++;
        }
        return dims >= 1 && dims <= 3 && (c == double.class || c == float.class || c == int.class || c == long.class
                || c == boolean.class);
    }

    /**
     * The spec's abstract methods in a fixed order (name, then parameter types), the same on both sides.
     *
     * @param spec The exercise interface.
     * @return Its abstract methods.
     */
    static List<Method> methods(Class<?> spec) {
        return Arrays.stream(spec.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers()))
                .sorted(Comparator.comparing((Method m) -> m.getName())
                        .thenComparing(m -> Arrays.toString(m.getParameterTypes())))
                .toList();
    }

    // ---- frames ----

    static void writeFrame(OutputStream out, byte[] body) throws IOException {
        if (body.length > MAX_FRAME) {
            throw new IOException("frame of " + body.length + " bytes exceeds " + MAX_FRAME);
        }
        out.write(new byte[] {(byte) (body.length >>> 24), (byte) (body.length >>> 16), (byte) (body.length >>> 8),
            (byte) body.length});
        out.write(body);
        out.flush();
    }

    /**
     * Reads one frame.
     *
     * @param in The stream.
     * @return The body, or null at a clean end of stream.
     * @throws IOException If the stream ends inside a frame or announces one larger than {@link #MAX_FRAME}.
     */
    static byte[] readFrame(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length == 0) {
            return null;
        }
        if (head.length < 4) {
            throw new EOFException("the stream ended inside a frame header");
        }
        int n = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        if (n < 0 || n > MAX_FRAME) {
            throw new IOException("a frame announced " + n + " bytes (at most " + MAX_FRAME + " allowed)");
        }
        byte[] body = in.readNBytes(n);
        if (body.length < n) {
            throw new EOFException("the stream ended inside a frame");
        }
        return body;
    }

    // ---- values ----

    static void write(DataOutputStream out, Class<?> type, Object v) throws IOException {
        if (type == void.class) {
            return;
        }
        if (type.isPrimitive()) {
            if (type == double.class) {
                out.writeDouble((Double) v);
            } else if (type == float.class) {
                out.writeFloat((Float) v);
            } else if (type == int.class) {
                out.writeInt((Integer) v);
            } else if (type == long.class) {
                out.writeLong((Long) v);
            } else if (type == boolean.class) {
                out.writeBoolean((Boolean) v);
            } else if (type == short.class) {
                out.writeShort((Short) v);
            } else if (type == byte.class) {
                out.writeByte((Byte) v);
            } else {
                out.writeChar((Character) v);
            }
            return;
        }
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        if (type == String.class) {
            byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        } else if (type.isArray()) {
            int n = Array.getLength(v);
            out.writeInt(n);
            Class<?> c = type.getComponentType();
            if (c.isArray()) {
                for (int k = 0; k < n; k++) {
                    write(out, c, Array.get(v, k));
                }
            } else if (c == double.class) {
                for (double x : (double[]) v) {
                    out.writeDouble(x);
                }
            } else if (c == float.class) {
                for (float x : (float[]) v) {
                    out.writeFloat(x);
                }
            } else if (c == int.class) {
                for (int x : (int[]) v) {
                    out.writeInt(x);
                }
            } else if (c == long.class) {
                for (long x : (long[]) v) {
                    out.writeLong(x);
                }
            } else {
                for (boolean x : (boolean[]) v) {
                    out.writeBoolean(x);
                }
            }
        } else if (type.isRecord()) {
            out.writeInt(0);
            for (RecordComponent rc : type.getRecordComponents()) {
                try {
                    write(out, rc.getType(), rc.getAccessor().invoke(v));
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot read record component " + rc.getName(), e);
                }
            }
        } else {
            throw new IllegalArgumentException("type " + type + " cannot cross the grader's channel");
        }
    }

    static Object read(DataInputStream in, Class<?> type) throws IOException {
        if (type == void.class) {
            return null;
        }
        if (type.isPrimitive()) {
            if (type == double.class) {
                return in.readDouble();
            } else if (type == float.class) {
                return in.readFloat();
            } else if (type == int.class) {
                return in.readInt();
            } else if (type == long.class) {
                return in.readLong();
            } else if (type == boolean.class) {
                return in.readBoolean();
            } else if (type == short.class) {
                return in.readShort();
            } else if (type == byte.class) {
                return in.readByte();
            }
            return in.readChar();
        }
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < -1) {
            throw new IOException("negative length " + n);
        }
        if (type == String.class) {
            return new String(bytes(in, n, 1), StandardCharsets.UTF_8);
        }
        if (type.isArray()) {
            Class<?> c = type.getComponentType();
            if (c.isArray()) {
                room(in, n, 4);
                Object a = Array.newInstance(c, n);
                for (int k = 0; k < n; k++) {
                    Array.set(a, k, read(in, c));
                }
                return a;
            }
            if (c == double.class) {
                room(in, n, 8);
                double[] a = new double[n];
                for (int k = 0; k < n; k++) {
                    a[k] = in.readDouble();
                }
                return a;
            } else if (c == float.class) {
                room(in, n, 4);
                float[] a = new float[n];
                for (int k = 0; k < n; k++) {
                    a[k] = in.readFloat();
                }
                return a;
            } else if (c == int.class) {
                room(in, n, 4);
                int[] a = new int[n];
                for (int k = 0; k < n; k++) {
                    a[k] = in.readInt();
                }
                return a;
            } else if (c == long.class) {
                room(in, n, 8);
                long[] a = new long[n];
                for (int k = 0; k < n; k++) {
                    a[k] = in.readLong();
                }
                return a;
            } else if (c == boolean.class) {
                room(in, n, 1);
                boolean[] a = new boolean[n];
                for (int k = 0; k < n; k++) {
                    a[k] = in.readBoolean();
                }
                return a;
            }
        }
        if (type.isRecord()) {
            RecordComponent[] rcs = type.getRecordComponents();
            Object[] values = new Object[rcs.length];
            Class<?>[] types = new Class<?>[rcs.length];
            for (int k = 0; k < rcs.length; k++) {
                types[k] = rcs[k].getType();
                values[k] = read(in, types[k]);
            }
            try {
                Constructor<?> ctor = type.getDeclaredConstructor(types);
                return ctor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot build a " + type.getSimpleName() + ": " + e.getCause(), e);
            }
        }
        throw new IOException("type " + type + " cannot cross the grader's channel");
    }

    private static void room(DataInputStream in, int n, int bytesPer) throws IOException {
        if ((long) n * bytesPer > in.available()) {
            throw new IOException("an array of " + n + " elements is longer than the frame");
        }
    }

    private static byte[] bytes(DataInputStream in, int n, int bytesPer) throws IOException {
        room(in, n, bytesPer);
        return in.readNBytes(n);
    }

    static String readString(DataInputStream in) throws IOException {
        Object s = read(in, String.class);
        return s == null ? "" : (String) s;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        write(out, String.class, s);
    }

    static DataInputStream reader(byte[] frame) {
        return new DataInputStream(new ByteArrayInputStream(frame));
    }

    /**
     * Deep copy of the array arguments (the callee may modify them).
     *
     * @param types Parameter types.
     * @param args Arguments.
     * @return Copies of array arguments, other arguments as they are.
     */
    static Object[] copyArrays(Class<?>[] types, Object[] args) {
        Object[] c = new Object[args.length];
        for (int k = 0; k < args.length; k++) {
            c[k] = types[k].isArray() ? deepCopy(args[k]) : args[k];
        }
        return c;
    }

    static Object deepCopy(Object a) {
        if (a == null) {
            return null;
        }
        if (a instanceof Object[] rows) {
            Object[] c = rows.clone();
            for (int k = 0; k < c.length; k++) {
                c[k] = deepCopy(c[k]);
            }
            return c;
        }
        int n = Array.getLength(a);
        Object c = Array.newInstance(a.getClass().getComponentType(), n);
        System.arraycopy(a, 0, c, 0, n);
        return c;
    }

    /**
     * Copies the contents of {@code from} into {@code to} (same shape; rows replaced where lengths differ).
     *
     * @param to The caller's array.
     * @param from The values the callee left.
     */
    static void copyInto(Object to, Object from) {
        if (to == null || from == null) {
            return;
        }
        int n = Math.min(Array.getLength(to), Array.getLength(from));
        if (to instanceof Object[] rows) {
            Object[] src = (Object[]) from;
            for (int k = 0; k < n; k++) {
                if (rows[k] != null && src[k] != null && Array.getLength(rows[k]) == Array.getLength(src[k])) {
                    copyInto(rows[k], src[k]);
                } else {
                    rows[k] = src[k];
                }
            }
        } else {
            System.arraycopy(from, 0, to, 0, n);
        }
    }
}
