package org.ebmjava.data;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes IDX files of unsigned bytes (type 0x08), the layout {@link IdxReader} reads.
 *
 * <p>Files are written atomically: to a temporary file in the same directory, flushed to disk, then renamed
 * over the target with {@code ATOMIC_MOVE}, so a reader never sees a half-written file. Gzip output has a
 * fixed header (MTIME = 0, no file name), so the same array always gives the same bytes with a given JDK.
 */
public final class IdxWriter {
    private IdxWriter() {}

    /**
     * Writes an array to a file, replacing any existing file atomically.
     *
     * @param file The target file; its directory must exist.
     * @param a The array. Not modified.
     * @param gzip True to gzip the content (name the file {@code *.gz}), false for plain IDX.
     * @throws IOException If writing or renaming fails; the target is then unchanged.
     */
    public static void write(Path file, IdxArray a, boolean gzip) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(a, "a");
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream channelOut = new KeepOpen(Channels.newOutputStream(ch));
                try (OutputStream out = gzip ? new GZIPOutputStream(channelOut, 1 << 16) : channelOut) {
                    write(out, a);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the plain (not gzipped) IDX encoding of an array to a stream; the stream is not closed.
     *
     * @param out The stream.
     * @param a The array. Not modified.
     * @throws IOException If writing fails.
     */
    public static void write(OutputStream out, IdxArray a) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(a, "a");
        int rank = a.rank();
        byte[] header = new byte[4 + 4 * rank];
        header[2] = 0x08;
        header[3] = (byte) rank;
        for (int k = 0; k < rank; k++) {
            int d = a.dim(k);
            int off = 4 + 4 * k;
            header[off] = (byte) (d >>> 24);
            header[off + 1] = (byte) (d >>> 16);
            header[off + 2] = (byte) (d >>> 8);
            header[off + 3] = (byte) d;
        }
        out.write(header);
        out.write(a.dataUnsafe());
    }

    /** Passes writes through; close() only flushes, so the channel stays open for force(). */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
