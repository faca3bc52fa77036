package org.ebmjava.apps;

/**
 * A classifier that can report its per-sample loss and the loss's gradient with respect to the input: what a
 * gradient-based adversarial attack ({@link PgdAttack}) needs.
 *
 * <p>For inputs x<sub>i</sub> &isin; R<sup>d</sup> with labels y<sub>i</sub> the classifier has logits
 * f(x<sub>i</sub>) &isin; R<sup>K</sup> and a loss L<sub>i</sub> = L(f(x<sub>i</sub>), y<sub>i</sub>) (softmax
 * cross-entropy for {@link MlpClassifier}); {@link #lossAndInputGradient} returns L<sub>i</sub> and
 * &nabla;<sub>x<sub>i</sub></sub>L<sub>i</sub> for every sample (the gradient of each sample's own loss, not of a
 * batch mean). Layout as in {@code org.ebmjava.sampling.BatchEnergy}: row-major, n rows of d floats. An instance
 * need not be thread-safe.
 */
public interface DifferentiableClassifier {
    /**
     * The input dimension d.
     *
     * @return d &ge; 1.
     */
    int inputDim();

    /**
     * The number of classes K.
     *
     * @return K &ge; 1.
     */
    int classes();

    /**
     * Computes the logits of n inputs.
     *
     * @param x n&middot;d inputs. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param logits Receives n&middot;K logits. Modified.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    void logits(float[] x, int n, float[] logits);

    /**
     * Computes each sample's loss and its input gradient.
     *
     * @param x n&middot;d inputs. Not modified.
     * @param labels n labels in [0, K). Not modified.
     * @param n The number of rows, &ge; 1.
     * @param losses Receives L<sub>i</sub> (n entries), or null. Modified.
     * @param inputGrad Receives &nabla;<sub>x<sub>i</sub></sub>L<sub>i</sub>, n&middot;d. Modified.
     * @return The mean loss (1/n) &Sigma; L<sub>i</sub>.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    double lossAndInputGradient(float[] x, int[] labels, int n, float[] losses, float[] inputGrad);
}
