package org.ebmjava.exercises.ex09;

/**
 * Exercise 09.1: the area under the ROC curve (AUROC) of a detector score, from the scores of in-distribution
 * inputs (positives) and out-of-distribution inputs (negatives).
 *
 * <p>Convention: a higher score means "more in-distribution" (pass -E for an energy). The AUROC is the probability
 * that a random positive scores above a random negative, ties counted as one half (the Mann-Whitney statistic,
 * which equals the trapezoid area under the ROC curve):
 * <pre>
 *   AUROC = (1 / (n+ n-)) &Sigma;_i &Sigma;_j [ 1{s+_i &gt; s-_j} + &frac12; 1{s+_i = s-_j} ]
 * </pre>
 * 1 means every positive scores above every negative, 0.5 a score that cannot tell them apart.
 */
@FunctionalInterface
public interface Auroc {
    /**
     * The AUROC of two score lists.
     *
     * @param inDistribution The scores of the positives, n+ &ge; 1 finite values. Not modified.
     * @param outOfDistribution The scores of the negatives, n- &ge; 1 finite values. Not modified.
     * @return The AUROC in [0, 1].
     */
    double auroc(double[] inDistribution, double[] outOfDistribution);
}
