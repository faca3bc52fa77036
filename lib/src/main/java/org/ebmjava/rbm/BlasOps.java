package org.ebmjava.rbm;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Direct calls into the OpenBLAS library that ND4J itself loads, on row-major float32 INDArrays.
 *
 * <p>Why: {@code Nd4j.gemm} and {@code mmul} go through ND4J's generic matrix-multiply op (shape checks,
 * order handling, sometimes a copy), which cost 2-4x at the RBM's shapes. Calling
 * {@code cblas_sgemm} on the arrays' memory is what PyTorch does; it needs row-major (C order) matrices
 * whose rows are contiguous, which every buffer in this package is. Views with a row stride larger than
 * the row length (a column block of a wider matrix) are fine: the stride becomes the leading dimension.
 *
 * <p>The same native library instance as ND4J's (javacpp's {@code openblas_nolapack} preset) is called, so
 * {@code Nd4j.factory().blas().setMaxThreads(n)} sets its threads.
 *
 * <p>Public only for its raw {@link #sgemm} and {@link #sgemmThin} wrappers, which the neural engine
 * ({@code org.ebmjava.neural}) shares; everything else stays package-private.
 */
public final class BlasOps {
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    private BlasOps() {}

    /**
     * Returns a pointer to the first element of a float32 array (a view's own first element).
     *
     * @param a The array. Not modified.
     * @return A non-owning pointer. The array must stay reachable while the pointer is used: the garbage collector
     *     may free an INDArray's native memory as soon as Java code no longer reads the array, even while a native
     *     call uses the pointer, so callers end with {@link RbmOps#keepAlive}.
     */
    static FloatPointer pointer(INDArray a) {
        requireFloat(a, "a");
        FloatPointer p = new FloatPointer(a.data().addressPointer());
        long extra = a.offset() - a.data().offset();
        return extra == 0 ? p : p.position(p.position() + extra);
    }

    /**
     * Returns the leading dimension (row stride) of a row-major matrix with contiguous rows.
     *
     * @param a A 2-D float32 array. Not modified.
     * @param name The argument name for error messages.
     * @return stride(0).
     * @throws IllegalArgumentException If the rows are not contiguous (column stride other than 1).
     */
    static int leadingDimension(INDArray a, String name) {
        requireFloat(a, name);
        if (a.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix, found rank " + a.rank());
        }
        if (a.columns() > 1 && a.stride(1) != 1) {
            throw new IllegalArgumentException(name + " must have contiguous rows (column stride 1, C order), found "
                    + "stride " + a.stride(1) + " (order '" + a.ordering() + "')");
        }
        long ld = a.rows() > 1 ? a.stride(0) : Math.max(1, a.columns());
        return (int) Math.max(ld, a.columns());
    }

    /**
     * Performs c = alpha op(a) op(b) + beta c with {@code cblas_sgemm}; op is the identity or the
     * transpose.
     *
     * @param transA Whether to use a<sup>T</sup>.
     * @param transB Whether to use b<sup>T</sup>.
     * @param alpha The scale of the product.
     * @param a Matrix a, row-major with contiguous rows. Not modified.
     * @param b Matrix b, row-major with contiguous rows. Not modified.
     * @param beta The scale of the old c (0 overwrites c, NaN in c included).
     * @param c The output, row-major with contiguous rows. Modified.
     * @throws IllegalArgumentException If the shapes do not agree (the message gives all three).
     */
    static void gemm(boolean transA, boolean transB, double alpha, INDArray a, INDArray b, double beta, INDArray c) {
        int lda = leadingDimension(a, "a");
        int ldb = leadingDimension(b, "b");
        int ldc = leadingDimension(c, "c");
        long m = transA ? a.columns() : a.rows();
        long k = transA ? a.rows() : a.columns();
        long kb = transB ? b.columns() : b.rows();
        long n = transB ? b.rows() : b.columns();
        if (k != kb || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("gemm shapes do not agree: op(a) is " + m + "x" + k + ", op(b) is " + kb
                    + "x" + n + ", c is " + c.rows() + "x" + c.columns());
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            c.muli(beta);
            return;
        }
        sgemm(transA, transB, (int) m, (int) n, (int) k, (float) alpha, pointer(a), lda, pointer(b), ldb, (float) beta,
                pointer(c), ldc);
        // The pointers do not own the memory: keep the arrays (and their native buffers) alive until BLAS is done.
        RbmOps.keepAlive(a, b, c);
    }

    /**
     * Raw {@code cblas_sgemm} in row-major layout on cached pointers (no checks: for the training loop).
     *
     * @param transA Whether to use a<sup>T</sup>.
     * @param transB Whether to use b<sup>T</sup>.
     * @param m Rows of op(a) and c.
     * @param n Columns of op(b) and c.
     * @param k Columns of op(a), rows of op(b).
     * @param alpha The scale of the product.
     * @param a Pointer to a. Not modified.
     * @param lda Row stride of a.
     * @param b Pointer to b. Not modified.
     * @param ldb Row stride of b.
     * @param beta The scale of the old c.
     * @param c Pointer to c. Modified.
     * @param ldc Row stride of c.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, FloatPointer a, int lda,
            FloatPointer b, int ldb, float beta, FloatPointer c, int ldc) {
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha,
                a, lda, b, ldb, beta, c, ldc);
    }

    /**
     * c = alpha op(a) op(b) + beta c like {@link #sgemm}, but with level-2 BLAS calls when a dimension is at most 2:
     * n &le; 2 as one {@code cblas_sgemv} per column of c, m &le; 2 as one per row, k &le; 2 as one
     * {@code cblas_sger} (rank-1 update) per inner index after scaling c by beta. OpenBLAS's {@code sgemm} costs
     * 11-17 &micro;s at such shapes whatever their size (its packing and blocking), its {@code sgemv} and
     * {@code sger} 1.5-3 &micro;s, measured here with 256 rows and 128 columns (the 2-128-128-1 MLP's output layer,
     * its gradient and its backward step; the first layer of a 2D input). Which path runs depends only on m, n and
     * k, so results are reproducible; the sums are formed in a different order than {@code sgemm}'s, so the last
     * bits can differ from it. With beta = 0 the old c is ignored (NaN in c included), as for {@code sgemm}.
     *
     * @param transA Whether to use a<sup>T</sup>.
     * @param transB Whether to use b<sup>T</sup>.
     * @param m Rows of op(a) and c.
     * @param n Columns of op(b) and c.
     * @param k Columns of op(a), rows of op(b).
     * @param alpha The scale of the product.
     * @param a Pointer to a. Not modified.
     * @param lda Row stride of a.
     * @param b Pointer to b. Not modified.
     * @param ldb Row stride of b.
     * @param beta The scale of the old c.
     * @param c Pointer to c. Modified.
     * @param ldc Row stride of c.
     */
    public static void sgemmThin(boolean transA, boolean transB, int m, int n, int k, float alpha, FloatPointer a,
            int lda, FloatPointer b, int ldb, float beta, FloatPointer c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k > 2 && n <= 2) {
            // column j of c = alpha op(a) (column j of op(b)) + beta (column j of c)
            for (int j = 0; j < n; j++) {
                FloatPointer x = transB ? offset(b, (long) j * ldb) : offset(b, j);
                int incx = transB ? 1 : ldb;
                openblas_nolapack.cblas_sgemv(ROW_MAJOR, transA ? TRANS : NO_TRANS, transA ? k : m, transA ? m : k,
                        alpha, a, lda, x, incx, beta, offset(c, j), ldc);
            }
        } else if (k > 2 && m <= 2) {
            // row i of c = alpha op(b)^T (row i of op(a)) + beta (row i of c)
            for (int i = 0; i < m; i++) {
                FloatPointer x = transA ? offset(a, i) : offset(a, (long) i * lda);
                int incx = transA ? lda : 1;
                openblas_nolapack.cblas_sgemv(ROW_MAJOR, transB ? NO_TRANS : TRANS, transB ? n : k, transB ? k : n,
                        alpha, b, ldb, x, incx, beta, offset(c, (long) i * ldc), 1);
            }
        } else if (k <= 2 && (long) m * n >= 64) {
            if (beta != 1f) {
                // cblas_sscal with 0 writes zeros (NaN included) in the bundled OpenBLAS; BlasOpsTest checks it
                if (ldc == n) {
                    openblas_nolapack.cblas_sscal(m * n, beta, c, 1);
                } else {
                    for (int i = 0; i < m; i++) {
                        openblas_nolapack.cblas_sscal(n, beta, offset(c, (long) i * ldc), 1);
                    }
                }
            }
            // c += alpha (column p of op(a)) (row p of op(b))
            for (int p = 0; p < k; p++) {
                FloatPointer x = transA ? offset(a, (long) p * lda) : offset(a, p);
                FloatPointer y = transB ? offset(b, p) : offset(b, (long) p * ldb);
                openblas_nolapack.cblas_sger(ROW_MAJOR, m, n, alpha, x, transA ? 1 : lda, y, transB ? ldb : 1, c, ldc);
            }
        } else {
            sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        }
    }

    /** A pointer i elements past p (p itself is unchanged). */
    private static FloatPointer offset(FloatPointer p, long i) {
        return i == 0 ? p : new FloatPointer(p).position(p.position() + i);
    }

    /**
     * Raw {@code cblas_sgemv} in row-major layout: y = alpha op(a) x + beta y.
     *
     * @param transA Whether to use a<sup>T</sup>.
     * @param m Rows of a (as stored).
     * @param n Columns of a (as stored).
     * @param alpha The scale of the product.
     * @param a Pointer to a. Not modified.
     * @param lda Row stride of a.
     * @param x Pointer to x (unit stride). Not modified.
     * @param beta The scale of the old y.
     * @param y Pointer to y (unit stride). Modified.
     */
    static void sgemv(boolean transA, int m, int n, float alpha, FloatPointer a, int lda, FloatPointer x, float beta,
            FloatPointer y) {
        openblas_nolapack.cblas_sgemv(ROW_MAJOR, transA ? TRANS : NO_TRANS, m, n, alpha, a, lda, x, 1, beta, y, 1);
    }

    /**
     * Raw {@code cblas_saxpy}: y = alpha x + y on contiguous vectors.
     *
     * @param n The number of elements.
     * @param alpha The scale of x.
     * @param x Pointer to x. Not modified.
     * @param y Pointer to y. Modified.
     */
    static void saxpy(int n, float alpha, FloatPointer x, FloatPointer y) {
        openblas_nolapack.cblas_saxpy(n, alpha, x, 1, y, 1);
    }

    /**
     * Raw {@code cblas_sger}: a = alpha x y<sup>T</sup> + a (row-major).
     *
     * @param m Rows of a.
     * @param n Columns of a.
     * @param alpha The scale.
     * @param x Pointer to x (length m). Not modified.
     * @param y Pointer to y (length n). Not modified.
     * @param a Pointer to a. Modified.
     * @param lda Row stride of a.
     */
    static void sger(int m, int n, float alpha, FloatPointer x, FloatPointer y, FloatPointer a, int lda) {
        openblas_nolapack.cblas_sger(ROW_MAJOR, m, n, alpha, x, 1, y, 1, a, lda);
    }

    /**
     * Returns a new row-major float32 matrix product op(a) op(b) computed with {@code cblas_sgemm}.
     *
     * @param a Matrix a. Not modified.
     * @param transA Whether to use a<sup>T</sup>.
     * @param b Matrix b. Not modified.
     * @param transB Whether to use b<sup>T</sup>.
     * @return A new C-order matrix.
     */
    static INDArray mmul(INDArray a, boolean transA, INDArray b, boolean transB) {
        long m = transA ? a.columns() : a.rows();
        long n = transB ? b.rows() : b.columns();
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'c');
        gemm(transA, transB, 1.0, a, b, 0.0, c);
        return c;
    }

    private static void requireFloat(INDArray a, String name) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException(name + " must be float32, found " + a.dataType());
        }
    }
}
