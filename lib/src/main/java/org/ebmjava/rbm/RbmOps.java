package org.ebmjava.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Static helpers shared by the RBM classes: argument checks, numerically stable softplus and log-sum-exp,
 * in-place sigmoid and Bernoulli sampling on ND4J arrays.
 *
 * <p>Numerical conventions: softplus(x) = log(1 + e<sup>x</sup>) is evaluated as
 * softplus(min(x, 80)) + max(x - 80, 0), exact to float precision and finite for every finite x
 * (ND4J's own softplus returns Infinity above x = 88). Log-sum-exp shifts by the maximum.
 */
public final class RbmOps {
    /** Above this argument softplus(x) equals x to float precision (log1p(e^-80) is about 1.8e-35). */
    static final double SOFTPLUS_LINEAR_FROM = 80.0;

    private RbmOps() {}

    /**
     * Returns a new ND4J random generator seeded with {@code seed} (not the global one).
     *
     * @param seed The seed.
     * @return A new native generator; close it when done (it holds native memory).
     */
    public static Random newRandom(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /**
     * Runs {@code body} with a new generator seeded with {@code seed} and frees the generator afterwards.
     *
     * @param seed The seed.
     * @param body The computation. Receives the generator.
     * @param <T> The result type.
     * @return The body's result.
     */
    static <T> T withRandom(long seed, java.util.function.Function<Random, T> body) {
        Random rng = newRandom(seed);
        try {
            return body.apply(rng);
        } finally {
            close(rng);
        }
    }

    /**
     * Frees a generator's native state.
     *
     * @param rng The generator, may be null.
     */
    static void close(Random rng) {
        if (rng == null) {
            return;
        }
        try {
            rng.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing an ND4J random generator failed", e);
        }
    }

    /**
     * Checks a batch of row vectors and returns it as a float32, C-order matrix with contiguous rows.
     *
     * <p>A rank-1 array of length {@code columns} is treated as one row. Arrays that already qualify are
     * returned as they are (no copy); others are copied.
     *
     * @param a The batch. Not modified.
     * @param columns The required number of columns.
     * @param name The argument name for error messages.
     * @return {@code a} or a float32 C-order copy, of shape [n, columns].
     * @throws IllegalArgumentException If {@code a} is null, not of rank 1 or 2, or has the wrong width.
     */
    static INDArray rows(INDArray a, int columns, String name) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        INDArray m = a;
        if (a.rank() == 1) {
            m = a.reshape(1, a.length());
        } else if (a.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix [n, " + columns + "] or a vector of length "
                    + columns + ", found shape " + java.util.Arrays.toString(a.shape()));
        }
        if (m.columns() != columns) {
            throw new IllegalArgumentException(name + " must have " + columns + " columns, found shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        if (m.dataType() != DataType.FLOAT) {
            m = m.castTo(DataType.FLOAT);
        }
        boolean contiguousRows = m.columns() <= 1 || m.stride(1) == 1;
        if (!contiguousRows || m.ordering() != 'c' && m.rows() > 1) {
            m = m.dup('c');
        }
        return m;
    }

    /**
     * Checks a rank-1 parameter vector and returns a float32 copy of shape [length].
     *
     * @param a The vector (rank 1, or a [1, n] or [n, 1] matrix). Not modified.
     * @param length The required length.
     * @param name The argument name for error messages.
     * @return A new float32 vector.
     * @throws IllegalArgumentException If {@code a} is null or has the wrong length.
     */
    static INDArray vectorCopy(INDArray a, long length, String name) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (a.length() != length || a.rank() > 2 || (a.rank() == 2 && a.rows() != 1 && a.columns() != 1)) {
            throw new IllegalArgumentException(name + " must be a vector of length " + length + ", found shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        return a.reshape(length).castTo(DataType.FLOAT).dup('c');
    }

    /**
     * Replaces every element x of {@code a} by the logistic sigmoid 1 / (1 + e<sup>-x</sup>).
     *
     * @param a The array. Modified.
     * @return {@code a}.
     */
    static INDArray sigmoidInPlace(INDArray a) {
        Nd4j.getExecutioner().exec(new Sigmoid(a, a));
        return a;
    }

    /**
     * Replaces every element x of {@code a} by softplus(x) = log(1 + e<sup>x</sup>), stable for large x.
     *
     * <p>Performs softplus(min(x, 80)) + relu(x - 80), where ND4J's softplus is safe below 88.
     *
     * @param a The array. Modified.
     * @param scratch A scratch array of the same shape. Modified.
     * @return {@code a}.
     */
    static INDArray softplusInPlace(INDArray a, INDArray scratch) {
        // scratch = relu(a - 80) (the part where softplus is linear); a = softplus(min(a, 80)).
        scratch.assign(a).subi(SOFTPLUS_LINEAR_FROM);
        Nd4j.getExecutioner().exec(new RectifiedLinear(scratch, scratch, 0.0));
        Nd4j.getExecutioner().exec(new ScalarMin(a, null, a, SOFTPLUS_LINEAR_FROM));
        Nd4j.getExecutioner().exec(new SoftPlus(a, a));
        return a.addi(scratch);
    }

    /**
     * Returns softplus(x) = log(1 + e<sup>x</sup>) of a double, stable for every finite x.
     *
     * @param x The argument.
     * @return log(1 + e<sup>x</sup>), which is about x for large x and about e<sup>x</sup> for very negative x.
     */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /**
     * Returns the logistic sigmoid 1 / (1 + e<sup>-x</sup>) of a double without overflow.
     *
     * @param x The argument.
     * @return A value in [0, 1].
     */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * Returns log &sum;<sub>i</sub> e<sup>a<sub>i</sub></sup>, shifted by the maximum.
     *
     * @param a The exponents. Not modified.
     * @return The log-sum-exp; -Infinity for an empty array.
     */
    public static double logSumExp(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            max = Math.max(max, x);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double sum = 0.0;
        for (double x : a) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }

    /**
     * Samples z<sub>i</sub> ~ Bernoulli(p<sub>i</sub>) element-wise with the given generator.
     *
     * @param probabilities The probabilities p in [0, 1]. Not modified (unless it is also {@code out}).
     * @param out The 0/1 output, same shape; may be {@code probabilities} itself. Modified.
     * @param rng The generator. Advanced.
     * @return {@code out}.
     */
    static INDArray bernoulli(INDArray probabilities, INDArray out, Random rng) {
        Nd4j.getExecutioner().exec(new BernoulliDistribution(out, probabilities), rng);
        return out;
    }

    /**
     * Returns the base-rate visible biases log(p<sub>i</sub> / (1 - p<sub>i</sub>)) of data, with p clipped.
     *
     * <p>p<sub>i</sub> is the mean of column i, clipped to [eps, 1 - eps] so all-zero pixels (common in
     * MNIST borders) get a large negative but finite bias.
     *
     * @param data The data, rows are samples in [0, 1]. Not modified.
     * @param columns The number of columns expected.
     * @param eps The clip, in (0, 0.5).
     * @return A new float32 vector of length {@code columns}.
     */
    static INDArray logOddsOfMeans(INDArray data, int columns, double eps) {
        INDArray d = rows(data, columns, "data");
        if (d.rows() == 0) {
            throw new IllegalArgumentException("data must have at least one row, found 0");
        }
        INDArray p = d.mean(0).castTo(DataType.DOUBLE);
        double[] pv = p.toDoubleVector();
        float[] out = new float[columns];
        for (int i = 0; i < columns; i++) {
            double q = Math.min(1.0 - eps, Math.max(eps, pv[i]));
            out[i] = (float) Math.log(q / (1.0 - q));
        }
        return Nd4j.createFromArray(out);
    }

    /**
     * Returns the Frobenius norm of a float array, accumulated in double.
     *
     * @param a The array. Not modified.
     * @return sqrt(&sum; a<sub>i</sub><sup>2</sup>); NaN if any element is NaN, Infinity if any is infinite.
     */
    static double norm(INDArray a) {
        return a.norm2Number().doubleValue();
    }

    /**
     * Keeps objects strongly reachable up to this call (see {@link java.lang.ref.Reference#reachabilityFence}).
     *
     * <p>Needed wherever raw pointers into INDArrays are used: the pointers do not own the memory, and the garbage
     * collector may free an array's native buffer once Java code stops reading the array.
     *
     * @param objects The objects. Not modified.
     */
    static void keepAlive(Object... objects) {
        for (Object o : objects) {
            java.lang.ref.Reference.reachabilityFence(o);
        }
    }

    static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, found " + value);
        }
    }

    static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, found " + value);
        }
    }
}
