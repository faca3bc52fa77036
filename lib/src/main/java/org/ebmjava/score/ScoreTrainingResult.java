package org.ebmjava.score;

/**
 * The outcome of a score-matching run: the minibatch loss of every step and the wall time.
 *
 * @param losses The loss after each step, in order (the trainer's objective, in its own units).
 * @param seconds The wall time of the run in seconds.
 */
public record ScoreTrainingResult(double[] losses, double seconds) {

    /**
     * Averages the last losses, a less noisy summary than the final minibatch loss.
     *
     * @param window How many of the last steps to average, at least 1 (capped at the number of steps).
     * @return The mean of the last min(window, steps) losses.
     * @throws IllegalArgumentException If window &lt; 1.
     */
    public double finalLoss(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window: expected >= 1, found " + window);
        }
        int w = Math.min(window, losses.length);
        double s = 0.0;
        for (int k = losses.length - w; k < losses.length; k++) {
            s += losses[k];
        }
        return s / w;
    }

    /**
     * Returns the step numbers 1..steps as doubles, for plotting the loss curve.
     *
     * @return A new array.
     */
    public double[] stepAxis() {
        double[] x = new double[losses.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = k + 1;
        }
        return x;
    }
}
