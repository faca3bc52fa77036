import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.ebmjava.data.IdxArray;
import org.ebmjava.data.IdxReader;
import org.ebmjava.data.IdxWriter;
import org.ebmjava.data.VerifiedDownload;

/**
 * Builds the course's bundled Fashion-MNIST subset (IDX format, gzipped) from the Debian package
 * {@code dataset-fashion-mnist}.
 *
 * <p>Usage (JDK 17 or newer; the library's IDX classes on the class path, so build {@code lib} first):
 * <pre>
 *   mvn -B -q -pl lib compile
 *   java -cp lib/target/classes lib/tools/fashion-mnist-subset/BuildFashionMnistSubset.java \
 *       /usr/share/datasets/fashion-mnist lib/src/main/resources/org/ebmjava/data/fashion-mnist
 * </pre>
 *
 * <p>What it does, and checks (any failed check aborts with a message and exit status 1):
 * <ol>
 *   <li>Verifies the SHA-256 of the four source files {@code {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz} and of
 *       their uncompressed content against the values recorded below (Debian package version {@value #VERSION}).</li>
 *   <li>Reads them with the library's strict {@code IdxReader}: images n x 28 x 28, labels n, labels 0 to 9.</li>
 *   <li>Selects, in file order, the first {@value #TEST_PER_CLASS} images of each class from t10k (the official
 *       test set) and the first {@value #TRAIN_PER_CLASS} of each class from train, keeping file order (the files
 *       interleave the classes already). No randomness.</li>
 *   <li>Writes {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz},
 *       {@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz} with the library's
 *       {@code IdxWriter} (atomic; gzip header with MTIME = 0 and no name, so identical bytes with the same JDK),
 *       then {@code SHA256SUMS} and {@code PROVENANCE.md}.</li>
 * </ol>
 */
public final class BuildFashionMnistSubset {

    static final String PACKAGE = "dataset-fashion-mnist";
    static final String VERSION = "0.0~git20200523.55506a9-1";
    static final int TEST_PER_CLASS = 100;
    static final int TRAIN_PER_CLASS = 50;
    static final int CLASSES = 10;
    static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final String[] NAMES = {
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
    };
    /** SHA-256 of the four .gz files as installed by the Debian package (same order as NAMES). */
    static final String[] SOURCE_GZ_SHA256 = {
        "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
        "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
        "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
        "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
    };
    /** SHA-256 of their uncompressed IDX content. */
    static final String[] SOURCE_IDX_SHA256 = {
        "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
        "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
    };

