package org.ebmjava.classify;

import org.ebmjava.NativeMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multinomial logistic regression (a linear softmax classifier), the standard read-out for judging features.
 *
 * <p>Model: p(y = k | x) = softmax(z W + b)<sub>k</sub> with standardised features z = (x - &mu;) / &sigma;
 * (per column, &mu; and &sigma; from the training data; columns with &sigma; = 0 are left at 0). Training minimises
 * the mean cross-entropy plus an L2 penalty, L = -(1/n) &sum;<sub>i</sub> log p(y<sub>i</sub> | x<sub>i</sub>) +
 * (&lambda;/2) |W|<sup>2</sup>, with full-batch Adam (Kingma and Ba, 2015) on the gradient
 * <pre>
 *   dL/dW = Z<sup>T</sup>(P - Y) / n + &lambda; W,   dL/db = mean over rows of (P - Y)
 * </pre>
 * where P holds the predicted probabilities and Y the one-hot labels. Standardising and Adam make the same
 * settings work for raw pixels and for learned features of any scale. The loss is convex and the weights start at
 * zero, so the result needs no seed.
 */
public final class SoftmaxRegression {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final INDArray weights;
    private final INDArray bias;
    private final INDArray mean;
    private final INDArray invStd;

    private SoftmaxRegression(INDArray weights, INDArray bias, INDArray mean, INDArray invStd) {
        this.weights = weights;
        this.bias = bias;
        this.mean = mean;
        this.invStd = invStd;
    }

    /**
     * Trains a classifier.
     *
     * @param features The n x d feature matrix (float32 or float64). Not modified.
     * @param labels The n class labels, each in [0, classes).
     * @param classes The number of classes, at least 2.
     * @param learningRate The Adam step size, &gt; 0 (0.01 to 0.1 suits standardised features).
     * @param l2 The L2 penalty &lambda; &ge; 0 on the weights (not the biases).
     * @param iterations The number of full-batch Adam steps, &ge; 1.
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
        INDArray raw = features.castTo(DataType.FLOAT);
        INDArray mean = raw.mean(true, 0);
        INDArray std = raw.std(true, false, 0);
        INDArray invStd = Transforms.pow(std, -1, true);
        BooleanIndexing.replaceWhere(invStd, 0.0, Conditions.isInfinite());   // constant columns contribute 0
        INDArray x = standardise(raw, mean, invStd);
        INDArray y = oneHot(labels, classes);
        INDArray w = Nd4j.zeros(DataType.FLOAT, x.columns(), classes);
        INDArray b = Nd4j.zeros(DataType.FLOAT, 1, classes);
        INDArray[] m = {Nd4j.zerosLike(w), Nd4j.zerosLike(b)};
        INDArray[] v = {Nd4j.zerosLike(w), Nd4j.zerosLike(b)};
        for (int it = 1; it <= iterations; it++) {
            NativeMemory.collectIfDue();
            INDArray delta = probabilities(x, w, b).subi(y);                     // P - Y
            INDArray[] grads = {Nd4j.gemm(x, delta, true, false).divi(n).addi(w.mul(l2)), delta.mean(true, 0)};
            INDArray[] params = {w, b};
            double stepSize = learningRate * Math.sqrt(1 - Math.pow(BETA2, it)) / (1 - Math.pow(BETA1, it));
            for (int p = 0; p < 2; p++) {
                m[p].muli(BETA1).addi(grads[p].mul(1 - BETA1));
                v[p].muli(BETA2).addi(grads[p].mul(grads[p]).muli(1 - BETA2));
                params[p].subi(m[p].div(Transforms.sqrt(v[p], true).addi(EPSILON)).muli(stepSize));
            }
        }
        return new SoftmaxRegression(w, b, mean, invStd);
    }

    /**
     * Class probabilities.
     *
     * @param features The n x d features. Not modified.
     * @return A new n x classes matrix whose rows sum to 1.
     */
    public INDArray predictProbabilities(INDArray features) {
        checkWidth(features);
        return probabilities(standardise(features.castTo(DataType.FLOAT), mean, invStd), weights, bias);
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
     * The weights on the standardised features, d x classes (a copy).
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

    private static INDArray standardise(INDArray x, INDArray mean, INDArray invStd) {
        return x.subRowVector(mean).muliRowVector(invStd);
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
