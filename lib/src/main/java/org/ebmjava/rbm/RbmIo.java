package org.ebmjava.rbm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.ebmjava.Ebm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saves and loads RBMs in a small, versioned, checksummed binary format, with their provenance.
 *
 * <p>Layout (big-endian): the 8 magic bytes {@code "EBM-RBM\n"}; int format version (1); byte kind (1 =
 * {@link BernoulliRbm}, 2 = {@link GaussianBernoulliRbm}); int nv; int nh; the provenance (long seed, then three
 * UTF-8 strings as int length + bytes: hyperparameters, data source, library version); the float32 parameters W
 * (row-major, nv x nh), b (nv), c (nh); and a trailing long, the CRC-32 of every byte before it.
 *
 * <p>Saving is atomic: the bytes go to a temporary file in the target's directory, which is forced to disk and
 * then moved over the target with {@code ATOMIC_MOVE}; a failed save leaves the old file and no temporary file.
 * Loading checks everything and throws {@link RbmFormatException} (an {@link IOException}) whose message names
 * the file and the expected and found values. Round trips are bit-exact.
 */
public final class RbmIo {
    /** The magic bytes at the start of every file. */
    static final byte[] MAGIC = "EBM-RBM\n".getBytes(StandardCharsets.US_ASCII);
    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;
    static final byte KIND_BERNOULLI = 1;
    static final byte KIND_GAUSSIAN = 2;
    /** Bytes before the provenance: magic, version, kind, nv, nh. */
    static final int FIXED_HEADER = MAGIC.length + 4 + 1 + 4 + 4;

    private RbmIo() {}

    /**
     * Where a model came from: the seed, the trainer's hyperparameters, the data source and the library version.
     *
     * @param seed The seed of the training run (or of the initial weights).
     * @param hyperparameters The trainer's settings, e.g. {@link RbmTrainer#toString()}.
     * @param dataSource A description of the training data (e.g. {@code MnistData.source()}).
     * @param libraryVersion The version of this library that produced the model ({@link Ebm#version()}).
     */
    public record Provenance(long seed, String hyperparameters, String dataSource, String libraryVersion) {
        /**
         * Checks the fields.
         *
         * @throws IllegalArgumentException If a string is null.
         */
        public Provenance {
            if (hyperparameters == null || dataSource == null || libraryVersion == null) {
                throw new IllegalArgumentException("provenance strings must not be null, found hyperparameters="
                        + hyperparameters + ", dataSource=" + dataSource + ", libraryVersion=" + libraryVersion);
            }
        }

        /**
         * Creates a record stamped with this library's version.
         *
         * @param seed The seed.
         * @param hyperparameters The hyperparameters.
         * @param dataSource The data source.
         * @return A new record with libraryVersion = {@link Ebm#version()}.
         */
        public static Provenance of(long seed, String hyperparameters, String dataSource) {
            return new Provenance(seed, hyperparameters, dataSource, Ebm.version());
        }

        /**
         * Returns the record as four labelled lines, for printing in a notebook.
         *
         * @return "seed: ...", "hyperparameters: ...", "data: ...", "library: ...".
         */
        public String describe() {
            return "seed: " + seed + "\nhyperparameters: " + hyperparameters + "\ndata: " + dataSource
                    + "\nlibrary: " + libraryVersion;
        }
    }

    /**
     * Saves a Bernoulli RBM and its provenance atomically.
     *
     * @param rbm The model. Not modified.
     * @param path The target file; its directory must exist. Replaced if present.
     * @throws IOException If writing or the atomic move fails (no temporary file is left behind).
     */
    public static void save(BernoulliRbm rbm, Path path) throws IOException {
        if (rbm == null) {
            throw new IllegalArgumentException("rbm must not be null");
        }
        write(KIND_BERNOULLI, rbm.params, rbm.provenance(), path);
    }

