package org.ebmjava.classify;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multinomial logistic regression (a linear softmax classifier), the standard read-out for judging features.
 *
 * <p>Model: p(y = k | x) = softmax(x W + b)<sub>k</sub>. Training minimises the mean cross-entropy plus an L2
 * penalty, L = -(1/n) &sum;<sub>i</sub> log p(y<sub>i</sub> | x<sub>i</sub>) + (&lambda;/2) |W|<sup>2</sup>, by
 * full-batch gradient descent with the gradient
 * <pre>
 *   dL/dW = X<sup>T</sup>(P - Y) / n + &lambda; W,   dL/db = mean over rows of (P - Y)
 * </pre>
 * where P holds the predicted probabilities and Y the one-hot labels. The loss is convex, so the result does not
 * depend on a seed: weights start at zero.
 */
public final class SoftmaxRegression {
    private final INDArray weights;
    private final INDArray bias;

    private SoftmaxRegression(INDArray weights, INDArray bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Trains a classifier.
     *
     * @param features The n x d feature matrix (float32 or float64). Not modified.
     * @param labels The n class labels, each in [0, classes).
     * @param classes The number of classes, at least 2.
     * @param learningRate The gradient-descent step size, &gt; 0 (about 0.5 suits features in [0, 1]).
     * @param l2 The L2 penalty &lambda; &ge; 0 on the weights (not the biases).
     * @param iterations The number of full-batch gradient steps, &ge; 1.
     * @return The trained classifier.
     * @throws IllegalArgumentException If shapes or values are invalid; the message names the argument.
     */
    public static SoftmaxRegression train(INDArray features, int[] labels, int classes, double learningRate,
            double l2, int iterations) {
        if (features == null || features.rank() != 2) {
            throw new IllegalArgumentException("features must be an n x d matrix, found "
                    + (features == null ? "null" : "rank " + features.rank()));
        }
        long n = features.rows();
        if (labels == null || labels.length != n) {
            throw new IllegalArgumentException("labels must have one entry per row: expected " + n + ", found "
                    + (labels == null ? "null" : labels.length));
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, found " + classes);
        }
        if (!(learningRate > 0) || !(l2 >= 0) || iterations < 1) {
            throw new IllegalArgumentException("need learningRate > 0, l2 >= 0, iterations >= 1; found "
                    + learningRate + ", " + l2 + ", " + iterations);
        }
        INDArray x = features.castTo(DataType.FLOAT);
        INDArray y = oneHot(labels, classes);
        INDArray w = Nd4j.zeros(DataType.FLOAT, x.columns(), classes);
        INDArray b = Nd4j.zeros(DataType.FLOAT, 1, classes);
        for (int it = 0; it < iterations; it++) {
            INDArray p = probabilities(x, w, b);
            INDArray delta = p.subi(y);                                   // P - Y
            INDArray gw = x.transpose().mmul(delta).divi(n).addi(w.mul(l2));
            INDArray gb = delta.mean(true, 0);
            w.subi(gw.muli(learningRate));
            b.subi(gb.muli(learningRate));
        }
        return new SoftmaxRegression(w, b);
    }

    /**
     * Class probabilities.
     *
     * @param features The n x d features. Not modified.
     * @return A new n x classes matrix whose rows sum to 1.
     */
    public INDArray predictProbabilities(INDArray features) {
        checkWidth(features);
        return probabilities(features.castTo(DataType.FLOAT), weights, bias);
    }

    /**
     * The most probable class of each row.
     *
     * @param features The n x d features. Not modified.
     * @return The n predicted labels.
     */
    public int[] predict(INDArray features) {
        INDArray argmax = Nd4j.argMax(predictProbabilities(features), 1);
        return argmax.toIntVector();
    }

    /**
     * Fraction of rows classified correctly.
     *
     * @param features The n x d features. Not modified.
     * @param labels The n true labels.
     * @return The accuracy in [0, 1].
     */
    public double accuracy(INDArray features, int[] labels) {
        int[] predicted = predict(features);
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("labels must have one entry per row: expected " + predicted.length
                    + ", found " + labels.length);
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return correct / (double) labels.length;
    }

    /**
     * Mean cross-entropy -(1/n) &sum; log p(y<sub>i</sub> | x<sub>i</sub>), in nats.
     *
     * @param features The n x d features. Not modified.
     * @param labels The n true labels.
     * @return The mean cross-entropy.
     */
    public double crossEntropy(INDArray features, int[] labels) {
        INDArray p = predictProbabilities(features);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(p.getDouble(i, labels[i]), 1e-30));
        }
        return sum / labels.length;
    }

    /**
     * The weights, d x classes (a copy).
     *
     * @return The weights.
     */
    public INDArray weights() {
        return weights.dup();
    }

    private void checkWidth(INDArray features) {
        if (features == null || features.rank() != 2 || features.columns() != weights.rows()) {
            throw new IllegalArgumentException("features must be n x " + weights.rows() + ", found "
                    + (features == null ? "null" : java.util.Arrays.toString(features.shape())));
        }
    }

    private static INDArray probabilities(INDArray x, INDArray w, INDArray b) {
        INDArray logits = x.mmul(w).addiRowVector(b);
        logits.subiColumnVector(logits.max(true, 1));                    // stable softmax
        Transforms.exp(logits, false);
        return logits.diviColumnVector(logits.sum(true, 1));
    }

    private static INDArray oneHot(int[] labels, int classes) {
        float[] y = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + i + " must be in [0, " + classes + "), found "
                        + labels[i]);
            }
            y[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(y, new long[] {labels.length, classes});
    }
}
