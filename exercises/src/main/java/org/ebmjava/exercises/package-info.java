/**
 * Exercises of the course: one sub-package per notebook with the exercise specs (small interfaces a learner
 * implements in a solution cell) and their JUnit 5 checks, plus {@link org.ebmjava.exercises.Exercises}, the
 * registry that maps an exercise id such as {@code "01.1"} to its spec and checks.
 *
 * <p>The checks are ordinary JUnit Jupiter test classes kept in {@code src/main} because they run inside the
 * notebook kernel (see {@link org.ebmjava.exercises.check.CheckRunner}) as well as in the build, where every check
 * must pass on the reference solution and fail on the stub.
 */
package org.ebmjava.exercises;
