package org.ebmjava.neural;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.ebmjava.rbm.RbmIo;

/**
 * Saves and loads {@link Mlp} checkpoints: a small, versioned, checksummed binary format with the network's
 * {@link Provenance}.
 *
 * <p>Layout (big-endian): the 8 magic bytes {@code "EBM-MLP\n"}; int format version ({@value #FORMAT_VERSION});
 * the architecture: int d, int m, int L, then per layer int in, int out and the activation's name (int length +
 * UTF-8), then byte embedding (0 none, 1 linear, 2 log) with int dim and double maxPeriod when present, int
 * maxBatch, int threads, long initialisation seed; the provenance (long seed, then four strings: architecture,
 * hyperparameters, data source, library version); int parameter count and the float32 parameters; and a trailing
 * long, the CRC-32 of every byte before it.
 *
 * <p>Saving is atomic (temporary file, then a rename over the target: {@link RbmIo#writeAtomically}); a failed
 * save leaves the old file. Loading checks everything and throws {@link NeuralFormatException} naming the file,
 * the property and the expected and found values: wrong magic (not a checkpoint), another format version, a
 * truncated or padded file, a corrupted byte (checksum), an architecture inconsistent with the parameter count or
 * with the provenance, or (with {@link #load(Path, Mlp)}) an architecture other than the caller's. Round trips are
 * bit-exact. Other I/O failures are thrown as {@link UncheckedIOException}.
 */
public final class MlpIo {
    static final byte[] MAGIC = "EBM-MLP\n".getBytes(StandardCharsets.US_ASCII);
    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private MlpIo() {}