    private BuildFashionMnistSubset() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp lib/target/classes BuildFashionMnistSubset.java <source-dir> <out-dir>");
            System.exit(2);
        }
        try {
            run(Path.of(args[0]), Path.of(args[1]));
        } catch (IllegalStateException e) {
            System.err.println("BuildFashionMnistSubset FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One selected split: the IDX arrays, the count per class and the last source index used. */
    record Split(IdxArray images, IdxArray labels, int[] counts, int lastIndex) {}

    static void run(Path sourceDir, Path outDir) throws Exception {
        for (int f = 0; f < NAMES.length; f++) {
            Path file = sourceDir.resolve(NAMES[f]);
            String gz = VerifiedDownload.sha256(file);
            check(SOURCE_GZ_SHA256[f].equals(gz), file + ": SHA-256 expected " + SOURCE_GZ_SHA256[f] + ", found " + gz
                + " (another version of " + PACKAGE + "?)");
            String idx = VerifiedDownload.sha256(gunzip(file));
            check(SOURCE_IDX_SHA256[f].equals(idx), file + ": SHA-256 of the content expected " + SOURCE_IDX_SHA256[f]
                + ", found " + idx);
        }
        Split test = select(sourceDir, NAMES[0], NAMES[1], TEST_PER_CLASS);
        Split train = select(sourceDir, NAMES[2], NAMES[3], TRAIN_PER_CLASS);

        Files.createDirectories(outDir);
        IdxArray[] arrays = {test.images(), test.labels(), train.images(), train.labels()};
        StringBuilder sums = new StringBuilder();
        StringBuilder table = new StringBuilder();
        for (int f = 0; f < NAMES.length; f++) {
            Path target = outDir.resolve(NAMES[f]);
            IdxWriter.write(target, arrays[f], true);
            IdxArray back = IdxReader.read(target);
            check(back.equals(arrays[f]), target + ": the written file does not read back equal");
            sums.append(VerifiedDownload.sha256(target)).append("  ").append(NAMES[f]).append('\n');
            byte[] content = gunzip(target);
            table.append("| `").append(NAMES[f]).append("` | ").append(Files.size(target)).append(" | ")
                .append(content.length).append(" | `").append(VerifiedDownload.sha256(content)).append("` |\n");
        }
        writeText(outDir.resolve("SHA256SUMS"), sums.toString());
        writeText(outDir.resolve("PROVENANCE.md"), provenance(test, train, table.toString()));
        System.out.println("wrote " + train.images().dim(0) + " train and " + test.images().dim(0) + " test images to "
            + outDir);
    }

    /** The first perClass images of each class, in file order. */
    static Split select(Path dir, String imagesName, String labelsName, int perClass) throws Exception {
        IdxArray images = IdxReader.read(dir.resolve(imagesName), -1, 28, 28);
        IdxArray labels = IdxReader.read(dir.resolve(labelsName), -1);
        int n = labels.dim(0);
        check(images.dim(0) == n, imagesName + ": expected " + n + " images (one per label), found " + images.dim(0));
        int[] counts = new int[CLASSES];
        int total = CLASSES * perClass;
        byte[] px = new byte[total * 784];
        byte[] y = new byte[total];
        byte[] all = images.data();
        int taken = 0;
        int last = -1;
        for (int i = 0; i < n && taken < total; i++) {
            int label = labels.unsigned(i);
            check(label < CLASSES, labelsName + ": label " + i + " expected 0 to 9, found " + label);
            if (counts[label] < perClass) {
                System.arraycopy(all, i * 784, px, taken * 784, 784);
                y[taken] = (byte) label;
                counts[label]++;
                taken++;
                last = i;
            }
        }
        check(taken == total, imagesName + ": expected " + perClass + " images of each class, found " + taken
            + " in all");
        return new Split(new IdxArray(new int[] {total, 28, 28}, px), new IdxArray(new int[] {total}, y), counts,
            last);
    }

    static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    static void writeText(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String provenance(Split test, Split train, String table) {
        StringBuilder classes = new StringBuilder("| label | class | train | test (t10k) |\n|---|---|---|---|\n");
        for (int c = 0; c < CLASSES; c++) {
            classes.append("| ").append(c).append(" | ").append(CLASS_NAMES.get(c)).append(" | ")
                .append(train.counts()[c]).append(" | ").append(test.counts()[c]).append(" |\n");
        }
        StringBuilder sources = new StringBuilder("| file | SHA-256 of the .gz | SHA-256 of the content |\n|---|---|---|\n");
        for (int f = 0; f < NAMES.length; f++) {
            sources.append("| `").append(NAMES[f]).append("` | `").append(SOURCE_GZ_SHA256[f]).append("` | `")
                .append(SOURCE_IDX_SHA256[f]).append("` |\n");
        }
        return """
            # Bundled Fashion-MNIST subset: provenance

            %d real Fashion-MNIST images (28x28 grey-scale photographs of Zalando articles, unsigned bytes):
            %d from the official test set and %d from the training set, 10 classes balanced, stored in the IDX
            format, gzipped. Generated by `lib/tools/fashion-mnist-subset/BuildFashionMnistSubset.java` (see
            `lib/tools/fashion-mnist-subset/README.md` to regenerate); do not edit these files by hand. The library
            reads them with `org.ebmjava.data.FashionMnist.bundled()`, as the same types as MNIST
            (`MnistSplit`, `MnistData`), and checks every file against `SHA256SUMS` when it reads them.

            ## Source
            - Debian package `%s`, version `%s` (Homepage https://github.com/zalandoresearch/fashion-mnist),
              files `/usr/share/datasets/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz`.
            - Their SHA-256 values, checked by the build program on every run:

            %s
            - The gzip bytes differ from the MD5 values in Zalando's README (their gzip headers carry the time
              2020-06-05, when the Debian package was built, so the files were re-compressed); the content was
              read as IDX (60,000 and 10,000 images with labels 0 to 9) but not compared with Zalando's originals,
              which cannot be reached from the machine that built this subset.

            ## Selection (fixed, no randomness)
            - Test split: the first %d images of each class in t10k file order (the last one selected is t10k index
              %d). Train split: the first %d of each class in train file order (the last one selected is train
              index %d).
            - The selected images keep their file order, in which the classes are already interleaved.
            - Labels and class names (Xiao, Rasul and Vollgraf, 2017):

            %s
            ## Files
            IDX: magic `00 00 08 03` (images, dims n x 28 x 28) or `00 00 08 01` (labels, dims n), big-endian
            dimension sizes, then the bytes; written by `org.ebmjava.data.IdxWriter` (gzip with MTIME = 0 and no
            file name, so a rebuild with the same JDK gives identical bytes). `SHA256SUMS` holds the SHA-256 of each
            `.gz` file; the SHA-256 of the uncompressed content is listed here too, so a rebuild whose gzip bytes
            differ (another zlib) can still be checked for identical content.

            | file | gzip bytes | IDX bytes | SHA-256 of the uncompressed IDX |
            |---|---|---|---|
            %s
            ## Licence
            - Fashion-MNIST: Copyright (c) 2017 Zalando SE, https://tech.zalando.com, under the MIT licence (the
              Debian package's `copyright` file states `License: Expat` for all files; Zalando's README states the
              MIT licence). The permission notice: "Permission is hereby granted, free of charge, to any person
              obtaining a copy of this software and associated documentation files (the "Software"), to deal in the
              Software without restriction, including without limitation the rights to use, copy, modify, merge,
              publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
              Software is furnished to do so, subject to the following conditions: The above copyright notice and
              this permission notice shall be included in all copies or substantial portions of the Software. THE
              SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
              LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
              NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
              WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
              SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."
            - Cite: H. Xiao, K. Rasul and R. Vollgraf, "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine
              Learning Algorithms", arXiv:1708.07747, 2017.
            """.formatted(test.images().dim(0) + train.images().dim(0), test.images().dim(0), train.images().dim(0),
            PACKAGE, VERSION, sources.toString(), TEST_PER_CLASS, test.lastIndex(), TRAIN_PER_CLASS, train.lastIndex(), classes.toString(), table);
    }

    /** Fails the build with a message saying what was expected and what was found. */
    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