    /**
     * Saves a Gaussian-Bernoulli RBM and its provenance atomically.
     *
     * @param rbm The model. Not modified.
     * @param path The target file; its directory must exist. Replaced if present.
     * @throws IOException If writing or the atomic move fails.
     */
    public static void save(GaussianBernoulliRbm rbm, Path path) throws IOException {
        if (rbm == null) {
            throw new IllegalArgumentException("rbm must not be null");
        }
        write(KIND_GAUSSIAN, rbm.params, rbm.provenance(), path);
    }

    /**
     * Loads a Bernoulli RBM with its provenance.
     *
     * @param path The file.
     * @return The model, bit-identical to the saved one.
     * @throws RbmFormatException If the file is truncated, corrupted, of another format version or holds a
     *     Gaussian-Bernoulli RBM.
     * @throws IOException If reading fails.
     */
    public static BernoulliRbm load(Path path) throws IOException {
        Decoded d = read(path, KIND_BERNOULLI);
        return new BernoulliRbm(d.params, d.provenance);
    }

    /**
     * Loads a Bernoulli RBM and checks its shape.
     *
     * @param path The file.
     * @param expectedVisible The required nv.
     * @param expectedHidden The required nh.
     * @return The model.
     * @throws RbmFormatException If the file is invalid or its shape differs (the message gives both shapes).
     * @throws IOException If reading fails.
     */
    public static BernoulliRbm load(Path path, int expectedVisible, int expectedHidden) throws IOException {
        BernoulliRbm rbm = load(path);
        if (rbm.visibleSize() != expectedVisible || rbm.hiddenSize() != expectedHidden) {
            throw new RbmFormatException(path, "shape (visible x hidden)", expectedVisible + " x " + expectedHidden,
                    rbm.visibleSize() + " x " + rbm.hiddenSize());
        }
        return rbm;
    }

    /**
     * Loads a Gaussian-Bernoulli RBM with its provenance.
     *
     * @param path The file.
     * @return The model.
     * @throws RbmFormatException If the file is invalid or holds a Bernoulli RBM.
     * @throws IOException If reading fails.
     */
    public static GaussianBernoulliRbm loadGaussian(Path path) throws IOException {
        Decoded d = read(path, KIND_GAUSSIAN);
        return new GaussianBernoulliRbm(d.params, d.provenance);
    }

    /**
     * Reads only the provenance of a saved model (the whole file is still verified).
     *
     * @param path The file.
     * @return The provenance record.
     * @throws IOException If the file is invalid or unreadable.
     */
    public static Provenance readProvenance(Path path) throws IOException {
        return read(path, (byte) 0).provenance;
    }

    private record Decoded(RbmParams params, Provenance provenance) {}

    private static void write(byte kind, RbmParams p, Provenance prov, Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        byte[] hyper = prov.hyperparameters().getBytes(StandardCharsets.UTF_8);
        byte[] source = prov.dataSource().getBytes(StandardCharsets.UTF_8);
        byte[] version = prov.libraryVersion().getBytes(StandardCharsets.UTF_8);
        long floats = (long) p.nv * p.nh + p.nv + p.nh;
        long size = FIXED_HEADER + 8L + 12L + hyper.length + source.length + version.length + 4L * floats + 8L;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("model too large for this format: " + size + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.BIG_ENDIAN);
        buf.put(MAGIC).putInt(FORMAT_VERSION).put(kind).putInt(p.nv).putInt(p.nh);
        buf.putLong(prov.seed());
        buf.putInt(hyper.length).put(hyper).putInt(source.length).put(source).putInt(version.length).put(version);
        buf.asFloatBuffer().put(flat(p.w)).put(flat(p.b)).put(flat(p.c));
        buf.position(buf.position() + (int) (4 * floats));
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putLong(crc.getValue());

        writeAtomically(path, buf.array());
    }

