/**
 * Runs an exercise's JUnit 5 checks against a learner's implementation, in the notebook kernel or in a build.
 *
 * <ul>
 *   <li>{@link org.ebmjava.exercises.check.Submissions}: hands the implementation under test to the check class.</li>
 *   <li>{@link org.ebmjava.exercises.check.CheckRunner}: runs the checks through the JUnit Platform Launcher and
 *       never throws.</li>
 *   <li>{@link org.ebmjava.exercises.check.CheckReport} and {@link org.ebmjava.exercises.check.CheckResult}: the
 *       outcome, as numbers, plain text and an HTML table for the notebook.</li>
 * </ul>
 */
package org.ebmjava.exercises.check;
