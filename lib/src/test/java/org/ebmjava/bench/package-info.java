/**
 * Benchmarks, run by {@code ./course bench NAME}: each prints its timings next to a naive reference
 * measured in the same run. They live in the test sources so that the references stay out of the
 * library, and they are not tests.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.bench.Bench}: the dispatcher (first argument = benchmark name).</li>
 *   <li>{@link org.ebmjava.bench.IsingBench}: spin updates per second of
 *       {@link org.ebmjava.ising.IsingSampler} against a textbook loop.</li>
 * </ul>
 */
package org.ebmjava.bench;
