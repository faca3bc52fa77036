package org.ebmjava.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedDownloadTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** SHA-256 of the empty input and of "abc" (FIPS 180-2, appendix B.1). */
    private static final String SHA_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SHA_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    private static byte[] payload() {
        byte[] b = new byte[200_000];
        new Random(99).nextBytes(b);
        return b;
    }

    @Test
    void sha256MatchesKnownVectors() throws IOException {
        assertEquals(SHA_EMPTY, VerifiedDownload.sha256(new byte[0]));
        assertEquals(SHA_ABC, VerifiedDownload.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        Path f = dir.resolve("abc.txt");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        assertEquals(SHA_ABC, VerifiedDownload.sha256(f));
    }

    @Test
    void goodDownloadIsVerifiedAndStored() throws IOException {
        byte[] good = payload();
        try (LocalServer server = new LocalServer().serve("/good.bin", good)) {
            Path target = dir.resolve("sub").resolve("good.bin");
            Path got = VerifiedDownload.fetch(server.uri("/good.bin"), VerifiedDownload.sha256(good).toUpperCase(),
                target, TIMEOUT);
            assertEquals(target, got);
            assertArrayEquals(good, Files.readAllBytes(target));
            assertOnly(target.getParent(), target);
        }
    }

    @Test
    void checksumMismatchLeavesNoFileAndNamesBothHashes() throws IOException {
        byte[] good = payload();
        byte[] bad = good.clone();
        bad[12345] ^= 1;
        try (LocalServer server = new LocalServer().serve("/bad.bin", bad)) {
            Path target = dir.resolve("bad.bin");
            String expected = VerifiedDownload.sha256(good);
            IOException e = assertThrows(IOException.class,
                () -> VerifiedDownload.fetch(server.uri("/bad.bin"), expected, target, TIMEOUT));
            assertTrue(e.getMessage().contains("expected " + expected), e.getMessage());
            assertTrue(e.getMessage().contains("found " + VerifiedDownload.sha256(bad)), e.getMessage());
            assertFalse(Files.exists(target));
            assertOnly(dir);
        }
    }

    @Test
    void truncatedResponseFailsAndLeavesNoFile() throws IOException {
        byte[] good = payload();
        try (LocalServer server = new LocalServer().serveTruncated("/cut.bin", good)) {
            Path target = dir.resolve("cut.bin");
            IOException e = assertThrows(IOException.class,
                () -> VerifiedDownload.fetch(server.uri("/cut.bin"), VerifiedDownload.sha256(good), target, TIMEOUT));
            assertTrue(e.getMessage().contains(server.uri("/cut.bin").toString()), e.getMessage());
            assertFalse(Files.exists(target));
            assertOnly(dir);
        }
    }

    @Test
    void httpErrorStatusFails() throws IOException {
        try (LocalServer server = new LocalServer().serveStatus("/missing.bin", 404)) {
            Path target = dir.resolve("missing.bin");
            IOException e = assertThrows(IOException.class,
                () -> VerifiedDownload.fetch(server.uri("/missing.bin"), SHA_ABC, target, TIMEOUT));
            assertTrue(e.getMessage().contains("found 404"), e.getMessage());
            assertFalse(Files.exists(target));
        }
    }

    @Test
    void refusedConnectionFails() throws IOException {
        URI nobody = unusedPortUri("/x.bin");
        Path target = dir.resolve("x.bin");
        IOException e = assertThrows(IOException.class, () -> VerifiedDownload.fetch(nobody, SHA_ABC, target, TIMEOUT));
        assertTrue(e.getMessage().contains(nobody.toString()), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void existingGoodCacheIsReusedWithoutDownloading() throws IOException {
        byte[] good = payload();
        try (LocalServer server = new LocalServer().serve("/data.bin", good)) {
            Path target = dir.resolve("data.bin");
            String sha = VerifiedDownload.sha256(good);
            VerifiedDownload.fetch(server.uri("/data.bin"), sha, target, TIMEOUT);
            assertEquals(1, server.hits("/data.bin"));
            VerifiedDownload.fetch(server.uri("/data.bin"), sha, target, TIMEOUT);
            assertEquals(1, server.hits("/data.bin"));
        }
        // No server at all: a verified cache still answers.
        Path cached = dir.resolve("offline.bin");
        Files.write(cached, good);
        assertEquals(cached, VerifiedDownload.fetch(unusedPortUri("/offline.bin"), VerifiedDownload.sha256(good),
            cached, TIMEOUT));
    }

    @Test
    void corruptCacheIsReplacedByAVerifiedDownload() throws IOException {
        byte[] good = payload();
        Path target = dir.resolve("data.bin");
        Files.write(target, new byte[] {1, 2, 3});
        try (LocalServer server = new LocalServer().serve("/data.bin", good)) {
            VerifiedDownload.fetch(server.uri("/data.bin"), VerifiedDownload.sha256(good), target, TIMEOUT);
            assertArrayEquals(good, Files.readAllBytes(target));
            assertEquals(1, server.hits("/data.bin"));
        }
    }

    @Test
    void badArgumentsAreRejected() {
        Path target = dir.resolve("t");
        URI uri = URI.create("http://127.0.0.1:1/t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> VerifiedDownload.fetch(uri, "abc", target, TIMEOUT));
        assertTrue(e.getMessage().contains("sha256Hex") && e.getMessage().contains("64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VerifiedDownload.fetch(uri, SHA_ABC, target, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
            () -> VerifiedDownload.fetch(uri, SHA_ABC.replace('a', 'g'), target, TIMEOUT));
    }

    /** An address on a port that was free a moment ago, so connecting is refused. */
    static URI unusedPortUri(String path) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void assertOnly(Path directory, Path... expected) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(expected), files.toList(), "files left in " + directory);
        }
    }
}