    /**
     * Saves a network and its provenance atomically.
     *
     * @param m The network. Not modified.
     * @param p Its provenance; p.architecture() must equal m.architecture().
     * @param file The target; its directory must exist. Replaced if present.
     * @throws IllegalArgumentException If an argument is null or the provenance describes another architecture.
     * @throws UncheckedIOException If writing fails (the old file, if any, is left as it was).
     */
    public static void save(Mlp m, Provenance p, Path file) {
        if (m == null) {
            throw new IllegalArgumentException("m: expected an Mlp, found null");
        }
        if (p == null) {
            throw new IllegalArgumentException("p: expected a Provenance, found null");
        }
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, found null");
        }
        if (!p.architecture().equals(m.architecture())) {
            throw new IllegalArgumentException("p: provenance architecture '" + p.architecture()
                    + "' differs from the network's '" + m.architecture() + "'");
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 4 * m.parameterCount());
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(m.inputDim());
            out.writeInt(m.outputDim());
            out.writeInt(m.layerCount());
            for (Linear l : m.layers()) {
                out.writeInt(l.inputDim());
                out.writeInt(l.outputDim());
                writeString(out, l.activation().name());
            }
            SinusoidalEmbedding e = m.embedding();
            out.writeByte(e == null ? 0 : e.isLog() ? 2 : 1);
            if (e != null) {
                out.writeInt(e.dim());
                out.writeDouble(e.maxPeriod());
            }
            out.writeInt(m.maxBatch());
            out.writeInt(m.threads());
            out.writeLong(m.seed());
            out.writeLong(p.seed());
            writeString(out, p.architecture());
            writeString(out, p.hyperparameters());
            writeString(out, p.dataSource());
            writeString(out, p.libraryVersion());
            float[] params = m.parameters();
            out.writeInt(params.length);
            for (float v : params) {
                out.writeFloat(v);
            }
            out.flush();
            CRC32 crc = new CRC32();
            byte[] body = bytes.toByteArray();
            crc.update(body);
            out.writeLong(crc.getValue());
            out.flush();
            RbmIo.writeAtomically(file, bytes.toByteArray());
        } catch (IOException ex) {
            throw new UncheckedIOException("could not save the network to " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Loads a network (with its saved threads and chunk size, parameters bit-identical to the saved ones).
     *
     * @param file The checkpoint.
     * @return The network.
     * @throws NeuralFormatException If the file is not a valid checkpoint (see the class documentation).
     * @throws UncheckedIOException If reading fails (e.g. no such file).
     */
    public static Mlp load(Path file) {
        return read(file).net;
    }

    /**
     * Loads a network and checks that it has the architecture of a given one.
     *
     * @param file The checkpoint.
     * @param like A network of the expected architecture (its parameters are not used).
     * @return The loaded network.
     * @throws NeuralFormatException If the file is invalid or its architecture differs (both are named).
     * @throws UncheckedIOException If reading fails.
     */
    public static Mlp load(Path file, Mlp like) {
        if (like == null) {
            throw new IllegalArgumentException("like: expected an Mlp, found null");
        }
        Mlp m = load(file);
        if (!m.architecture().equals(like.architecture())) {
            throw new NeuralFormatException(file, "architecture", like.architecture(), m.architecture());
        }
        return m;
    }

    /**
     * Reads the provenance of a checkpoint (the whole file is verified).
     *
     * @param file The checkpoint.
     * @return Its provenance.
     * @throws NeuralFormatException If the file is not a valid checkpoint.
     * @throws UncheckedIOException If reading fails.
     */
    public static Provenance provenance(Path file) {
        return read(file).provenance;
    }

    private record Decoded(Mlp net, Provenance provenance) {}

    private static Decoded read(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, found null");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such checkpoint file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint " + file + ": " + e.getMessage(), e);
        }
        byte[] magic = Arrays.copyOf(bytes, Math.min(bytes.length, MAGIC.length));
        if (!Arrays.equals(magic, MAGIC)) {
            throw new NeuralFormatException(file, "magic bytes (is this an MLP checkpoint?)", printable(MAGIC),
                    printable(magic));
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        buf.position(MAGIC.length);
        try {
            int version = buf.getInt();
            if (version != FORMAT_VERSION) {
                throw new NeuralFormatException(file, "format version", String.valueOf(FORMAT_VERSION),
                        String.valueOf(version));
            }
            int d = buf.getInt();
            int m = buf.getInt();
            int layers = buf.getInt();
            if (d < 1 || m < 1 || layers < 1 || layers > 10_000) {
                throw new NeuralFormatException(file, "header (input, output, layers)", "positive sizes",
                        d + ", " + m + ", " + layers);
            }
            int[] widths = new int[layers + 1];
            List<Activation> acts = new ArrayList<>();
            long count = 0;
            for (int k = 0; k < layers; k++) {
                int in = buf.getInt();
                int out = buf.getInt();
                String act = string(buf, file, "activation of layer " + k);
                if (in < 1 || out < 1 || (k > 0 && in != widths[k])) {
                    throw new NeuralFormatException(file, "width of layer " + k, "positive and chained",
                            in + " -> " + out);
                }
                widths[k] = in;
                widths[k + 1] = out;
                try {
                    acts.add(Activation.valueOf(act));
                } catch (IllegalArgumentException e) {
                    throw new NeuralFormatException(file, "activation of layer " + k, Arrays.toString(
                            Activation.values()), act);
                }
                count += (long) in * out + out;
            }
            if (widths[layers] != m) {
                throw new NeuralFormatException(file, "output width", String.valueOf(m),
                        String.valueOf(widths[layers]));
            }
            byte embKind = buf.get();
            SinusoidalEmbedding emb = null;
            if (embKind == 1 || embKind == 2) {
                int dim = buf.getInt();
                double maxPeriod = buf.getDouble();
                try {
                    emb = embKind == 2 ? SinusoidalEmbedding.ofLog(dim, maxPeriod)
                            : SinusoidalEmbedding.of(dim, maxPeriod);
                } catch (IllegalArgumentException e) {
                    throw new NeuralFormatException(file, "embedding", "a valid embedding", e.getMessage());
                }
            } else if (embKind != 0) {
                throw new NeuralFormatException(file, "embedding kind", "0, 1 or 2", String.valueOf(embKind));
            }
            int embDim = emb == null ? 0 : emb.dim();
            if (widths[0] != d + embDim) {
                throw new NeuralFormatException(file, "first layer's input width", "d + embedding = " + (d + embDim),
                        String.valueOf(widths[0]));
            }
            int maxBatch = buf.getInt();
            int threads = buf.getInt();
            long initSeed = buf.getLong();
            if (maxBatch < 1 || threads < 1) {
                throw new NeuralFormatException(file, "maxBatch and threads", ">= 1", maxBatch + ", " + threads);
            }
            long seed = buf.getLong();
            String arch = string(buf, file, "provenance architecture");
            String hyper = string(buf, file, "hyperparameters");
            String data = string(buf, file, "data source");
            String lib = string(buf, file, "library version");
            int stored = buf.getInt();
            if (stored != count) {
                throw new NeuralFormatException(file, "parameter count for the architecture", String.valueOf(count),
                        String.valueOf(stored));
            }
            long expectedLength = (long) buf.position() + 4L * count + 8L;
            if (bytes.length != expectedLength) {
                throw new NeuralFormatException(file, "length for " + count + " parameters (truncated or padded?)",
                        expectedLength + " bytes", bytes.length + " bytes");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long sum = ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
            if (sum != crc.getValue()) {
                throw new NeuralFormatException(file, "CRC-32 checksum (file corrupted)", Long.toHexString(sum),
                        Long.toHexString(crc.getValue()));
            }
            float[] params = new float[(int) count];
            buf.asFloatBuffer().get(params);
            Mlp net = Mlp.of(d, m, emb, widths, acts, initSeed, threads, maxBatch, params);
            if (!arch.equals(net.architecture())) {
                throw new NeuralFormatException(file, "provenance architecture", net.architecture(), arch);
            }
            return new Decoded(net, new Provenance(seed, arch, hyper, data, lib));
        } catch (BufferUnderflowException e) {
            throw new NeuralFormatException(file, "length (truncated?)", "more than " + bytes.length + " bytes",
                    bytes.length + " bytes");
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(ByteBuffer buf, Path file, String what) {
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) {
            throw new NeuralFormatException(file, what + " length (truncated or corrupted?)",
                    "0.." + buf.remaining() + " bytes", n + " bytes");
        }
        byte[] s = new byte[n];
        buf.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder("\"");
        for (byte x : b) {
            s.append(x >= 32 && x < 127 ? String.valueOf((char) x) : String.format("\\x%02x", x & 0xff));
        }
        return s.append('"').toString();
    }
}
