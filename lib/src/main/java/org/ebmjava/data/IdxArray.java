package org.ebmjava.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * An immutable n-dimensional array of unsigned bytes, as stored in an IDX file of type 0x08.
 *
 * <p>The data are in row-major order: the last dimension varies fastest. For MNIST images the dims are
 * {@code [n, 28, 28]} and pixel (r, c) of image i sits at flat index i*784 + r*28 + c.
 *
 * <p>Format reference:
 * <pre>
 * Y. LeCun, C. Cortes, C. J. C. Burges, "The MNIST database of handwritten digits",
 * http://yann.lecun.com/exdb/mnist/ (section "File formats for the MNIST database").
 * </pre>
 */
public final class IdxArray {
    /** The most dimensions an IDX file may declare here. */
    public static final int MAX_RANK = 4;

    private final int[] dims;
    private final byte[] data;

    /**
     * Creates an array from its dims and bytes; both are copied.
     *
     * @param dims The size of each dimension, 1 to 4 of them, each &ge; 0. Not modified.
     * @param data The bytes in row-major order; length must equal the product of dims. Not modified.
     * @throws IllegalArgumentException If the rank, a dim, or the data length is wrong.
     */
    public IdxArray(int[] dims, byte[] data) {
        this(checkDims(dims).clone(), Objects.requireNonNull(data, "data").clone(), Ownership.OWNED);
    }

    /** Marks the private constructor, whose arrays are already owned by the new instance. */
    private enum Ownership { OWNED }

    private IdxArray(int[] dims, byte[] data, Ownership owned) {
        long count = product(dims);
        if (data.length != count) {
            throw new IllegalArgumentException("data: expected " + count + " bytes for dims " + format(dims)
                + ", found " + data.length);
        }
        this.dims = dims;
        this.data = data;
    }

    /** Wraps arrays without copying; for readers that own freshly allocated arrays. */
    static IdxArray wrap(int[] dims, byte[] data) {
        return new IdxArray(checkDims(dims), Objects.requireNonNull(data, "data"), Ownership.OWNED);
    }

    /**
     * Returns the size of each dimension.
     *
     * @return A copy of the dims.
     */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * Returns the number of dimensions.
     *
     * @return The rank, 1 to 4.
     */
    public int rank() {
        return dims.length;
    }

    /**
     * Returns the size of one dimension.
     *
     * @param axis The dimension, 0 &le; axis &lt; rank().
     * @return Its size.
     * @throws IndexOutOfBoundsException If axis is out of range.
     */
    public int dim(int axis) {
        Objects.checkIndex(axis, dims.length);
        return dims[axis];
    }

    /**
     * Returns the raw bytes; read them as unsigned with {@code b & 0xFF}.
     *
     * @return A copy of the data, row-major, length count().
     */
    public byte[] data() {
        return data.clone();
    }

    /** The backing array, not copied; callers in this package must not modify it. */
    byte[] dataUnsafe() {
        return data;
    }

    /**
     * Returns one element as an unsigned value.
     *
     * @param flatIndex The row-major index, 0 &le; flatIndex &lt; count().
     * @return The element, 0 to 255.
     * @throws IndexOutOfBoundsException If flatIndex is out of range.
     */
    public int unsigned(int flatIndex) {
        Objects.checkIndex(flatIndex, data.length);
        return data[flatIndex] & 0xFF;
    }

    /**
     * Returns the number of elements.
     *
     * @return The product of the dims.
     */
    public int count() {
        return data.length;
    }

    /**
     * Formats dims as e.g. {@code 100x28x28}.
     *
     * @param dims The dims. Not modified.
     * @return The dims joined by 'x'.
     */
    static String format(int[] dims) {
        StringJoiner j = new StringJoiner("x");
        for (int d : dims) {
            j.add(Integer.toString(d));
        }
        return j.toString();
    }

    static long product(int[] dims) {
        long p = 1;
        for (int d : dims) {
            p *= d;
        }
        return p;
    }

    private static int[] checkDims(int[] dims) {
        Objects.requireNonNull(dims, "dims");
        if (dims.length < 1 || dims.length > MAX_RANK) {
            throw new IllegalArgumentException("dims: expected 1 to " + MAX_RANK + " dimensions, found "
                + dims.length);
        }
        long p = 1;
        for (int k = 0; k < dims.length; k++) {
            if (dims[k] < 0) {
                throw new IllegalArgumentException("dims[" + k + "]: expected >= 0, found " + dims[k]);
            }
            p *= dims[k];
            if (p > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("dims: expected at most " + (Integer.MAX_VALUE - 8)
                    + " elements, found dims " + Arrays.toString(dims));
            }
        }
        return dims;
    }

    /**
     * Compares dims and bytes.
     *
     * @param o The other object.
     * @return True if o is an IdxArray with equal dims and bytes.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof IdxArray other && Arrays.equals(dims, other.dims) && Arrays.equals(data, other.data);
    }

    /**
     * Hashes dims and bytes.
     *
     * @return A hash consistent with equals.
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(data);
    }

    /**
     * Describes the array.
     *
     * @return E.g. {@code IdxArray[ubyte 100x28x28]}.
     */
    @Override
    public String toString() {
        return "IdxArray[ubyte " + format(dims) + "]";
    }
}
