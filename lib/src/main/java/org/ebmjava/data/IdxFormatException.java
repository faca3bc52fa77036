package org.ebmjava.data;

import java.io.IOException;

/**
 * Signals a malformed or unexpected IDX file.
 *
 * <p>The message always names the file (or stream) it came from, what was expected and what was found, and the
 * byte offset where one applies, e.g. {@code "train.gz: truncated data: expected 47040000 bytes after the
 * 16-byte header, found 1000 (offset 16)"}. Offsets count bytes of the uncompressed IDX content.
 */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message The full message: source name, expected and found values, offset where relevant.
     */
    public IdxFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with an underlying cause (e.g. a corrupt gzip stream).
     *
     * @param message The full message: source name, expected and found values, offset where relevant.
     * @param cause The underlying exception.
     */
    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
