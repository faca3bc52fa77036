package org.ebmjava.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mnist.load: the full-MNIST path with small stand-in files, and the fallback to the bundled subset. */
class MnistLoadTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int N_TRAIN = 12;
    private static final int N_TEST = 5;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private List<String> logLines() {
        String s = logBytes.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    /** Four small gzipped IDX files standing in for full MNIST, by file name. */
    private static Map<String, byte[]> standInFiles() throws IOException {
        Random rnd = new Random(5);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(Mnist.TRAIN_IMAGES, gz(IdxReaderTest.randomArray(new int[] {N_TRAIN, 28, 28}, rnd)));
        files.put(Mnist.TRAIN_LABELS, gz(labels(N_TRAIN, rnd)));
        files.put(Mnist.TEST_IMAGES, gz(IdxReaderTest.randomArray(new int[] {N_TEST, 28, 28}, rnd)));
        files.put(Mnist.TEST_LABELS, gz(labels(N_TEST, rnd)));
        return files;
    }

    private static Map<String, String> shas(Map<String, byte[]> files) {
        Map<String, String> m = new LinkedHashMap<>();
        files.forEach((k, v) -> m.put(k, VerifiedDownload.sha256(v)));
        return m;
    }

    @Test
    void defaultIsTheBundledSubsetWithoutTouchingCacheOrNetwork() throws IOException {
        URI nobody = VerifiedDownloadTest.unusedPortUri("/mnist/");
        Path cache = dir.resolve("cache");
        MnistSplit s = Mnist.load(false, cache, List.of(nobody), log);
        assertSame(Mnist.bundled(), s);
        assertEquals(List.of(Mnist.BUNDLED_NOTE), logLines());
        assertTrue(Mnist.BUNDLED_NOTE.contains("EBM_FULL_MNIST=1"), Mnist.BUNDLED_NOTE);
        assertFalse(Files.exists(cache), "the default must not create the full-MNIST cache");
    }

    @Test
    void fullMnistOnlyWhenTheKnobAsksForIt() throws IOException {
        try {
            org.ebmjava.nb.Knobs.overrideFullMnistForTests(false);
            assertSame(Mnist.bundled(), Mnist.load());
            URI nobody = VerifiedDownloadTest.unusedPortUri("/mnist/");
            MnistSplit s = Mnist.load(true, dir.resolve("cache"), List.of(nobody), log);
            assertSame(Mnist.bundled(), s);      // asked for full MNIST, none reachable: falls back and says so
            assertTrue(logLines().get(0).startsWith("Full MNIST not available ("), logLines().toString());
        } finally {
            org.ebmjava.nb.Knobs.overrideFullMnistForTests(null);
        }
    }

    @Test
    void unreachableMirrorAndEmptyCacheFallBackToBundledWithOneNote() throws IOException {
        URI nobody = VerifiedDownloadTest.unusedPortUri("/mnist/");
        MnistSplit s = Mnist.load(dir.resolve("cache"), List.of(nobody), TIMEOUT, log);
        assertSame(Mnist.bundled(), s);
        List<String> lines = logLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Full MNIST not available ("), lines.get(0));
        assertTrue(lines.get(0).contains("using the bundled subset of 10,000 real digits"), lines.get(0));
        assertTrue(lines.get(0).contains(nobody.toString()), lines.get(0));
        assertTrue(lines.get(0).contains("no network?"), lines.get(0));
    }

    @Test
    void downloadsOffAndEmptyCacheFallBackWithOneNote() {
        MnistSplit s = Mnist.load(dir, false, log);
        assertSame(Mnist.bundled(), s);
        List<String> lines = logLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("downloads are off"), lines.get(0));
    }

    @Test
    void mirrorServingWrongBytesFallsBackAndLeavesNoFiles() throws IOException {
        Map<String, byte[]> files = standInFiles();
        try (LocalServer server = new LocalServer()) {
            files.forEach((name, bytes) -> server.serve("/m/" + name, new byte[] {1, 2, 3}));
            Path cache = dir.resolve("cache");
            MnistSplit s = Mnist.load(cache, List.of(server.uri("/m/")), shas(files), TIMEOUT, log);
            assertSame(Mnist.bundled(), s);
            assertEquals(1, logLines().size(), logLines().toString());
            assertTrue(logLines().get(0).contains("SHA-256 mismatch"), logLines().get(0));
            try (var left = Files.list(cache)) {
                assertEquals(0, left.count());
            }
        }
    }

    @Test
    void verifiedDownloadFromTheSecondMirrorIsLoadedAndThenServedFromCache() throws IOException {
        Map<String, byte[]> files = standInFiles();
        Map<String, String> shas = shas(files);
        Path cache = dir.resolve("cache");
        try (LocalServer server = new LocalServer()) {
            files.forEach((name, bytes) -> server.serve("/good/" + name, bytes));
            URI dead = VerifiedDownloadTest.unusedPortUri("/dead/");
            MnistSplit s = Mnist.load(cache, List.of(dead, server.uri("/good/")), shas, TIMEOUT, log);
            assertEquals(List.of(), logLines());
            assertEquals(N_TRAIN, s.train().size());
            assertEquals(N_TEST, s.test().size());
            assertEquals("MNIST (full), train split, " + N_TRAIN + " images", s.train().source());
            IdxArray expectedImages = IdxReader.read(cache.resolve(Mnist.TRAIN_IMAGES));
            assertEquals(expectedImages.unsigned(100) / 255f, s.train().image(0)[100], 0f);
            for (String name : files.keySet()) {
                assertEquals(1, server.hits("/good/" + name), name);
                assertArrayEquals(files.get(name), Files.readAllBytes(cache.resolve(name)));
            }
        }
        // Server gone, downloads off: the verified cache alone gives the same data, silently.
        MnistSplit again = Mnist.load(cache, List.of(), shas, TIMEOUT, log);
        assertEquals(List.of(), logLines());
        assertEquals(N_TRAIN, again.train().size());
    }

    @Test
    void corruptCacheFileIsNotUsed() throws IOException {
        Map<String, byte[]> files = standInFiles();
        Path cache = Files.createDirectories(dir.resolve("cache"));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(cache.resolve(e.getKey()), e.getValue());
        }
        Files.write(cache.resolve(Mnist.TEST_LABELS), new byte[] {0});
        MnistSplit s = Mnist.load(cache, List.of(), shas(files), TIMEOUT, log);
        assertSame(Mnist.bundled(), s);
        assertEquals(1, logLines().size());
    }

    @Test
    void fullMnistChecksumsAreTheRecordedOnes() {
        // TensorFlow Datasets, url_checksums/mnist.txt.
        assertEquals(List.of(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS),
            List.copyOf(Mnist.FULL_MNIST_SHA256.keySet()));
        for (String sha : Mnist.FULL_MNIST_SHA256.values()) {
            assertTrue(sha.matches("[0-9a-f]{64}"), sha);
        }
        for (URI mirror : Mnist.FULL_MNIST_MIRRORS) {
            assertTrue(mirror.getScheme().equals("https") && mirror.getPath().endsWith("/"), mirror.toString());
        }
    }

    private static IdxArray labels(int n, Random rnd) {
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) rnd.nextInt(10);
        }
        return new IdxArray(new int[] {n}, y);
    }

    private static byte[] gz(IdxArray a) throws IOException {
        return IdxReaderTest.gzip(IdxReaderTest.plainBytes(a));
    }
}
