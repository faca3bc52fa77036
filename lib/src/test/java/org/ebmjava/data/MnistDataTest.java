package org.ebmjava.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** MnistData on a tiny synthetic set whose pixel i of image j is (31 j + i) mod 256. */
class MnistDataTest {
    private static final float EXACT = 0f;
    private static final int N = 6;
    private static final int[] LABELS = {3, 0, 3, 9, 1, 0};

    static MnistData synthetic() {
        byte[] px = new byte[N * 784];
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < 784; i++) {
                px[j * 784 + i] = (byte) ((31 * j + i) % 256);
            }
        }
        byte[] y = new byte[N];
        for (int j = 0; j < N; j++) {
            y[j] = (byte) LABELS[j];
        }
        return MnistData.fromIdx(new IdxArray(new int[] {N, 28, 28}, px), new IdxArray(new int[] {N}, y), "synthetic");
    }

    private static float expectedPixel(int j, int i) {
        return ((31 * j + i) % 256) / 255f;
    }

    @Test
    void accessorsDecodeBytesAsKOver255() {
        MnistData d = synthetic();
        assertEquals(N, d.size());
        assertEquals(28, d.rows());
        assertEquals(28, d.cols());
        assertEquals(784, d.pixelsPerImage());
        float[] img = d.image(2);
        for (int i = 0; i < 784; i++) {
            assertEquals(expectedPixel(2, i), img[i], EXACT);
        }
        assertArrayEquals(LABELS, d.labels());
        assertEquals(9, d.label(3));
        float[] all = d.pixels();
        assertEquals(N * 784, all.length);
        assertEquals(expectedPixel(4, 100), all[4 * 784 + 100], EXACT);
        float[][] range = d.images(1, 3);
        assertEquals(2, range.length);
        assertArrayEquals(d.image(1), range[0], EXACT);
        assertArrayEquals(d.image(2), range[1], EXACT);
        assertEquals(0, d.images(2, 2).length);
        assertArrayEquals(new int[] {2, 1, 0, 2, 0, 0, 0, 0, 0, 1}, d.classCounts());
        assertEquals("synthetic, 6 images", d.source());
    }

    @Test
    void returnedArraysAreCopies() {
        MnistData d = synthetic();
        d.image(0)[5] = 42f;
        d.labels()[0] = 7;
        d.pixels()[5] = 42f;
        assertEquals(expectedPixel(0, 5), d.image(0)[5], EXACT);
        assertEquals(3, d.label(0));
    }

    @Test
    void badIndicesAreRejected() {
        MnistData d = synthetic();
        assertThrows(IndexOutOfBoundsException.class, () -> d.image(N));
        assertThrows(IndexOutOfBoundsException.class, () -> d.label(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> d.images(3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> d.images(0, N + 1));
    }

    @Test
    void headKeepsTheFirstImages() {
        MnistData d = synthetic();
        MnistData h = d.head(2);
        assertEquals(2, h.size());
        assertArrayEquals(d.image(1), h.image(1), EXACT);
        assertArrayEquals(new int[] {3, 0}, h.labels());
        assertEquals("synthetic, first 2, 2 images", h.source());
        assertSame(d, d.head(100));
        assertEquals(0, d.head(0).size());
        assertThrows(IllegalArgumentException.class, () -> d.head(-1));
    }

    @Test
    void ofDigitsKeepsOnlyThoseDigitsInOrder() {
        MnistData d = synthetic();
        MnistData z = d.ofDigits(0, 9, 0);
        assertArrayEquals(new int[] {0, 9, 0}, z.labels());
        assertArrayEquals(d.image(1), z.image(0), EXACT);
        assertArrayEquals(d.image(3), z.image(1), EXACT);
        assertArrayEquals(d.image(5), z.image(2), EXACT);
        assertEquals("synthetic, digits {0,9}, 3 images", z.source());
        assertEquals(0, d.ofDigits(5).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.ofDigits(10));
        assertTrue(e.getMessage().contains("digits") && e.getMessage().contains("10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.ofDigits());
    }

    @Test
    void binarizedPixelsAreOneExactlyAboveTheThreshold() {
        MnistData d = synthetic();
        MnistData b = d.binarized(0.5f);
        for (int j = 0; j < N; j++) {
            float[] img = b.image(j);
            for (int i = 0; i < 784; i++) {
                assertEquals(expectedPixel(j, i) > 0.5f ? 1f : 0f, img[i], EXACT);
            }
        }
        assertArrayEquals(b.pixels(), b.binarized(0.5f).pixels(), EXACT);
        assertEquals(0f, sum(d.binarized(1f).pixels()), EXACT);
        assertEquals((float) N * 784 - countZeros(d), sum(d.binarized(0f).pixels()), EXACT);
        assertThrows(IllegalArgumentException.class, () -> d.binarized(Float.NaN));
    }

    @Test
    void toINDArrayIsAFloatMatrixWithOneImagePerRow() {
        MnistData d = synthetic();
        INDArray x = d.toINDArray();
        assertArrayEquals(new long[] {N, 784}, x.shape());
        assertEquals(DataType.FLOAT, x.dataType());
        assertEquals('c', x.ordering());
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < 784; i += 37) {
                assertEquals(expectedPixel(j, i), x.getFloat(j, i), EXACT);
            }
        }
        INDArray empty = d.head(0).toINDArray();
        assertArrayEquals(new long[] {0, 784}, empty.shape());
    }

    @Test
    void labelsOneHotHasASingleOneInTheLabelColumn() {
        MnistData d = synthetic();
        INDArray y = d.labelsOneHot();
        assertArrayEquals(new long[] {N, 10}, y.shape());
        assertEquals(DataType.FLOAT, y.dataType());
        for (int j = 0; j < N; j++) {
            for (int c = 0; c < 10; c++) {
                assertEquals(c == LABELS[j] ? 1f : 0f, y.getFloat(j, c), EXACT);
            }
        }
        assertArrayEquals(new long[] {0, 10}, d.head(0).labelsOneHot().shape());
    }

    @Test
    void fromIdxValidatesShapesCountsAndLabels() {
        IdxArray imgs = new IdxArray(new int[] {2, 28, 28}, new byte[2 * 784]);
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
            () -> MnistData.fromIdx(imgs, new IdxArray(new int[] {3}, new byte[3]), "x"));
        assertTrue(count.getMessage().contains("expected 2") && count.getMessage().contains("found 3"),
            count.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
            () -> MnistData.fromIdx(new IdxArray(new int[] {2, 32, 32}, new byte[2 * 1024]),
                new IdxArray(new int[] {2}, new byte[2]), "x"));
        assertTrue(shape.getMessage().contains("2x32x32"), shape.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
            () -> MnistData.fromIdx(imgs, new IdxArray(new int[] {2}, new byte[] {1, 10}), "x"));
        assertTrue(label.getMessage().contains("found 10") && label.getMessage().contains("index 1"),
            label.getMessage());
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    private static int countZeros(MnistData d) {
        int z = 0;
        for (float x : d.pixels()) {
            if (x == 0f) {
                z++;
            }
        }
        return z;
    }
}
