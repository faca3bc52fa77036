package org.ebmjava.exercises.ex05;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 05.2 ({@link Cd1Gradient}). */
@DisplayName("05.2 CD-1 gradient")
public class Cd1GradientChecks {
    private static final double TOL = 1e-10;
    private final Cd1Gradient impl = Submissions.get(Cd1Gradient.class);

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    /** The check's own CD-1, written out loop by loop. */
    static RbmGradient reference(double[][] w, double[] b, double[] c, double[][] batch, double[][] uh, double[][] uv) {
        int nv = b.length;
        int nh = c.length;
        double[][] dw = new double[nv][nh];
        double[] db = new double[nv];
        double[] dc = new double[nh];
        for (int r = 0; r < batch.length; r++) {
            double[] v0 = batch[r];
            double[] p0 = new double[nh];
            double[] h0 = new double[nh];
            for (int j = 0; j < nh; j++) {
                double a = c[j];
                for (int i = 0; i < nv; i++) {
                    a += v0[i] * w[i][j];
                }
                p0[j] = sigmoid(a);
                h0[j] = uh[r][j] < p0[j] ? 1 : 0;
            }
            double[] v1 = new double[nv];
            for (int i = 0; i < nv; i++) {
                double a = b[i];
                for (int j = 0; j < nh; j++) {
                    a += w[i][j] * h0[j];
                }
                v1[i] = uv[r][i] < sigmoid(a) ? 1 : 0;
            }
            double[] p1 = new double[nh];
            for (int j = 0; j < nh; j++) {
                double a = c[j];
                for (int i = 0; i < nv; i++) {
                    a += v1[i] * w[i][j];
                }
                p1[j] = sigmoid(a);
            }
            for (int i = 0; i < nv; i++) {
                db[i] += (v0[i] - v1[i]) / batch.length;
                for (int j = 0; j < nh; j++) {
                    dw[i][j] += (v0[i] * p0[j] - v1[i] * p1[j]) / batch.length;
                }
            }
            for (int j = 0; j < nh; j++) {
                dc[j] += (p0[j] - p1[j]) / batch.length;
            }
        }
        return new RbmGradient(dw, db, dc);
    }

    @Test
    @DisplayName("matches the loop-by-loop CD-1 on random RBMs and batches")
    void matchesReference() {
        Random rng = new Random(81);
        for (int trial = 0; trial < 5; trial++) {
            int nv = 3 + rng.nextInt(6);
            int nh = 2 + rng.nextInt(5);
            int batchSize = 1 + rng.nextInt(8);
            double[][] w = CheckData.gaussian(nv, nh, rng);
            double[] b = CheckData.gaussian(nv, rng);
            double[] c = CheckData.gaussian(nh, rng);
            double[][] batch = new double[batchSize][nv];
            for (double[] row : batch) {
                for (int i = 0; i < nv; i++) {
                    row[i] = rng.nextBoolean() ? 1 : 0;
                }
            }
            double[][] uh = CheckData.uniform(batchSize, nh, rng);
            double[][] uv = CheckData.uniform(batchSize, nv, rng);
            RbmGradient expected = reference(w, b, c, batch, uh, uv);
            RbmGradient actual = impl.gradient(w, b, c, batch, uh, uv);
            for (int i = 0; i < nv; i++) {
                assertArrayEquals(expected.weights()[i], actual.weights()[i], TOL, "dW row " + i + ", trial " + trial);
            }
            assertArrayEquals(expected.visibleBias(), actual.visibleBias(), TOL, "db, trial " + trial);
            assertArrayEquals(expected.hiddenBias(), actual.hiddenBias(), TOL, "dc, trial " + trial);
        }
    }

    @Test
    @DisplayName("positive phase minus negative phase (not the reverse)")
    void sign() {
        // With uniforms near 1 nothing is sampled on: h0 = 0, v1 = 0, so db = <v0> > 0 and dc = <p0 - p1>.
        double[][] w = {{1.0}};
        RbmGradient g = impl.gradient(w, new double[] {0.0}, new double[] {0.0}, new double[][] {{1}},
                new double[][] {{0.999999}}, new double[][] {{0.999999}});
        assertEquals(1.0, g.visibleBias()[0], TOL, "db = v0 - v1 = 1 - 0");
        assertEquals(sigmoid(1.0) - 0.5, g.hiddenBias()[0], TOL, "dc = p0 - p1 = sigmoid(1) - sigmoid(0)");
        assertEquals(sigmoid(1.0), g.weights()[0][0], TOL, "dW = v0 p0 - v1 p1 = sigmoid(1)");
    }

    @Test
    @DisplayName("averages over the batch (does not sum)")
    void averages() {
        double[][] w = {{0.5, -0.5}};
        double[] b = {0.1};
        double[] c = {0.2, -0.2};
        double[][] one = {{1}};
        double[][] uh = {{0.3, 0.7}};
        double[][] uv = {{0.4}};
        RbmGradient single = impl.gradient(w, b, c, one, uh, uv);
        RbmGradient doubled = impl.gradient(w, b, c, new double[][] {{1}, {1}}, new double[][] {{0.3, 0.7}, {0.3, 0.7}},
                new double[][] {{0.4}, {0.4}});
        assertArrayEquals(single.weights()[0], doubled.weights()[0], TOL, "two identical rows give the same dW as one");
    }

    @Test
    @DisplayName("leaves the inputs unchanged")
    void pure() {
        double[][] w = {{0.5}};
        double[][] batch = {{1}};
        impl.gradient(w, new double[] {0.0}, new double[] {0.0}, batch, new double[][] {{0.5}}, new double[][] {{0.5}});
        assertEquals(0.5, w[0][0], 0.0, "W must be left as it was");
        assertEquals(1.0, batch[0][0], 0.0, "the batch must be left as it was");
    }
}
