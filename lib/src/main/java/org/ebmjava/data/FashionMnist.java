package org.ebmjava.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The bundled subset of real Fashion-MNIST: 28x28 grey-scale photographs of clothing and shoes, the
 * out-of-distribution set of the applications lesson, read as the same types as MNIST ({@link MnistSplit},
 * {@link MnistData}) so OOD code treats both alike.
 *
 * <p>The subset ships inside the library jar: 1,000 images of the official Fashion-MNIST test set (the first 100 of
 * each class in file order) and 500 of the training set (the first 50 of each class), from the Debian package
 * {@code dataset-fashion-mnist} 0.0~git20200523.55506a9-1. Its four files are checked against the bundled
 * {@code SHA256SUMS} every time they are read; see {@code org/ebmjava/data/fashion-mnist/PROVENANCE.md} in the jar
 * for the source checksums and the recipe, and {@code lib/tools/fashion-mnist-subset/} for the program that made it.
 * Labels 0 to 9 name the classes in {@link #CLASS_NAMES}; pixels read back as k/255 in [0, 1] (0 = background),
 * like MNIST's. There is no full-set download: the bundled subset is what every environment uses.
 *
 * <p>Source (MIT licence, Copyright (c) 2017 Zalando SE):
 * <pre>
 * H. Xiao, K. Rasul and R. Vollgraf, "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning
 * Algorithms", arXiv:1708.07747, 2017. Data: https://github.com/zalandoresearch/fashion-mnist
 * </pre>
 */
public final class FashionMnist {

    /** The class names of labels 0 to 9, from the Fashion-MNIST paper. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Number of images in the bundled training split (50 per class). */
    public static final int BUNDLED_TRAIN_SIZE = 500;
    /** Number of images in the bundled test split (100 per class, from the official test set). */
    public static final int BUNDLED_TEST_SIZE = 1000;

    static final String RESOURCE_DIR = "/org/ebmjava/data/fashion-mnist/";
    static final String BUNDLED_ORIGIN =
        "bundled subset of Fashion-MNIST (Debian dataset-fashion-mnist 0.0~git20200523.55506a9-1)";
    static final List<String> FILES = List.of(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES,
        Mnist.TEST_LABELS);

    private static MnistSplit bundledCache;

    private FashionMnist() {}

    /**
     * Returns the bundled subset (500 train, 1,000 test images, classes balanced), read from the jar.
     *
     * <p>Each file's SHA-256 is checked against the bundled SHA256SUMS before it is parsed; the result is cached, as
     * it is immutable.
     *
     * @return The split.
     * @throws IllegalStateException If a resource is missing or its checksum differs from SHA256SUMS (the message
     *     names the file, the expected and the found checksum).
     * @throws UncheckedIOException If a resource cannot be read or parsed.
     */
    public static synchronized MnistSplit bundled() {
        if (bundledCache == null) {
            bundledCache = read("bundled resource " + RESOURCE_DIR, FashionMnist::resource);
        }
        return bundledCache;
    }

    /**
     * Returns the name of a class.
     *
     * @param label The label, 0 to 9.
     * @return E.g. "Ankle boot" for 9.
     * @throws IllegalArgumentException If label is outside 0 to 9.
     */
    public static String className(int label) {
        if (label < 0 || label >= CLASS_NAMES.size()) {
            throw new IllegalArgumentException("label: expected 0 to 9, found " + label);
        }
        return CLASS_NAMES.get(label);
    }

    /** Reads and verifies the four files and SHA256SUMS from a directory: a copy of the bundle, for tests. */
    static MnistSplit readDirectory(Path dir) {
        return read(dir + "/", name -> {
            try {
                return Files.readAllBytes(dir.resolve(name));
            } catch (NoSuchFileException e) {
                throw new IllegalStateException(dir.resolve(name) + ": expected a file of the Fashion-MNIST bundle, "
                    + "found nothing");
            } catch (IOException e) {
                throw new UncheckedIOException(dir.resolve(name) + ": cannot be read", e);
            }
        });
    }

    /** The bytes of one bundle file, by name; throws when it is missing. */
    interface Source {
        byte[] bytes(String name);
    }

    private static MnistSplit read(String where, Source source) {
        Map<String, String> sums = Mnist.parseSums(new String(source.bytes("SHA256SUMS"), StandardCharsets.US_ASCII));
        IdxArray[] arrays = new IdxArray[FILES.size()];
        for (int f = 0; f < FILES.size(); f++) {
            String name = FILES.get(f);
            byte[] bytes = source.bytes(name);
            verify(where + name, bytes, sums.get(name));
            try {
                arrays[f] = IdxReader.read(new ByteArrayInputStream(bytes), where + name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        MnistData train = MnistData.fromIdx(arrays[0], arrays[1], BUNDLED_ORIGIN + ", train split");
        MnistData test = MnistData.fromIdx(arrays[2], arrays[3], BUNDLED_ORIGIN + ", test split");
        return new MnistSplit(train, test);
    }

    /** Throws unless the bytes have the expected SHA-256. */
    static void verify(String location, byte[] bytes, String expected) {
        if (expected == null) {
            throw new IllegalStateException(location + ": expected a line in SHA256SUMS, found none");
        }
        String found = VerifiedDownload.sha256(bytes);
        if (!found.equals(expected)) {
            throw new IllegalStateException(location + ": SHA-256 expected " + expected + " (from SHA256SUMS), found "
                + found + "; the library jar is damaged or the data were rebuilt without regenerating SHA256SUMS (see "
                + "lib/tools/fashion-mnist-subset/README.md)");
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = FashionMnist.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + RESOURCE_DIR + name
                    + ": expected on the class path, found nothing (is the library jar complete?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("bundled resource " + RESOURCE_DIR + name + ": cannot be read", e);
        }
    }
}
