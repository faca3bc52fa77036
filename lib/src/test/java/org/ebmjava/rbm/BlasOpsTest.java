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
}
