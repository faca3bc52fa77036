package org.ebmjava.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxWriterTest {
    private static final long SEED = 7L;

    @TempDir
    Path dir;

    @Test
    void plainEncodingFollowsTheIdxLayout() throws IOException {
        IdxArray a = new IdxArray(new int[] {2, 3}, new byte[] {1, 2, 3, 4, 5, (byte) 200});
        byte[] expected = {0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, (byte) 200};
        assertArrayEquals(expected, IdxReaderTest.plainBytes(a));
        Path f = dir.resolve("a.idx");
        IdxWriter.write(f, a, false);
        assertArrayEquals(expected, Files.readAllBytes(f));
    }

    @Test
    void gzipOutputIsDeterministicWithZeroMtime() throws IOException {
        IdxArray a = IdxReaderTest.randomArray(new int[] {10, 28, 28}, new Random(SEED));
        Path f1 = dir.resolve("one.gz");
        Path f2 = dir.resolve("two.gz");
        IdxWriter.write(f1, a, true);
        IdxWriter.write(f2, a, true);
        byte[] b1 = Files.readAllBytes(f1);
        assertArrayEquals(b1, Files.readAllBytes(f2));
        assertEquals(0x1f, b1[0] & 0xFF);
        assertEquals(0x8b, b1[1] & 0xFF);
        assertEquals(0, b1[3], "FLG: no file name or comment");
        assertArrayEquals(new byte[4], new byte[] {b1[4], b1[5], b1[6], b1[7]}, "MTIME must be 0");
    }

    @Test
    void overwriteReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("data.idx.gz");
        IdxWriter.write(f, IdxReaderTest.randomArray(new int[] {100}, new Random(SEED)), true);
        IdxArray second = IdxReaderTest.randomArray(new int[] {3, 3}, new Random(SEED + 1));
        IdxWriter.write(f, second, true);
        assertEquals(second, IdxReader.read(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void missingDirectoryFailsWithoutCreatingTheTarget() {
        Path f = dir.resolve("absent").resolve("x.idx");
        IdxArray a = new IdxArray(new int[] {1}, new byte[] {1});
        assertThrows(IOException.class, () -> IdxWriter.write(f, a, false));
        assertEquals(false, Files.exists(f));
    }
}
