package org.ebmjava.exercises.ex08;

/**
 * Exercise 08.2: the expected calibration error (ECE) of a classifier (Naeini et al., 2015; Guo et al., 2017), the
 * number notebook 08 uses to test JEM's claim of better calibration.
 *
 * <p>Each of the n test inputs has a confidence c<sub>i</sub> = max<sub>y</sub> p(y|x<sub>i</sub>) in [0, 1] and a
 * flag saying whether the prediction was correct. With B equal bins, bin b (0-based) holds the inputs with
 * c<sub>i</sub> in (b/B, (b+1)/B]; bin 0 also takes c = 0. For each non-empty bin let acc(b) be the fraction correct
 * and conf(b) the mean confidence of its n<sub>b</sub> inputs; then
 * <pre>
 *   ECE = &sum;<sub>b</sub> (n<sub>b</sub> / n) |acc(b) - conf(b)|
 * </pre>
 * 0 for a perfectly calibrated classifier; empty bins contribute nothing.
 */
@FunctionalInterface
public interface CalibrationError {
    /**
     * The expected calibration error.
     *
     * @param confidences The n &ge; 1 confidences in [0, 1]. Not modified.
     * @param correct Whether each prediction was correct, n flags. Not modified.
     * @param bins B &ge; 1.
     * @return ECE in [0, 1].
     */
    double expectedCalibrationError(double[] confidences, boolean[] correct, int bins);
}
