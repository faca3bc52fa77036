package org.ebmjava.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (type 0x08), gzipped or plain.
 *
 * <p>Layout (all integers big-endian):
 * <pre>
 * offset 0   2 bytes  0x00 0x00        magic
 * offset 2   1 byte   type code         only 0x08 (unsigned byte) is accepted
 * offset 3   1 byte   rank r            1 to 4
 * offset 4   4 r bytes                  the size of each dimension, signed 32-bit, &ge; 0
 * offset 4+4r         product of dims   the data, row-major
 * </pre>
 * Gzip is detected from its magic bytes 0x1f 0x8b. The file must end right after the data. Every problem is
 * reported as an {@link IdxFormatException} naming the source, the expected and found values, and the offset
 * (counted in the uncompressed content).
 *
 * <p>Format reference:
 * <pre>
 * Y. LeCun, C. Cortes, C. J. C. Burges, "The MNIST database of handwritten digits",
 * http://yann.lecun.com/exdb/mnist/ (section "File formats for the MNIST database").
 * </pre>
 */
public final class IdxReader {
    private static final int UBYTE = 0x08;
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {}

    /**
     * Reads an IDX file.
     *
     * @param file The file, gzipped or plain.
     * @return The array.
     * @throws IdxFormatException If the content is not a valid ubyte IDX file; the message names the file.
     * @throws IOException If the file cannot be read.
     */
    public static IdxArray read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads an IDX file and checks its dims.
     *
     * <p>Example: {@code read(f, -1, 28, 28)} accepts any number of 28x28 images and rejects 32x32 ones with
     * {@code "f: expected dims ?x28x28, found 100x32x32"}.
     *
     * @param file The file, gzipped or plain.
     * @param expectedDims The expected size of each dimension, or -1 for "any"; its length is the expected rank.
     *     Not modified.
     * @return The array.
     * @throws IdxFormatException If the content is invalid or the dims differ from those expected.
     * @throws IOException If the file cannot be read.
     * @throws IllegalArgumentException If expectedDims is empty, longer than 4, or holds a value below -1.
     */
    public static IdxArray read(Path file, int... expectedDims) throws IOException {
        Objects.requireNonNull(expectedDims, "expectedDims");
        if (expectedDims.length < 1 || expectedDims.length > IdxArray.MAX_RANK) {
            throw new IllegalArgumentException("expectedDims: expected 1 to " + IdxArray.MAX_RANK
                + " values, found " + expectedDims.length);
        }
        for (int k = 0; k < expectedDims.length; k++) {
            if (expectedDims[k] < -1) {
                throw new IllegalArgumentException("expectedDims[" + k + "]: expected -1 (any) or >= 0, found "
                    + expectedDims[k]);
            }
        }
        IdxArray a = read(file);
        int[] dims = a.dims();
        boolean ok = dims.length == expectedDims.length;
        for (int k = 0; ok && k < dims.length; k++) {
            ok = expectedDims[k] == -1 || expectedDims[k] == dims[k];
        }
        if (!ok) {
            throw new IdxFormatException(file + ": expected dims " + pattern(expectedDims) + ", found "
                + IdxArray.format(dims));
        }
        return a;
    }

    /**
     * Reads an IDX stream; the stream is read to its end but not closed.
     *
     * @param in The stream, gzipped or plain.
     * @param sourceName The name used in error messages, e.g. a file or resource name.
     * @return The array.
     * @throws IdxFormatException If the content is not a valid ubyte IDX file; the message names sourceName.
     * @throws IOException If the stream cannot be read.
     */
    public static IdxArray read(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        if (!gzip) {
            return parse(buffered, sourceName);
        }
        // Closing the GZIPInputStream frees its native inflater; the shield keeps the caller's stream open.
        InputStream shield = new FilterInputStream(buffered) {
            @Override
            public void close() {
                // The caller owns the stream.
            }
        };
        try (InputStream content = new GZIPInputStream(shield, 1 << 16)) {
            return parse(content, sourceName);
        } catch (IdxFormatException e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(sourceName + ": corrupt or truncated gzip stream: " + e.getMessage(), e);
        }
    }

