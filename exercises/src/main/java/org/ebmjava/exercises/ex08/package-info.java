/**
 * Exercises of notebook 08 (cooperative training, EBGAN, JEM), each a spec interface and its JUnit 5 checks.
 *
 * <ul>
 *   <li>08.1 {@link org.ebmjava.exercises.ex08.MarginLoss}: the EBGAN discriminator's margin loss of a batch of real
 *       and generated energies.</li>
 *   <li>08.2 {@link org.ebmjava.exercises.ex08.CalibrationError}: the expected calibration error of a classifier
 *       from its confidences and correctness flags.</li>
 *   <li>08.3 {@link org.ebmjava.exercises.ex08.PullAwayTerm}: EBGAN's pull-away term of a batch of codes.</li>
 * </ul>
 * Conventions: p(x) &prop; exp(-E(x)), lower energy more probable; a batch is a double[n][k] array, row i one sample.
 * Spec methods take and return only primitives and arrays.
 */
package org.ebmjava.exercises.ex08;
