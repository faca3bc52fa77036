package org.ebmjava.neural;

import java.util.Locale;

/**
 * Adam (Kingma and Ba, 2015), as PyTorch's {@code torch.optim.Adam}: for gradient g at step t = 1, 2, ...
 * <pre>
 *   m = beta1 m + (1 - beta1) g,     v = beta2 v + (1 - beta2) g^2,
 *   theta -= lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps).
 * </pre>
 * beta1 = 0 (no momentum, as Du and Mordatch 2019 use for EBMs) is allowed. An optional L2 weight decay adds
 * wd &middot; &theta; to g first (PyTorch's {@code weight_decay}, not AdamW). The learning rate can be changed
 * between steps ({@link #learningRate(double)}) or follow a {@link LearningRateSchedule} of the step count.
 * The moments are float32 (as PyTorch keeps them); the bias corrections are computed in double.
 */
public final class Adam implements Optimizer {
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double weightDecay;
    private LearningRateSchedule schedule;
    private float[] m;
    private float[] v;
    private int t;

    /**
     * Creates Adam.
     *
     * @param lr The learning rate, &gt; 0.
     * @param beta1 The first-moment decay, in [0, 1).
     * @param beta2 The second-moment decay, in [0, 1).
     * @param eps The denominator's offset, &gt; 0.
     * @throws IllegalArgumentException If a setting is out of range (named in the message).
     */
    public Adam(double lr, double beta1, double beta2, double eps) {
        this.lr = requireRate(lr);
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1: expected a value in [0, 1), found " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2: expected a value in [0, 1), found " + beta2);
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps: expected a finite value > 0, found " + eps);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /**
     * Creates Adam with PyTorch's defaults beta1 = 0.9, beta2 = 0.999, eps = 1e-8.
     *
     * @param lr The learning rate, &gt; 0.
     * @throws IllegalArgumentException If lr is not positive.
     */
    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /**
     * Sets the learning rate for the following steps (ignored while a schedule is set).
     *
     * @param lr &gt; 0.
     * @return This optimiser.
     * @throws IllegalArgumentException If lr is not positive and finite.
     */
    public Adam learningRate(double lr) {
        this.lr = requireRate(lr);
        return this;
    }

    /**
     * Makes the learning rate follow a schedule: step t (1-based) uses schedule.rate(t - 1).
     *
     * @param s The schedule, or null to use the fixed rate again.
     * @return This optimiser.
     */
    public Adam schedule(LearningRateSchedule s) {
        this.schedule = s;
        return this;
    }

    /**
     * Sets the L2 weight decay added to the gradient (default 0).
     *
     * @param wd &ge; 0.
     * @return This optimiser.
     * @throws IllegalArgumentException If wd is negative or not finite.
     */
    public Adam weightDecay(double wd) {
        if (!(wd >= 0) || Double.isInfinite(wd)) {
            throw new IllegalArgumentException("weightDecay: expected a finite value >= 0, found " + wd);
        }
        this.weightDecay = wd;
        return this;
    }

    /**
     * Returns the learning rate the next step uses.
     *
     * @return lr.
     */
    public double learningRate() {
        return schedule != null ? schedule.rate(t) : lr;
    }

    /**
     * Returns the number of steps taken.
     *
     * @return t.
     */
    public int steps() {
        return t;
    }

    @Override
    public void step(Parameterized model) {
        if (model == null) {
            throw new IllegalArgumentException("model: expected a Parameterized, found null");
        }
        float[] p = model.parameters();
        float[] g = model.gradients();
        if (m == null) {
            m = new float[p.length];
            v = new float[p.length];
        } else if (m.length != p.length) {
            throw new IllegalArgumentException("model: this Adam holds moments for " + m.length
                    + " parameters, found a model with " + p.length);
        }
        double rate = learningRate();
        t++;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = (float) (1 - beta1);
        float c2 = (float) (1 - beta2);
        float stepSize = (float) (rate / (1 - Math.pow(beta1, t)));
        float invSqrtBc2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, t)));
        float e = (float) eps;
        float wd = (float) weightDecay;
        for (int q = 0; q < p.length; q++) {
            float gq = g[q] + wd * p[q];
            float mq = b1 * m[q] + c1 * gq;
            float vq = b2 * v[q] + c2 * gq * gq;
            m[q] = mq;
            v[q] = vq;
            p[q] -= stepSize * mq / ((float) Math.sqrt(vq) * invSqrtBc2 + e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Adam[lr=%s, beta1=%s, beta2=%s, eps=%s%s%s]", lr, beta1, beta2, eps,
                weightDecay != 0 ? ", weightDecay=" + weightDecay : "", schedule != null ? ", schedule=" + schedule
                        : "");
    }

    static double requireRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr: expected a finite learning rate > 0, found " + lr);
        }
        return lr;
    }
}
