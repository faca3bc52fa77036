package org.ebmjava.apps;

import org.ebmjava.neural.Mlp;

/**
 * A neural engine {@link Mlp} with a K-wide head read as a softmax classifier, with the cross-entropy loss, its
 * gradients, and its input gradient for attacks.
 *
 * <p>Math, per sample with logits f = f(x) and label y: p = softmax(f), L = -log p<sub>y</sub> = logsumexp(f) -
 * f<sub>y</sub>, and dL/df = p - e<sub>y</sub> (e<sub>y</sub> the one-hot vector). Reverse mode through the network
 * with that output gradient gives &nabla;<sub>x</sub>L (for attacks) and &nabla;<sub>&theta;</sub>L (for
 * training).
 *
 * <p>The engine's input gradient {@code Mlp.inputGradient} is for scalar heads; input gradients here go through
 * {@link VectorJacobian}, which leaves the caller's parameter gradients untouched. Networks with a level embedding
 * are not classifiers here and are rejected.
 *
 * <p>{@link #accumulateGradient} adds the gradient of the mean cross-entropy over a batch to
 * {@code mlp.gradients()} for a training step (an {@code org.ebmjava.neural.Optimizer} then updates the
 * parameters). An instance shares the network (training it changes the classifier) and is not thread-safe.
 */
public final class MlpClassifier implements DifferentiableClassifier {

    private final Mlp mlp;
    private final int classes;
    private float[] logitBuf;
    private float[] outGrad;
    private final VectorJacobian vjp;

    /**
     * Wraps a network with a K-wide head (K &ge; 2) and no embedding.
     *
     * @param mlp The network; its output width is K. Shared, not copied.
     * @throws IllegalArgumentException If mlp is null, has an embedding or a head narrower than 2.
     */
    public MlpClassifier(Mlp mlp) {
        if (mlp == null) {
            throw new IllegalArgumentException("mlp: expected a network, found null");
        }
        if (mlp.embedding() != null) {
            throw new IllegalArgumentException("mlp: expected a network without a level embedding, found "
                    + mlp.architecture());
        }
        if (mlp.outputDim() < 2) {
            throw new IllegalArgumentException("mlp: expected an output width K >= 2 (one logit per class), found "
                    + mlp.outputDim());
        }
        this.mlp = mlp;
        this.classes = mlp.outputDim();
        this.vjp = new VectorJacobian(mlp);
    }

    /**
     * Returns the wrapped network.
     *
     * @return The network (shared).
     */
    public Mlp mlp() {
        return mlp;
    }

    @Override
    public int inputDim() {
        return mlp.inputDim();
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public void logits(float[] x, int n, float[] logits) {
        mlp.output(x, null, n, logits);
    }

    /**
     * Returns the logits of n inputs in a new array.
     *
     * @param x n&middot;d inputs. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return n&middot;K logits.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public float[] logits(float[] x, int n) {
        float[] out = new float[n * classes];
        mlp.output(x, null, n, out);
        return out;
    }

    /**
     * Returns the fraction of inputs classified correctly.
     *
     * @param x n&middot;d inputs. Not modified.
     * @param labels n labels. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return Accuracy in [0, 1].
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public double accuracy(float[] x, int[] labels, int n) {
        return LogitScores.accuracy(logits(x, n), classes, labels);
    }

    @Override
    public double lossAndInputGradient(float[] x, int[] labels, int n, float[] losses, float[] inputGrad) {
        double mean = forwardLoss(x, labels, n, losses, 1.0);
        backpropagateToInput(x, n, outGrad, inputGrad);
        return mean;
    }

    /**
     * Computes the vector-Jacobian products J<sub>i</sub><sup>T</sup> g<sub>i</sub> = &nabla;<sub>x</sub>
     * &lang;g<sub>i</sub>, f(x<sub>i</sub>)&rang; of the logits, leaving {@code mlp().gradients()} as it was (saved
     * and restored around the engine call, see the class documentation).
     *
     * @param x n&middot;d inputs. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param logitGrad g, n&middot;K finite floats. Not modified.
     * @param inputGrad Receives n&middot;d values. Modified.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public void backpropagateToInput(float[] x, int n, float[] logitGrad, float[] inputGrad) {
        vjp.apply(x, n, logitGrad, inputGrad);
    }

    /**
     * Adds &nabla;<sub>&theta;</sub> of the mean cross-entropy (1/n) &Sigma; L<sub>i</sub> to
     * {@code mlp().gradients()} (call {@code mlp().zeroGradients()} first for a fresh step).
     *
     * @param x n&middot;d inputs. Not modified.
     * @param labels n labels in [0, K). Not modified.
     * @param n The number of rows, &ge; 1.
     * @return The mean loss before the step.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public double accumulateGradient(float[] x, int[] labels, int n) {
        double mean = forwardLoss(x, labels, n, null, 1.0 / n);
        mlp.accumulateGradient(x, null, n, outGrad);
        return mean;
    }

    /** Forward pass, per-sample losses, and outGrad = scale (p - e_y); returns the mean loss. */
    private double forwardLoss(float[] x, int[] labels, int n, float[] losses, double scale) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least 1 row, found " + n);
        }
        LogitScores.checkLabels(labels, n, classes);
        if (losses != null && losses.length < n) {
            throw new IllegalArgumentException("losses: expected at least n = " + n + " entries, found "
                    + losses.length);
        }
        int m = n * classes;
        if (logitBuf == null || logitBuf.length < m) {
            logitBuf = new float[m];
        }
        if (outGrad == null || outGrad.length != m) {
            outGrad = new float[m];
        }
        mlp.output(x, null, n, logitBuf);
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            double lse = LogitScores.rowLogSumExp(logitBuf, o, classes, 1.0);
            double loss = lse - logitBuf[o + labels[i]];
            total += loss;
            if (losses != null) {
                losses[i] = (float) loss;
            }
            for (int y = 0; y < classes; y++) {
                double p = Math.exp(logitBuf[o + y] - lse);
                outGrad[o + y] = (float) (scale * (p - (y == labels[i] ? 1.0 : 0.0)));
            }
        }
        return total / n;
    }

    /**
     * Describes the classifier.
     *
     * @return E.g. "MlpClassifier[784 -> 10, K=10]".
     */
    @Override
    public String toString() {
        return "MlpClassifier[" + mlp.architecture() + ", K=" + classes + "]";
    }
}
