package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The direct cblas_sgemm path against a double-precision loop, including views with row stride &gt; width. */
class BlasOpsTest {
    static final double TOL_F32 = 1e-4;

    static double[][] reference(double[][] a, boolean ta, double[][] b, boolean tb, double alpha, double beta,
            double[][] c) {
        int m = ta ? a[0].length : a.length;
        int k = ta ? a.length : a[0].length;
        int n = tb ? b.length : b[0].length;
        double[][] out = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += (ta ? a[l][i] : a[i][l]) * (tb ? b[j][l] : b[l][j]);
                }
                out[i][j] = alpha * s + beta * c[i][j];
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void gemmMatchesLoopsForEveryTransposeOnViews(boolean ta, boolean tb) {
        int m = 7;
        int n = 5;
        int k = 9;
        // Column blocks of wider matrices: row stride larger than the width.
        INDArray aWide = Nd4j.rand(DataType.FLOAT, ta ? k : m, (ta ? m : k) + 3);
        INDArray a = aWide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + (ta ? m : k)));
        INDArray b = Nd4j.rand(DataType.FLOAT, tb ? n : k, tb ? k : n);
        INDArray cWide = Nd4j.rand(DataType.FLOAT, m, n + 2);
        INDArray c = cWide.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 2 + n));
        double[][] expected = reference(a.castTo(DataType.DOUBLE).toDoubleMatrix(), ta,
                b.castTo(DataType.DOUBLE).toDoubleMatrix(), tb, 0.7, 0.3, c.castTo(DataType.DOUBLE).toDoubleMatrix());
        double[][] untouched = cWide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)).castTo(DataType.DOUBLE)
                .toDoubleMatrix();
        BlasOps.gemm(ta, tb, 0.7, a, b, 0.3, c);
        double[][] got = c.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int i = 0; i < m; i++) {
            assertArrayEquals(expected[i], got[i], TOL_F32);
        }
        double[][] after = cWide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)).castTo(DataType.DOUBLE)
                .toDoubleMatrix();
        for (int i = 0; i < m; i++) {
            assertArrayEquals(untouched[i], after[i], 0.0);
        }
    }

    @Test
    void shapeMismatchAndColumnMajorAreRejected() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 3, 4);
        INDArray b = Nd4j.rand(DataType.FLOAT, 5, 2);
        assertThrows(IllegalArgumentException.class, () -> BlasOps.gemm(false, false, 1, a, b, 0,
                Nd4j.create(DataType.FLOAT, 3, 2)));
        INDArray f = Nd4j.rand(DataType.FLOAT, 4, 2).dup('f');
        assertThrows(IllegalArgumentException.class, () -> BlasOps.gemm(false, false, 1, a, f, 0,
                Nd4j.create(DataType.FLOAT, 3, 2)));
        assertThrows(IllegalArgumentException.class, () -> BlasOps.gemm(false, false, 1, a.castTo(DataType.DOUBLE),
                Nd4j.rand(DataType.FLOAT, 4, 2), 0, Nd4j.create(DataType.FLOAT, 3, 2)));
    }

    /**
     * sgemmThin against the double loop for every transpose and every thin case (n, m or k of 1 or 2; the sgemm
     * fallback), with row strides wider than the rows (the padding must stay untouched) and, for beta = 0, NaN in the
     * old c (it must be ignored, as sgemm ignores it).
     */
    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void thinProductsMatchLoops(boolean ta, boolean tb) {
        int[][] shapes = {{37, 1, 19}, {37, 2, 19}, {1, 23, 19}, {2, 23, 19}, {37, 23, 1}, {37, 23, 2}, {3, 4, 2},
            {37, 23, 19}, {1, 1, 1}, {2, 2, 2}};
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int[] shape : shapes) {
            for (float beta : new float[] {0f, 0.5f, 1f}) {
                int m = shape[0];
                int n = shape[1];
                int k = shape[2];
                int ar = ta ? k : m;
                int ac = ta ? m : k;
                int br = tb ? n : k;
                int bc = tb ? k : n;
                int lda = ac + 2;
                int ldb = bc + 1;
                int ldc = n + 3;
                double[][] a = random(ar, ac, rng);
                double[][] b = random(br, bc, rng);
                double[][] c = random(m, n, rng);
                org.bytedeco.javacpp.FloatPointer pa = pointer(a, lda, 0f);
                org.bytedeco.javacpp.FloatPointer pb = pointer(b, ldb, 0f);
                org.bytedeco.javacpp.FloatPointer pc = pointer(c, ldc, 42f);
                if (beta == 0f) {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            pc.put((long) i * ldc + j, Float.NaN);
                        }
                    }
                }
                double[][] expected = reference(a, ta, b, tb, 0.7, beta, c);
                BlasOps.sgemmThin(ta, tb, m, n, k, 0.7f, pa, lda, pb, ldb, beta, pc, ldc);
                String where = "m=" + m + " n=" + n + " k=" + k + " beta=" + beta;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < ldc; j++) {
                        float got = pc.get((long) i * ldc + j);
                        if (j < n) {
                            org.junit.jupiter.api.Assertions.assertEquals(expected[i][j], got, TOL_F32 * k, where);
                        } else {
                            org.junit.jupiter.api.Assertions.assertEquals(42f, got, 0f, "padding, " + where);
                        }
                    }
                }
            }
        }
    }

    private static double[][] random(int rows, int cols, java.util.SplittableRandom rng) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (rng.nextDouble() * 2 - 1);
            }
        }
        return x;
    }

    /** A native row-major copy of x with row stride ld, the padding filled with pad. */
    private static org.bytedeco.javacpp.FloatPointer pointer(double[][] x, int ld, float pad) {
        org.bytedeco.javacpp.FloatPointer p = new org.bytedeco.javacpp.FloatPointer((long) x.length * ld);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < ld; j++) {
                p.put((long) i * ld + j, j < x[i].length ? (float) x[i][j] : pad);
            }
        }
        return p;
    }
}
