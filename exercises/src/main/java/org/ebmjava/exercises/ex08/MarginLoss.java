package org.ebmjava.exercises.ex08;

/**
 * Exercise 08.1: the margin loss of the EBGAN discriminator (Zhao, Mathieu and LeCun, 2017).
 *
 * <p>With energies D(x<sub>i</sub>) of n real images, D(G(z<sub>j</sub>)) of n' generated images and a margin m &gt; 0:
 * <pre>
 *   L_D = (1/n) &sum;<sub>i</sub> D(x<sub>i</sub>) + (1/n') &sum;<sub>j</sub> max(0, m - D(G(z<sub>j</sub>)))
 * </pre>
 * The first term pulls the energy of real data down; the hinge pushes the energy of generated images up, but only
 * until it reaches m: a fake already at or above the margin costs nothing.
 */
@FunctionalInterface
public interface MarginLoss {
    /**
     * The discriminator loss L<sub>D</sub>.
     *
     * @param realEnergies The n &ge; 1 energies of real images. Not modified.
     * @param fakeEnergies The n' &ge; 1 energies of generated images. Not modified.
     * @param margin The margin m &gt; 0.
     * @return L<sub>D</sub>.
     */
    double discriminatorLoss(double[] realEnergies, double[] fakeEnergies, double margin);
}
