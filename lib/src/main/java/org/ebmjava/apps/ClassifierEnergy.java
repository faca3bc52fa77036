package org.ebmjava.apps;

import org.ebmjava.ebm.EnergyModel;
import org.ebmjava.sampling.BatchEnergy;
import org.ebmjava.sampling.BatchOps;

/**
 * A classifier read as an energy-based model (JEM, Grathwohl et al., 2020): the logits f(x) define p(x, y) &prop;
 * exp(f(x)<sub>y</sub>), so
 * <pre>
 *   E(x)    = -logsumexp_y f(x)_y           &nabla;_x E = -J(x)^T softmax(f(x))        (marginal, p(x) &prop; exp(-E))
 *   E(x, y) = -f(x)_y                       &nabla;_x E = -J(x)^T e_y                  (class-conditional)
 * </pre>
 * with J = &part;f/&part;x the Jacobian of the logits, while p(y|x) = softmax(f(x))<sub>y</sub> is the ordinary
 * classifier. The marginal energy is the Liu et al. (2020) OOD energy score at T = 1; the class-conditional one
 * drives JEM's class-conditional samples.
 *
 * <p>This class is an {@link EnergyModel} on the marginal energy, so {@code ebm.MaximumLikelihoodTrainer} can train
 * the log p(x) term: {@link #accumulateGradient} adds &Sigma;<sub>i</sub> w<sub>i</sub> &nabla;<sub>&theta;</sub>
 * E(x<sub>i</sub>) = &Sigma;<sub>i</sub> w<sub>i</sub> J<sub>&theta;</sub>(x<sub>i</sub>)<sup>T</sup>(-softmax) to the
 * network's gradients (JEM adds the cross-entropy gradient of {@link MlpClassifier#accumulateGradient} to the same
 * accumulator). The energy views compute input gradients with {@link MlpClassifier#backpropagateToInput}, which
 * leaves the parameter gradients untouched. Everything shares the classifier's network; not thread-safe.
 */
public final class ClassifierEnergy implements EnergyModel {

    private final MlpClassifier classifier;
    private final int classes;
    private final BatchEnergy marginal;
    private float[] logits;
    private float[] logitGrad;

    /**
     * Reads a classifier as an energy model.
     *
     * @param classifier The classifier. Shared.
     * @throws IllegalArgumentException If classifier is null.
     */
    public ClassifierEnergy(MlpClassifier classifier) {
        if (classifier == null) {
            throw new IllegalArgumentException("classifier: expected a classifier, found null");
        }
        this.classifier = classifier;
        this.classes = classifier.classes();
        this.marginal = view(-1);
    }

    /**
     * Returns the classifier.
     *
     * @return The classifier (shared).
     */
    public MlpClassifier classifier() {
        return classifier;
    }

    /**
     * The marginal energy E(x) = -logsumexp<sub>y</sub> f(x)<sub>y</sub> with its input gradient.
     *
     * @return A live view (shares the network).
     */
    @Override
    public BatchEnergy energy() {
        return marginal;
    }

    /**
     * The class-conditional energy E(x, y) = -f(x)<sub>y</sub> for one class y, with its input gradient.
     *
     * @param y The class, in [0, K).
     * @return A live view (shares the network).
     * @throws IllegalArgumentException If y is out of range.
     */
    public BatchEnergy classEnergy(int y) {
        if (y < 0 || y >= classes) {
            throw new IllegalArgumentException("y: expected a class in [0, " + classes + "), found " + y);
        }
        return view(y);
    }

    @Override
    public void accumulateGradient(float[] x, int n, float[] weights) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least 1 row, found " + n);
        }
        BatchOps.requireLength(weights, n, "weights");
        forwardGrad(x, n, -1, weights);
        classifier.mlp().accumulateGradient(x, null, n, logitGrad);
    }

    @Override
    public int parameterCount() {
        return classifier.mlp().parameterCount();
    }

    @Override
    public float[] parameters() {
        return classifier.mlp().parameters();
    }

    @Override
    public float[] gradients() {
        return classifier.mlp().gradients();
    }

    @Override
    public void zeroGradients() {
        classifier.mlp().zeroGradients();
    }

    @Override
    public String toString() {
        return "ClassifierEnergy[E(x) = -logsumexp f(x), " + classifier + "]";
    }

    /**
     * Computes the logits, writes the energies if asked, and fills logitGrad = w_i dE_i/df_i: for the marginal
     * -w_i softmax(f_i), for class y -w_i e_y.
     */
    private void forwardGrad(float[] x, int n, int y, float[] weights) {
        int m = n * classes;
        if (logits == null || logits.length < m) {
            logits = new float[m];
        }
        if (logitGrad == null || logitGrad.length != m) {
            logitGrad = new float[m];
        }
        classifier.logits(x, n, logits);
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            double w = weights == null ? 1.0 : weights[i];
            if (y >= 0) {
                for (int k = 0; k < classes; k++) {
                    logitGrad[o + k] = k == y ? (float) -w : 0f;
                }
            } else {
                double lse = LogitScores.rowLogSumExp(logits, o, classes, 1.0);
                for (int k = 0; k < classes; k++) {
                    logitGrad[o + k] = (float) (-w * Math.exp(logits[o + k] - lse));
                }
            }
        }
    }

    private BatchEnergy view(int y) {
        return new BatchEnergy() {
            @Override
            public int dimension() {
                return classifier.inputDim();
            }

            @Override
            public void evaluate(float[] x, int n, float[] energies, float[] gradient) {
                BatchOps.checkEvaluation(x, n, dimension(), energies, gradient);
                if (n == 0) {
                    return;
                }
                forwardGrad(x, n, y, null);
                if (energies != null) {
                    for (int i = 0; i < n; i++) {
                        energies[i] = (float) (y >= 0 ? -logits[i * classes + y]
                                : -LogitScores.rowLogSumExp(logits, i * classes, classes, 1.0));
                    }
                }
                if (gradient != null) {
                    classifier.backpropagateToInput(x, n, logitGrad, gradient);
                }
            }

            @Override
            public String toString() {
                return y >= 0 ? "ClassifierEnergy.classEnergy(" + y + ")" : "ClassifierEnergy.energy()";
            }
        };
    }
}
