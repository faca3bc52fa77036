package org.ebmjava.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint round trips and every kind of bad file. */
class MlpIoTest {
    @TempDir
    Path dir;

    static Mlp net() {
        return Mlp.builder(3).hidden(8, Activation.SWISH).hidden(4, Activation.TANH).output(3)
                .embedding(SinusoidalEmbedding.ofLog(4, 100)).seed(17).threads(2).maxBatch(64).build();
    }

    static Provenance prov(Mlp m) {
        return Provenance.of(123, m, "Adam(lr=1e-3), 10 steps", "test data");
    }

    @Test
    void roundTripIsBitExactAndKeepsProvenance() throws IOException {
        Mlp m = net();
        m.parameters()[0] = 0.1234567f;
        Path f = dir.resolve("net.mlp");
        MlpIo.save(m, prov(m), f);
        Mlp back = MlpIo.load(f);
        assertArrayEquals(m.parameters(), back.parameters());
        assertEquals(m.architecture(), back.architecture());
        assertEquals(m.threads(), back.threads());
        assertEquals(m.maxBatch(), back.maxBatch());
        float[] x = Reference.gaussian(6, 1, 1);
        float[] level = {0.1f, 2f};
        float[] a = new float[6];
        float[] b = new float[6];
        m.output(x, level, 2, a);
        back.output(x, level, 2, b);
        assertArrayEquals(a, b);
        Provenance p = MlpIo.provenance(f);
        assertEquals(prov(m), p);
        assertTrue(p.describe().contains("seed: 123"));
        assertEquals(m.architecture(), MlpIo.load(f, net()).architecture());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void corruptedTruncatedAndForeignFilesAreNamed() throws IOException {
        Mlp m = net();
        Path f = dir.resolve("net.mlp");
        MlpIo.save(m, prov(m), f);
        byte[] good = Files.readAllBytes(f);

        byte[] flipped = good.clone();
        flipped[good.length - 20] ^= 0x10;
        assertFormat(flipped, "CRC-32 checksum");

        assertFormat(Arrays.copyOf(good, good.length - 3), "truncated");
        assertFormat(Arrays.copyOf(good, 40), "truncated");
        byte[] padded = Arrays.copyOf(good, good.length + 4);
        assertFormat(padded, "truncated or padded");

        byte[] version = good.clone();
        version[11] = 9;
        assertFormat(version, "format version: expected 1, found 9");

        assertFormat("EBM-RBM\n and more".getBytes(), "magic bytes");
        assertFormat(new byte[0], "magic bytes");
    }

    @Test
    void mismatchedArchitectureIsNamed() {
        Mlp m = net();
        Path f = dir.resolve("net.mlp");
        MlpIo.save(m, prov(m), f);
        Mlp other = Mlp.builder(3).hidden(8, Activation.SWISH).output(3).build();
        NeuralFormatException e = assertThrows(NeuralFormatException.class, () -> MlpIo.load(f, other));
        assertTrue(e.getMessage().contains(f.toString()));
        assertTrue(e.getMessage().contains("architecture"));
        assertEquals(other.architecture(), e.expected());
        assertEquals(m.architecture(), e.found());
        assertThrows(IllegalArgumentException.class, () -> MlpIo.save(other, prov(m), f));
    }

    @Test
    void failedSaveKeepsTheOldFileAndMissingFilesAreNamed() throws IOException {
        Mlp m = net();
        Path f = dir.resolve("net.mlp");
        MlpIo.save(m, prov(m), f);
        byte[] before = Files.readAllBytes(f);
        Path missingDir = dir.resolve("no-such-dir").resolve("net.mlp");
        assertThrows(UncheckedIOException.class, () -> MlpIo.save(m, prov(m), missingDir));
        assertArrayEquals(before, Files.readAllBytes(f));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> MlpIo.load(dir.resolve("x.mlp")));
        assertTrue(e.getMessage().contains("x.mlp"));
    }

    private void assertFormat(byte[] bytes, String part) throws IOException {
        Path bad = dir.resolve("bad.mlp");
        Files.write(bad, bytes);
        NeuralFormatException e = assertThrows(NeuralFormatException.class, () -> MlpIo.load(bad));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
    }
}