    /**
     * Writes bytes to a file atomically: to a temporary file in the target's directory, forced to disk, then moved
     * over the target with {@code ATOMIC_MOVE} (a plain replacing move where the file system cannot). A failed
     * write leaves the old file and no temporary file. Shared with the neural engine's {@code MlpIo}.
     *
     * @param path The target file; its directory must exist. Replaced if present.
     * @param bytes The complete contents. Not modified.
     * @throws IOException If writing or the move fails.
     */
    public static void writeAtomically(Path path, byte[] bytes) throws IOException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer out = ByteBuffer.wrap(bytes);
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static Decoded read(Path path, byte expectedKind) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        byte[] bytes = Files.readAllBytes(path);
        byte[] magic = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, MAGIC.length));
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new RbmFormatException(path, "magic bytes (is this an RBM file?)", printable(MAGIC),
                    printable(magic));
        }
        if (bytes.length < FIXED_HEADER + 8 + 12) {
            throw new RbmFormatException(path, "length (truncated?)", "at least " + (FIXED_HEADER + 20)
                    + " bytes of header", bytes.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != FORMAT_VERSION) {
            throw new RbmFormatException(path, "format version", String.valueOf(FORMAT_VERSION),
                    String.valueOf(version));
        }
        byte kind = buf.get();
        if (kind != KIND_BERNOULLI && kind != KIND_GAUSSIAN) {
            throw new RbmFormatException(path, "model kind", "1 (Bernoulli) or 2 (Gaussian-Bernoulli)",
                    String.valueOf(kind));
        }
        if (expectedKind != 0 && kind != expectedKind) {
            throw new RbmFormatException(path, "model kind", kindName(expectedKind), kindName(kind));
        }
        int nv = buf.getInt();
        int nh = buf.getInt();
        if (nv <= 0 || nh <= 0) {
            throw new RbmFormatException(path, "shape (visible x hidden)", "positive sizes", nv + " x " + nh);
        }
        long seed = buf.getLong();
        String hyper = string(buf, path, "hyperparameters");
        String source = string(buf, path, "data source");
        String lib = string(buf, path, "library version");
        long floats = (long) nv * nh + nv + nh;
        long expected = (long) buf.position() + 4L * floats + 8L;
        if (bytes.length != expected) {
            throw new RbmFormatException(path, "length for a " + nv + " x " + nh + " model (truncated or padded?)",
                    expected + " bytes", bytes.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        if (stored != crc.getValue()) {
            throw new RbmFormatException(path, "CRC-32 checksum (file corrupted)", Long.toHexString(stored),
                    Long.toHexString(crc.getValue()));
        }
        float[] w = new float[nv * nh];
        float[] b = new float[nv];
        float[] c = new float[nh];
        java.nio.FloatBuffer fb = buf.asFloatBuffer();
        fb.get(w).get(b).get(c);
        RbmParams params = new RbmParams(Nd4j.create(w, new long[] {nv, nh}, 'c'),
                Nd4j.create(b, new long[] {nv}, 'c'), Nd4j.create(c, new long[] {nh}, 'c'));
        if (params.w.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("expected float32 parameters");
        }
        return new Decoded(params, new Provenance(seed, hyper, source, lib));
    }

    private static String string(ByteBuffer buf, Path path, String what) throws RbmFormatException {
        if (buf.remaining() < 4) {
            throw new RbmFormatException(path, what + " length (truncated?)", "4 bytes", buf.remaining() + " bytes");
        }
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) {
            throw new RbmFormatException(path, what + " length (truncated or corrupted?)",
                    "0.." + buf.remaining() + " bytes", n + " bytes");
        }
        byte[] s = new byte[n];
        buf.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toFloatVector();
    }

    private static String kindName(byte kind) {
        return kind == KIND_BERNOULLI ? "Bernoulli RBM (1)" : kind == KIND_GAUSSIAN ? "Gaussian-Bernoulli RBM (2)"
                : "kind " + kind;
    }

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder("\"");
        for (byte x : b) {
            s.append(x >= 32 && x < 127 ? String.valueOf((char) x) : String.format("\\x%02x", x & 0xff));
        }
        return s.append('"').toString();
    }
}
