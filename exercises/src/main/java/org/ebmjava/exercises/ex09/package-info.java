/**
 * Exercises of notebook 09 (applications of energy-based models), each a spec interface and its JUnit 5 checks.
 *
 * <ul>
 *   <li>09.1 {@link org.ebmjava.exercises.ex09.Auroc}: the area under the ROC curve of an out-of-distribution score
 *       from two score lists, ties counted as one half.</li>
 *   <li>09.2 {@link org.ebmjava.exercises.ex09.PgdStep}: one L<sub>&infin;</sub> PGD step with the projection onto
 *       the &epsilon;-ball around the original image and clipping to [0, 1].</li>
 *   <li>09.3 {@link org.ebmjava.exercises.ex09.EnergyScore}: the energy score -T logsumexp(f/T) of a classifier,
 *       computed without overflow.</li>
 * </ul>
 * Spec methods take and return only primitives and arrays.
 */
package org.ebmjava.exercises.ex09;
