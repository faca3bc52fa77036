package org.ebmjava.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A train/test pair of MNIST data sets.
 *
 * @param train The training images.
 * @param test The held-out test images.
 */
public record MnistSplit(MnistData train, MnistData test) {

    /**
     * Checks that both parts are present.
     *
     * @param train The training images.
     * @param test The held-out test images.
     * @throws NullPointerException If either is null.
     */
    public MnistSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }

    /**
     * Describes both parts in two lines, for printing in a notebook.
     *
     * @return E.g. {@code "train: bundled subset ..., 7996 images; per digit [800, 901, ...]\ntest: ..."}.
     */
    public String describe() {
        return "train: " + train.source() + "; per digit " + Arrays.toString(train.classCounts()) + "\n"
            + "test:  " + test.source() + "; per digit " + Arrays.toString(test.classCounts());
    }
}
