package org.ebmjava.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SoftmaxRegressionTest {
    private static final double TOL = 1e-5;

    /** Three Gaussian blobs in 2D, centred at distance 4 from each other. */
    private static INDArray blobs(int perClass, int[] labels, Random rng) {
        double[][] centres = {{0, 0}, {4, 0}, {0, 4}};
        float[] x = new float[3 * perClass * 2];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < perClass; i++) {
                int r = k * perClass + i;
                x[2 * r] = (float) (centres[k][0] + rng.nextGaussian());
                x[2 * r + 1] = (float) (centres[k][1] + rng.nextGaussian());
                labels[r] = k;
            }
        }
        return Nd4j.create(x, new long[] {3L * perClass, 2});
    }

    @Test
    void separatesGaussianBlobsNearTheBayesRate() {
        Random rng = new Random(5);
        int[] labels = new int[600];
        INDArray x = blobs(200, labels, rng);
        SoftmaxRegression model = SoftmaxRegression.train(x, labels, 3, 0.05, 0.0, 300);
        // Bayes error for unit Gaussians at distance 4: about 2 * Phi(-2) per pair, so accuracy about 0.96.
        double acc = model.accuracy(x, labels);
        assertTrue(acc > 0.93, "training accuracy " + acc);
        int[] testLabels = new int[600];
        assertTrue(model.accuracy(blobs(200, testLabels, rng), testLabels) > 0.92);
    }

    @Test
    void probabilitiesAreNormalisedAndLossDecreases() {
        Random rng = new Random(6);
        int[] labels = new int[300];
        INDArray x = blobs(100, labels, rng);
        SoftmaxRegression few = SoftmaxRegression.train(x, labels, 3, 0.05, 0.0, 5);
        SoftmaxRegression many = SoftmaxRegression.train(x, labels, 3, 0.05, 0.0, 200);
        INDArray p = many.predictProbabilities(x);
        for (int i = 0; i < p.rows(); i++) {
            assertEquals(1.0, p.getRow(i).sumNumber().doubleValue(), TOL);
        }
        assertTrue(many.crossEntropy(x, labels) < few.crossEntropy(x, labels));
        assertTrue(few.crossEntropy(x, labels) < Math.log(3), "one step below the uniform loss log 3");
    }

    @Test
    void l2PenaltyShrinksTheWeights() {
        Random rng = new Random(7);
        int[] labels = new int[300];
        INDArray x = blobs(100, labels, rng);
        double free = SoftmaxRegression.train(x, labels, 3, 0.05, 0.0, 300).weights().norm2Number().doubleValue();
        double penalised = SoftmaxRegression.train(x, labels, 3, 0.05, 1.0, 300).weights().norm2Number().doubleValue();
        assertTrue(penalised < 0.5 * free, "L2 = 1 must shrink the weights: " + penalised + " vs " + free);
    }

    @Test
    void predictionsDoNotDependOnTheScaleOfTheFeatures() {
        Random rng = new Random(8);
        int[] labels = new int[300];
        INDArray x = blobs(100, labels, rng);
        int[] a = SoftmaxRegression.train(x, labels, 3, 0.05, 0.0, 100).predict(x);
        int[] b = SoftmaxRegression.train(x.mul(1000).addi(50), labels, 3, 0.05, 0.0, 100).predict(x.mul(1000).addi(50));
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    }

    @Test
    void rejectsBadInput() {
        INDArray x = Nd4j.zeros(4, 2);
        assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.train(x, new int[3], 2, 0.1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.train(x, new int[] {0, 1, 2, 0}, 2, 0.1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.train(x, new int[4], 1, 0.1, 0, 1));
        SoftmaxRegression m = SoftmaxRegression.train(x, new int[] {0, 1, 0, 1}, 2, 0.1, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> m.predict(Nd4j.zeros(2, 3)));
    }
}
