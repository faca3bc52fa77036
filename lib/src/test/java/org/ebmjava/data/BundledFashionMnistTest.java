package org.ebmjava.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled Fashion-MNIST subset: the sizes, balance and checks stated in its PROVENANCE.md. */
class BundledFashionMnistTest {
    /** The mean Fashion-MNIST pixel is about 0.286 (0.285 on this subset); MNIST's is about 0.13. */
    private static final double MEAN_LOW = 0.25;
    private static final double MEAN_HIGH = 0.32;

    @Test
    void splitSizesAndClassBalanceAreFixed() {
        MnistSplit s = FashionMnist.bundled();
        assertEquals(FashionMnist.BUNDLED_TRAIN_SIZE, s.train().size());
        assertEquals(FashionMnist.BUNDLED_TEST_SIZE, s.test().size());
        assertEquals(500, s.train().size());
        assertEquals(1000, s.test().size());
        for (int c = 0; c < 10; c++) {
            assertEquals(50, s.train().classCounts()[c], "train, class " + c);
            assertEquals(100, s.test().classCounts()[c], "test, class " + c);
        }
        assertSame(s, FashionMnist.bundled());
        // File order is kept: t10k image 0 is an ankle boot, image 1 a pullover, image 2 a trouser.
        assertEquals(List.of(9, 2, 1), List.of(s.test().label(0), s.test().label(1), s.test().label(2)));
    }

    @Test
    void labelsAndClassNames() {
        for (int y : FashionMnist.bundled().test().labels()) {
            assertTrue(y >= 0 && y <= 9, "label " + y);
        }
        assertEquals(10, FashionMnist.CLASS_NAMES.size());
        assertEquals("T-shirt/top", FashionMnist.className(0));
        assertEquals("Ankle boot", FashionMnist.className(9));
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.className(10));
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.className(-1));
        String text = FashionMnist.bundled().describe();
        assertTrue(text.contains("bundled subset of Fashion-MNIST") && text.contains("test split, 1000 images"), text);
    }

    @Test
    void pixelsAreTheStoredBytesOver255() throws IOException {
        // Each float pixel is exactly k/255 for the byte k stored in the IDX file, so it lies in [0, 1].
        IdxArray raw = IdxReader.read(new ByteArrayInputStream(read(Mnist.TRAIN_IMAGES)), Mnist.TRAIN_IMAGES);
        float[] p = FashionMnist.bundled().train().pixels();
        assertEquals(raw.count(), p.length);
        int nonZero = 0;
        for (int k = 0; k < p.length; k++) {
            assertEquals(raw.unsigned(k) / 255f, p[k], 0f);
            nonZero += raw.unsigned(k) > 0 ? 1 : 0;
        }
        assertTrue(nonZero > p.length / 3, "non-zero pixels " + nonZero + " of " + p.length);
    }

    @Test
    void imagesAreClothesNotDigits() {
        MnistData fashion = FashionMnist.bundled().test();
        MnistData digits = Mnist.bundled().test();
        double fashionMean = mean(fashion.pixels());
        double digitMean = mean(digits.pixels());
        assertTrue(fashionMean > MEAN_LOW && fashionMean < MEAN_HIGH, "Fashion-MNIST mean intensity " + fashionMean);
        assertTrue(fashionMean - digitMean > 0.1, "Fashion " + fashionMean + " vs MNIST " + digitMean);
        // No Fashion image equals any bundled MNIST digit.
        Set<List<Float>> seen = new HashSet<>();
        for (int i = 0; i < digits.size(); i++) {
            seen.add(boxed(digits.image(i)));
        }
        for (int i = 0; i < fashion.size(); i++) {
            assertTrue(!seen.contains(boxed(fashion.image(i))), "Fashion test image " + i + " is an MNIST digit");
        }
        // Labels match content: sandals (5) are the sparsest class, coats (4) the densest.
        double[] classMean = new double[10];
        for (int i = 0; i < fashion.size(); i++) {
            classMean[fashion.label(i)] += mean(fashion.image(i)) / 100.0;
        }
        for (int c = 0; c < 10; c++) {
            assertTrue(classMean[5] <= classMean[c] && classMean[4] >= classMean[c],
                "class " + c + " mean " + classMean[c] + ", sandal " + classMean[5] + ", coat " + classMean[4]);
        }
    }

    @Test
    void aCorruptedCopyFailsWithANamedError(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        MnistSplit copy = FashionMnist.readDirectory(dir);
        assertEquals(FashionMnist.bundled().test().size(), copy.test().size());

        Path images = dir.resolve(Mnist.TEST_IMAGES);
        byte[] bytes = Files.readAllBytes(images);
        String expected = Mnist.parseSums(Files.readString(dir.resolve("SHA256SUMS"))).get(Mnist.TEST_IMAGES);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(images, bytes);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FashionMnist.readDirectory(dir));
        assertTrue(e.getMessage().contains(Mnist.TEST_IMAGES) && e.getMessage().contains("expected " + expected)
            && e.getMessage().contains("found " + VerifiedDownload.sha256(bytes)), e.getMessage());
    }

    @Test
    void aMissingFileOrChecksumLineFailsWithANamedError(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        Files.delete(dir.resolve(Mnist.TRAIN_LABELS));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
            () -> FashionMnist.readDirectory(dir));
        assertTrue(missing.getMessage().contains(Mnist.TRAIN_LABELS), missing.getMessage());

        copyBundle(dir);
        List<String> lines = Files.readAllLines(dir.resolve("SHA256SUMS"));
        Files.write(dir.resolve("SHA256SUMS"), lines.subList(1, lines.size()));
        IllegalStateException noLine = assertThrows(IllegalStateException.class,
            () -> FashionMnist.readDirectory(dir));
        assertTrue(noLine.getMessage().contains(lines.get(0).split("\\s+")[1])
            && noLine.getMessage().contains("SHA256SUMS"), noLine.getMessage());
    }

    @Test
    void bundledFilesMatchSha256Sums() throws IOException {
        byte[] sums = read("SHA256SUMS");
        var map = Mnist.parseSums(new String(sums, StandardCharsets.US_ASCII));
        assertEquals(4, map.size());
        for (var e : map.entrySet()) {
            assertEquals(e.getValue(), VerifiedDownload.sha256(read(e.getKey())), e.getKey());
        }
    }

    private static void copyBundle(Path dir) throws IOException {
        for (String name : List.of("SHA256SUMS", Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES,
            Mnist.TEST_LABELS)) {
            Files.write(dir.resolve(name), read(name));
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = FashionMnist.class.getResourceAsStream(FashionMnist.RESOURCE_DIR + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private static double mean(float[] p) {
        double s = 0;
        for (float v : p) {
            s += v;
        }
        return s / p.length;
    }

    private static List<Float> boxed(float[] p) {
        Float[] b = new Float[p.length];
        for (int i = 0; i < p.length; i++) {
            b[i] = p[i];
        }
        return List.of(b);
    }
}
