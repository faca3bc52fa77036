package org.ebmjava.neural;

import java.util.Locale;

/**
 * Stochastic gradient descent with (heavy-ball) momentum, as PyTorch's {@code torch.optim.SGD}:
 * v = momentum v + g, &theta; -= lr v (with momentum 0: &theta; -= lr g). The first step sets v = g.
 */
public final class Sgd implements Optimizer {
    private double lr;
    private final double momentum;
    private float[] vel;
    private boolean started;

    /**
     * Creates the optimiser.
     *
     * @param lr The learning rate, &gt; 0.
     * @param momentum The momentum, in [0, 1).
     * @throws IllegalArgumentException If a setting is out of range.
     */
    public Sgd(double lr, double momentum) {
        this.lr = Adam.requireRate(lr);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum: expected a value in [0, 1), found " + momentum);
        }
        this.momentum = momentum;
    }

    /**
     * Sets the learning rate for the following steps.
     *
     * @param lr &gt; 0.
     * @return This optimiser.
     * @throws IllegalArgumentException If lr is not positive and finite.
     */
    public Sgd learningRate(double lr) {
        this.lr = Adam.requireRate(lr);
        return this;
    }

    @Override
    public void step(Parameterized model) {
        if (model == null) {
            throw new IllegalArgumentException("model: expected a Parameterized, found null");
        }
        float[] p = model.parameters();
        float[] g = model.gradients();
        float rate = (float) lr;
        if (momentum == 0) {
            for (int q = 0; q < p.length; q++) {
                p[q] -= rate * g[q];
            }
            return;
        }
        if (vel == null) {
            vel = new float[p.length];
        } else if (vel.length != p.length) {
            throw new IllegalArgumentException("model: this Sgd holds velocities for " + vel.length
                    + " parameters, found a model with " + p.length);
        }
        float mu = (float) momentum;
        for (int q = 0; q < p.length; q++) {
            float v = started ? mu * vel[q] + g[q] : g[q];
            vel[q] = v;
            p[q] -= rate * v;
        }
        started = true;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Sgd[lr=%s, momentum=%s]", lr, momentum);
    }
}
