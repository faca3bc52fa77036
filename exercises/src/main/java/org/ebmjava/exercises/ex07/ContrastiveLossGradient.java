package org.ebmjava.exercises.ex07;

/**
 * Exercise 07.3: the derivative of the regularised contrastive loss of maximum-likelihood EBM training with respect
 * to each energy in the batch.
 *
 * <p>With energies e<sub>i</sub><sup>+</sup> = E(x<sub>i</sub><sup>+</sup>) of n data points and
 * e<sub>j</sub><sup>-</sup> = E(x<sub>j</sub><sup>-</sup>) of m model samples, the loss is
 * <pre>
 *   L = (1/n) &sum;<sub>i</sub> e<sub>i</sub><sup>+</sup> - (1/m) &sum;<sub>j</sub> e<sub>j</sub><sup>-</sup> + &alpha; [ (1/n) &sum;<sub>i</sub> (e<sub>i</sub><sup>+</sup>)<sup>2</sup> + (1/m) &sum;<sub>j</sub> (e<sub>j</sub><sup>-</sup>)<sup>2</sup> ]
 * </pre>
 * (the contrastive term pushes data energies down and sample energies up; the &alpha; term keeps energies near 0).
 * The parameter gradient is then &sum; (dL/de) &nabla;<sub>&theta;</sub>E, which is how the trainer uses the result.
 */
@FunctionalInterface
public interface ContrastiveLossGradient {
    /**
     * The derivatives dL/de of the loss above.
     *
     * @param dataEnergies The n &ge; 1 data energies e<sup>+</sup>. Not modified.
     * @param sampleEnergies The m &ge; 1 sample energies e<sup>-</sup>. Not modified.
     * @param alpha The penalty weight &alpha; &ge; 0.
     * @return A new array of n + m entries: dL/de<sub>i</sub><sup>+</sup> for i = 0..n-1, then
     *     dL/de<sub>j</sub><sup>-</sup> for j = 0..m-1.
     */
    double[] energyGradient(double[] dataEnergies, double[] sampleEnergies, double alpha);
}
