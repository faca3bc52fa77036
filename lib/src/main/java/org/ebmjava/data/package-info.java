/**
 * Data for the course: MNIST (bundled real subset, or full MNIST downloaded and verified), a bundled Fashion-MNIST
 * subset for out-of-distribution tests, and toy 2D sets.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.data.Mnist} - entry point: {@code bundled()} (10,000 real digits shipped in the jar,
 *       checked by SHA-256) and {@code load(...)} (full MNIST from a cache or a mirror, else the bundled subset
 *       with one printed note).</li>
 *   <li>{@link org.ebmjava.data.MnistData} - an immutable labelled image set: float pixels in [0, 1], labels,
 *       filters ({@code head}, {@code ofDigits}, {@code binarized}) and ND4J views.</li>
 *   <li>{@link org.ebmjava.data.MnistSplit} - a train/test pair.</li>
 *   <li>{@link org.ebmjava.data.FashionMnist} - the bundled subset of real Fashion-MNIST (1,000 test and 500 train
 *       images of clothing, classes balanced, checked by SHA-256), the out-of-distribution set, read as the same
 *       {@code MnistSplit}/{@code MnistData} types; {@code CLASS_NAMES} names its labels.</li>
 *   <li>{@link org.ebmjava.data.IdxArray}, {@link org.ebmjava.data.IdxReader},
 *       {@link org.ebmjava.data.IdxWriter}, {@link org.ebmjava.data.IdxFormatException} - the IDX file format
 *       of unsigned bytes, gzipped or plain, with strict checks.</li>
 *   <li>{@link org.ebmjava.data.VerifiedDownload} - download to a temporary file, check SHA-256, move into
 *       place atomically.</li>
 *   <li>{@link org.ebmjava.data.Toy2D} - two moons, rings, eight Gaussians, checkerboard and Swiss roll,
 *       seeded, within about [-4, 4]^2.</li>
 * </ul>
 *
 * <p>The bundled subsets' provenance (source package, checksums, conversion and selection rules, licence) is in
 * {@code org/ebmjava/data/mnist/PROVENANCE.md} and {@code org/ebmjava/data/fashion-mnist/PROVENANCE.md}; the
 * programs that made them are {@code lib/tools/mnist-subset/BuildMnistSubset.java} and
 * {@code lib/tools/fashion-mnist-subset/BuildFashionMnistSubset.java}.
 */
package org.ebmjava.data;
