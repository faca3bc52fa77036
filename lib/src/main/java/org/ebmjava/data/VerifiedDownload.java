package org.ebmjava.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Downloads a file and keeps it only if its SHA-256 matches; also a SHA-256 helper.
 *
 * <p>The body is streamed into a temporary file in the target's directory while it is hashed. Only a verified
 * file is renamed onto the target with {@code ATOMIC_MOVE}; on any failure (connection refused, timeout, HTTP
 * error status, aborted or truncated body, checksum mismatch) the temporary file is deleted and the target is
 * left as it was. So the target either does not exist or is a complete, verified copy.
 */
public final class VerifiedDownload {
    private static final HexFormat HEX = HexFormat.of();

    private VerifiedDownload() {}

    /**
     * Returns a verified local copy of a remote file, downloading it only if needed.
     *
     * <p>If {@code target} exists and its SHA-256 equals {@code sha256Hex}, it is returned at once and nothing is
     * downloaded. Otherwise the file is fetched (following redirects), verified and moved onto the target,
     * replacing a corrupt copy.
     *
     * @param uri The http or https address.
     * @param sha256Hex The expected SHA-256 as 64 hex digits (either case).
     * @param target Where to keep the file; missing parent directories are created.
     * @param timeout The limit for connecting and for the response headers to arrive; the body itself has no
     *     time limit. Must be positive.
     * @return The target path.
     * @throws IOException If the download fails or the checksum differs ("expected ..., found ..."); no file is
     *     then left at the target (unless a file was already there, which is left unchanged).
     * @throws IllegalArgumentException If sha256Hex is not 64 hex digits or timeout is not positive.
     */
    public static Path fetch(URI uri, String sha256Hex, Path target, Duration timeout) throws IOException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(target, "target");
        String expected = checkSha(sha256Hex);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: expected a positive duration, found " + timeout);
        }
        if (Files.isRegularFile(target) && sha256(target).equals(expected)) {
            return target;
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName() + ".", ".part");
        try {
            String found = download(uri, tmp, timeout);
            if (!found.equals(expected)) {
                throw new IOException(uri + ": SHA-256 mismatch: expected " + expected + ", found " + found
                    + " (" + Files.size(tmp) + " bytes); the download was discarded");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Computes the SHA-256 of a file.
     *
     * @param file The file.
     * @return 64 lower-case hex digits.
     * @throws IOException If the file cannot be read.
     */
    public static String sha256(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        MessageDigest md = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) != -1; ) {
                md.update(buf, 0, r);
            }
        }
        return HEX.formatHex(md.digest());
    }

    /**
     * Computes the SHA-256 of bytes in memory.
     *
     * @param bytes The bytes. Not modified.
     * @return 64 lower-case hex digits.
     */
    public static String sha256(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return HEX.formatHex(newSha256().digest(bytes));
    }

    /** Streams the body of uri into file and returns its SHA-256. */
    private static String download(URI uri, Path file, Duration timeout) throws IOException {
        HttpClient client = HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(uri + ": interrupted while connecting");
        } catch (IOException e) {
            throw new IOException(uri + ": " + reason(e), e);
        }
        MessageDigest md = newSha256();
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(uri + ": expected HTTP status 200, found " + response.statusCode());
            }
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), md)) {
                byte[] buf = new byte[1 << 16];
                long received = 0;
                while (true) {
                    int r;
                    try {
                        r = body.read(buf);
                    } catch (IOException e) {
                        throw new IOException(uri + ": body broke off after " + received + " bytes: " + reason(e), e);
                    }
                    if (r < 0) {
                        break;
                    }
                    out.write(buf, 0, r);
                    received += r;
                }
            }
        }
        return HEX.formatHex(md.digest());
    }

    /** A short reason: "cannot resolve host", "cannot connect", "connect timed out", else type and message. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "cannot resolve host";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "connect timed out";
            }
        }
        if (e instanceof ConnectException) {
            return "cannot connect";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /**
     * Tells whether a failure of {@link #fetch} means the server could not be reached at all (no network, unknown
     * host, refused or timed-out connection), as opposed to a bad answer.
     *
     * @param e The exception thrown by fetch.
     * @return True if no connection was made.
     */
    static boolean isUnreachable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException
                || t instanceof UnknownHostException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String checkSha(String sha256Hex) {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        String s = sha256Hex.toLowerCase(Locale.ROOT);
        if (!s.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256Hex: expected 64 hex digits, found '" + sha256Hex + "'");
        }
        return s;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