    private static IdxArray parse(InputStream in, String source) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            throw new IdxFormatException(source + ": truncated header: expected at least 4 bytes, found "
                + head.length + " (offset 0)");
        }
        if (head[0] != 0 || head[1] != 0) {
            throw new IdxFormatException(source + ": bad magic: expected bytes 0x00 0x00 at offset 0, found "
                + hex(head[0]) + " " + hex(head[1]) + (head[0] == 'P' && head[1] == 'K' ? " (a zip file?)" : ""));
        }
        int type = head[2] & 0xFF;
        if (type != UBYTE) {
            throw new IdxFormatException(source + ": unsupported type code at offset 2: expected 0x08 (unsigned"
                + " byte), found " + hex(head[2]) + " (" + typeName(type) + ")");
        }
        int rank = head[3] & 0xFF;
        if (rank < 1 || rank > IdxArray.MAX_RANK) {
            throw new IdxFormatException(source + ": bad number of dimensions at offset 3: expected 1 to "
                + IdxArray.MAX_RANK + ", found " + rank);
        }
        byte[] dimBytes = in.readNBytes(4 * rank);
        if (dimBytes.length < 4 * rank) {
            throw new IdxFormatException(source + ": truncated header: expected " + (4 + 4 * rank)
                + " bytes for " + rank + " dimensions, found " + (4 + dimBytes.length) + " (offset 4)");
        }
        int[] dims = new int[rank];
        long count = 1;
        for (int k = 0; k < rank; k++) {
            int off = 4 * k;
            dims[k] = ((dimBytes[off] & 0xFF) << 24) | ((dimBytes[off + 1] & 0xFF) << 16)
                | ((dimBytes[off + 2] & 0xFF) << 8) | (dimBytes[off + 3] & 0xFF);
            if (dims[k] < 0) {
                throw new IdxFormatException(source + ": dimension " + k + " at offset " + (4 + off)
                    + ": expected >= 0, found " + dims[k]);
            }
            count *= dims[k];
            if (count > MAX_ELEMENTS) {
                throw new IdxFormatException(source + ": dims " + IdxArray.format(Arrays.copyOf(dims, k + 1))
                    + (k + 1 < rank ? "x..." : "") + " at offset 4 promise more than " + MAX_ELEMENTS
                    + " bytes, the most a Java array holds");
            }
        }
        int headerBytes = 4 + 4 * rank;
        byte[] data = readUpTo(in, (int) count);
        if (data.length < count) {
            throw new IdxFormatException(source + ": truncated data: expected " + count + " bytes after the "
                + headerBytes + "-byte header (dims " + IdxArray.format(dims) + "), found " + data.length
                + " (offset " + headerBytes + ")");
        }
        long extra = 0;
        byte[] skip = new byte[8192];
        for (int r; (r = in.read(skip)) != -1; ) {
            extra += r;
        }
        if (extra > 0) {
            throw new IdxFormatException(source + ": trailing garbage: expected the end of the file at offset "
                + (headerBytes + count) + ", found " + extra + " more bytes");
        }
        return IdxArray.wrap(dims, data);
    }

    /** Reads up to n bytes without trusting n for the allocation (a hostile header cannot force a huge array). */
    private static byte[] readUpTo(InputStream in, int n) throws IOException {
        byte[] buf = new byte[Math.min(n, FIRST_CHUNK)];
        int filled = 0;
        while (filled < n) {
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            }
            int r = in.read(buf, filled, buf.length - filled);
            if (r < 0) {
                return Arrays.copyOf(buf, filled);
            }
            filled += r;
        }
        return buf;
    }

    private static String pattern(int[] expectedDims) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < expectedDims.length; k++) {
            s.append(k == 0 ? "" : "x").append(expectedDims[k] == -1 ? "?" : Integer.toString(expectedDims[k]));
        }
        return s.toString();
    }

    private static String hex(byte b) {
        return String.format("0x%02X", b & 0xFF);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "not an IDX type";
        };
    }
}
