package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RbmIo: bit-exact round trips, provenance, atomic writes and clear errors on bad files. */
class RbmIoTest {
    @TempDir
    Path dir;

    final BernoulliRbm rbm = NaiveRbm.randomBernoulli(7, 5, 1.0, 3L).withProvenance(
            new RbmIo.Provenance(77L, "RbmTrainer(method=CD, k=1) \u2013 \u00fcnicode", "bars and stripes 4x4", "1.2.3"));

    static float[] flat(org.nd4j.linalg.api.ndarray.INDArray a) {
        return a.dup('c').reshape(a.length()).toFloatVector();
    }

    @Test
    void roundTripIsBitExactWithProvenance() throws IOException {
        Path f = dir.resolve("model.rbm");
        RbmIo.save(rbm, f);
        BernoulliRbm back = RbmIo.load(f);
        assertArrayEquals(flat(rbm.weights()), flat(back.weights()), 0f);
        assertArrayEquals(flat(rbm.visibleBias()), flat(back.visibleBias()), 0f);
        assertArrayEquals(flat(rbm.hiddenBias()), flat(back.hiddenBias()), 0f);
        assertEquals(rbm.provenance(), back.provenance());
        assertEquals(rbm.provenance(), RbmIo.readProvenance(f));
        assertTrue(back.provenance().describe().contains("seed: 77"));
    }

    @Test
    void gaussianRoundTripAndKindMismatch() throws IOException {
        GaussianBernoulliRbm g = GaussianBernoulliRbm.random(4, 3, 0.5, 2L);
        Path f = dir.resolve("g.rbm");
        RbmIo.save(g, f);
        assertArrayEquals(flat(g.weights()), flat(RbmIo.loadGaussian(f).weights()), 0f);
        RbmFormatException e = assertThrows(RbmFormatException.class, () -> RbmIo.load(f));
        assertTrue(e.getMessage().contains("expected Bernoulli RBM (1), found Gaussian-Bernoulli RBM (2)"),
                e.getMessage());
    }

    @Test
    void saveLeavesNoTemporaryFileAndReplacesAtomically() throws IOException {
        Path f = dir.resolve("model.rbm");
        RbmIo.save(rbm, f);
        RbmIo.save(NaiveRbm.randomBernoulli(7, 5, 1.0, 4L), f);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f.getFileName().toString()), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void failedSaveLeavesNothingBehind() {
        Path missing = dir.resolve("no-such-dir").resolve("model.rbm");
        assertThrows(IOException.class, () -> RbmIo.save(rbm, missing));
        assertTrue(Files.notExists(missing.getParent()));
    }

    @Test
    void truncatedFileNamesFileExpectedAndFound() throws IOException {
        Path f = dir.resolve("model.rbm");
        RbmIo.save(rbm, f);
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.rbm");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 10));
        RbmFormatException e = assertThrows(RbmFormatException.class, () -> RbmIo.load(cut));
        assertTrue(e.getMessage().contains("cut.rbm"), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + all.length + " bytes, found " + (all.length - 10)
                + " bytes"), e.getMessage());
        Files.write(cut, java.util.Arrays.copyOf(all, 12));
        assertThrows(RbmFormatException.class, () -> RbmIo.load(cut));
    }

    @Test
    void corruptedByteFailsTheChecksum() throws IOException {
        Path f = dir.resolve("model.rbm");
        RbmIo.save(rbm, f);
        byte[] all = Files.readAllBytes(f);
        all[all.length - 20] ^= 0x10;
        Files.write(f, all);
        RbmFormatException e = assertThrows(RbmFormatException.class, () -> RbmIo.load(f));
        assertTrue(e.getMessage().contains("CRC-32 checksum"), e.getMessage());
        assertEquals(f, e.path());
    }

    @Test
    void wrongMagicVersionAndShapeAreNamed() throws IOException {
        Path f = dir.resolve("model.rbm");
        RbmIo.save(rbm, f);
        RbmFormatException shape = assertThrows(RbmFormatException.class, () -> RbmIo.load(f, 784, 500));
        assertTrue(shape.getMessage().contains("expected 784 x 500, found 7 x 5"), shape.getMessage());
        byte[] all = Files.readAllBytes(f);
        byte[] version = all.clone();
        version[11] = 9;
        Files.write(f, version);
        RbmFormatException v = assertThrows(RbmFormatException.class, () -> RbmIo.load(f));
        assertTrue(v.getMessage().contains("format version: expected 1, found 9"), v.getMessage());
        Path png = dir.resolve("image.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0,
            0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21, (byte) 196, (byte) 137, 0});
        RbmFormatException m = assertThrows(RbmFormatException.class, () -> RbmIo.load(png));
        assertTrue(m.getMessage().contains("magic bytes"), m.getMessage());
    }
}
