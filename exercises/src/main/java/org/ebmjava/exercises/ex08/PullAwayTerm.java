package org.ebmjava.exercises.ex08;

/**
 * Exercise 08.3: the pull-away term of EBGAN (Zhao, Mathieu and LeCun, 2017).
 *
 * <p>For the codes s<sub>1</sub>, ..., s<sub>N</sub> (N &ge; 2, none all zero) that the discriminator's encoder gives
 * a generated batch:
 * <pre>
 *   f_PT = 1/(N(N-1)) &sum;<sub>i</sub> &sum;<sub>j&ne;i</sub> ( s<sub>i</sub>&middot;s<sub>j</sub> / (|s<sub>i</sub>| |s<sub>j</sub>|) )<sup>2</sup>
 * </pre>
 * the mean squared cosine similarity between the codes of different samples: 0 when they are mutually orthogonal,
 * 1 when they all point the same way. Added to the generator's loss, it penalises a batch whose samples all look
 * alike (mode collapse).
 */
@FunctionalInterface
public interface PullAwayTerm {
    /**
     * The pull-away term of N codes.
     *
     * @param codes N &ge; 2 rows of h &ge; 1 numbers, none all zero. Not modified.
     * @return f<sub>PT</sub> in [0, 1].
     */
    double pullAway(double[][] codes);
}
