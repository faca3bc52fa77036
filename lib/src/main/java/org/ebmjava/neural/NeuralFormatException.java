package org.ebmjava.neural;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Thrown when a saved network is truncated, corrupted, of another format version, or not what the caller
 * expected; the message names the file, the checked property, and the expected and found values. Unchecked (an
 * {@link UncheckedIOException}), so notebook code and lambdas need no try blocks.
 */
public final class NeuralFormatException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String property;
    private final String expected;
    private final String found;

    /**
     * Creates the exception.
     *
     * @param path The file.
     * @param property What was checked, e.g. "format version".
     * @param expected The expected value.
     * @param found The value found.
     */
    public NeuralFormatException(Path path, String property, String expected, String found) {
        super(new IOException(path + ": bad " + property + ": expected " + expected + ", found " + found));
        this.path = path;
        this.property = property;
        this.expected = expected;
        this.found = found;
    }

    @Override
    public String getMessage() {
        return getCause().getMessage();
    }

    /**
     * Returns the file.
     *
     * @return The path given to the loader.
     */
    public Path path() {
        return path;
    }

    /**
     * Returns the checked property.
     *
     * @return E.g. "CRC-32 checksum (file corrupted)".
     */
    public String property() {
        return property;
    }

    /**
     * Returns the expected value.
     *
     * @return The expected value as text.
     */
    public String expected() {
        return expected;
    }

    /**
     * Returns the value found.
     *
     * @return The found value as text.
     */
    public String found() {
        return found;
    }
}
