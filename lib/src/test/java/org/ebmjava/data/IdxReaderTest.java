package org.ebmjava.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdxReaderTest {
    private static final long SEED = 20261123L;

    @TempDir
    Path dir;

    static Stream<Arguments> shapes() {
        return Stream.of(
            Arguments.of(new int[] {7}, true),
            Arguments.of(new int[] {7}, false),
            Arguments.of(new int[] {5, 28, 28}, true),
            Arguments.of(new int[] {5, 28, 28}, false),
            Arguments.of(new int[] {2, 3, 4, 5}, true),
            Arguments.of(new int[] {0, 28, 28}, true),
            Arguments.of(new int[] {0}, false));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void writeThenReadGivesTheSameArray(int[] dims, boolean gzip) throws IOException {
        IdxArray a = randomArray(dims, new Random(SEED));
        Path f = dir.resolve(gzip ? "a.idx.gz" : "a.idx");
        IdxWriter.write(f, a, gzip);
        IdxArray b = IdxReader.read(f);
        assertArrayEquals(dims, b.dims());
        assertArrayEquals(a.data(), b.data());
        assertEquals(a, b);
        assertEquals(gzip, isGzip(Files.readAllBytes(f)));
    }

    @Test
    void unsignedReadsBytesAbove127AsPositive() {
        IdxArray a = new IdxArray(new int[] {3}, new byte[] {0, (byte) 0x80, (byte) 0xFF});
        assertEquals(0, a.unsigned(0));
        assertEquals(128, a.unsigned(1));
        assertEquals(255, a.unsigned(2));
        assertEquals(3, a.count());
        assertThrows(IndexOutOfBoundsException.class, () -> a.unsigned(3));
    }

    @Test
    void idxArrayCopiesItsInputsAndOutputs() {
        int[] dims = {2};
        byte[] data = {1, 2};
        IdxArray a = new IdxArray(dims, data);
        dims[0] = 5;
        data[0] = 9;
        a.data()[1] = 9;
        a.dims()[0] = 7;
        assertArrayEquals(new int[] {2}, a.dims());
        assertArrayEquals(new byte[] {1, 2}, a.data());
    }

    @Test
    void idxArrayRejectsDataOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new IdxArray(new int[] {2, 3}, new byte[5]));
        assertTrue(e.getMessage().contains("expected 6") && e.getMessage().contains("found 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IdxArray(new int[0], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new IdxArray(new int[] {-1}, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new IdxArray(new int[5], new byte[0]));
    }

    @Test
    void readsTheSameFromAStreamAsFromAFile() throws IOException {
        IdxArray a = randomArray(new int[] {3, 4}, new Random(SEED));
        byte[] plain = plainBytes(a);
        assertEquals(a, IdxReader.read(new ByteArrayInputStream(plain), "mem"));
        assertEquals(a, IdxReader.read(new ByteArrayInputStream(gzip(plain)), "mem.gz"));
    }

    @Test
    void wrongMagicIsRejectedWithOffsetAndFoundBytes() throws IOException {
        byte[] bad = plainBytes(randomArray(new int[] {4}, new Random(SEED)));
        bad[1] = 0x07;
        IdxFormatException e = readBad("magic.idx", bad);
        assertMessage(e, "magic.idx", "offset 0", "0x00 0x07");
    }

    @Test
    void unsupportedTypeCodeIsRejected() throws IOException {
        byte[] bad = plainBytes(randomArray(new int[] {4}, new Random(SEED)));
        bad[2] = 0x0D;
        IdxFormatException e = readBad("float.idx", bad);
        assertMessage(e, "float.idx", "offset 2", "expected 0x08", "found 0x0D");
    }

    @Test
    void zeroDimensionsAreRejected() throws IOException {
        IdxFormatException e = readBad("rank0.idx", new byte[] {0, 0, 8, 0});
        assertMessage(e, "rank0.idx", "offset 3", "expected 1 to 4", "found 0");
    }

    @Test
    void moreThanFourDimensionsAreRejected() throws IOException {
        byte[] bad = new byte[4 + 5 * 4 + 1];
        bad[2] = 8;
        bad[3] = 5;
        for (int k = 0; k < 5; k++) {
            bad[4 + 4 * k + 3] = 1;
        }
        IdxFormatException e = readBad("rank5.idx", bad);
        assertMessage(e, "rank5.idx", "expected 1 to 4", "found 5");
    }

    @Test
    void negativeDimensionIsRejected() throws IOException {
        byte[] bad = {0, 0, 8, 2, 0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFB};
        IdxFormatException e = readBad("neg.idx", bad);
        assertMessage(e, "neg.idx", "dimension 1", "offset 8", "found -5");
    }

    @Test
    void overflowingDimensionsAreRejectedBeforeAllocating() throws IOException {
        // 65536 x 65536 = 2^32 elements: more than an int can index.
        byte[] bad = {0, 0, 8, 2, 0, 1, 0, 0, 0, 1, 0, 0};
        IdxFormatException e = readBad("huge.idx", bad);
        assertMessage(e, "huge.idx", "65536x65536", String.valueOf(Integer.MAX_VALUE - 8));
    }

    @Test
    void truncatedHeaderIsRejected() throws IOException {
        IdxFormatException e = readBad("short.idx", new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0});
        assertMessage(e, "short.idx", "truncated header", "expected 16", "found 10");
        IdxFormatException e2 = readBad("tiny.idx", new byte[] {0, 0});
        assertMessage(e2, "tiny.idx", "expected at least 4", "found 2");
    }

    @Test
    void truncatedDataReportsExpectedAndFoundBytes() throws IOException {
        byte[] full = plainBytes(randomArray(new int[] {3, 28, 28}, new Random(SEED)));
        byte[] cut = Arrays.copyOf(full, 16 + 1000);
        IdxFormatException e = readBad("cut.idx", cut);
        assertMessage(e, "cut.idx", "truncated data", "expected 2352 bytes", "found 1000", "offset 16");
        IdxFormatException eGz = readBad("cut.idx.gz", gzip(cut));
        assertMessage(eGz, "cut.idx.gz", "expected 2352 bytes", "found 1000");
    }

    @Test
    void trailingGarbageIsRejected() throws IOException {
        byte[] full = plainBytes(randomArray(new int[] {10}, new Random(SEED)));
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        IdxFormatException e = readBad("tail.idx", longer);
        assertMessage(e, "tail.idx", "trailing garbage", "offset 18", "found 3 more bytes");
        IdxFormatException eGz = readBad("tail.idx.gz", gzip(longer));
        assertMessage(eGz, "tail.idx.gz", "found 3 more bytes");
    }

    @Test
    void corruptGzipIsAnIdxFormatException() throws IOException {
        byte[] gz = gzip(plainBytes(randomArray(new int[] {500}, new Random(SEED))));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        IdxFormatException e = readBad("broken.gz", cut);
        assertMessage(e, "broken.gz", "gzip");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        IdxFormatException e = readBad("empty.idx", new byte[0]);
        assertMessage(e, "empty.idx", "expected at least 4", "found 0");
    }

    @Test
    void expectedDimsAcceptWildcardsAndRejectMismatches() throws IOException {
        Path f = dir.resolve("imgs.idx.gz");
        IdxWriter.write(f, randomArray(new int[] {6, 32, 32}, new Random(SEED)), true);
        assertEquals(6, IdxReader.read(f, -1, 32, 32).dim(0));
        assertEquals(6, IdxReader.read(f, 6, -1, -1).dim(0));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(f, -1, 28, 28));
        assertMessage(e, "imgs.idx.gz", "expected dims ?x28x28", "found 6x32x32");
        IdxFormatException rank = assertThrows(IdxFormatException.class, () -> IdxReader.read(f, -1));
        assertMessage(rank, "expected dims ?", "found 6x32x32");
        assertThrows(IllegalArgumentException.class, () -> IdxReader.read(f, -2, 28, 28));
        assertThrows(IllegalArgumentException.class, () -> IdxReader.read(f, new int[0]));
    }

    private IdxFormatException readBad(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return assertThrows(IdxFormatException.class, () -> IdxReader.read(f));
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }

    static IdxArray randomArray(int[] dims, Random rnd) {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        byte[] data = new byte[(int) n];
        rnd.nextBytes(data);
        return new IdxArray(dims, data);
    }

    static byte[] plainBytes(IdxArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IdxWriter.write(out, a);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b;
    }
}
