package org.ebmjava.exercises.ex07;

/**
 * Exercise 07.2: draw a batch of chain starts from a replay buffer with re-initialisation (Du and Mordatch, 2019).
 *
 * <p>For every row r of the batch, given a uniform number u<sub>r</sub> in [0, 1), an index k<sub>r</sub> and a
 * fresh-noise row &xi;<sub>r</sub>:
 * <pre>
 *   row r = a copy of &xi;<sub>r</sub>            if the buffer is empty or u<sub>r</sub> &lt; f
 *   row r = a copy of stored[k<sub>r</sub>]     otherwise
 * </pre>
 * so each row is fresh noise with probability f, independently. Rows are copies: changing the batch (the Langevin
 * chains move it in place) must never change the buffer.
 */
@FunctionalInterface
public interface ReplayDraw {
    /**
     * Draws a batch.
     *
     * @param stored The buffer's points, size x d (size may be 0: an empty array). Not modified.
     * @param freshFraction The fresh-noise fraction f in [0, 1].
     * @param uniforms One uniform number u<sub>r</sub> in [0, 1) per batch row. Not modified.
     * @param picks One buffer index k<sub>r</sub> in [0, size) per batch row (ignored for fresh rows). Not modified.
     * @param noise One fresh-noise row &xi;<sub>r</sub> per batch row, batch x d. Not modified.
     * @return A new batch x d array.
     */
    double[][] draw(double[][] stored, double freshFraction, double[] uniforms, int[] picks, double[][] noise);
}
