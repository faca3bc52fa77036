package org.ebmjava.viz;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Encoding images as PNG bytes, files and data URIs (javax.imageio). */
public final class ImageIoOps {
    static {
        Headless.ensure();
    }

    private ImageIoOps() {}

    /**
     * Encodes an image as PNG.
     *
     * @param img The image. Not modified.
     * @return The PNG file's bytes.
     * @throws IllegalArgumentException If no PNG writer accepts this image type.
     */
    public static byte[] png(RenderedImage img) {
        Args.notNull(img, "img");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalArgumentException("no PNG writer for an image with colour model "
                        + img.getColorModel());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes an image as a PNG file atomically: readers see the old file or the complete new one,
     * never a partial file. The bytes go to a temporary file in the same folder, which is then
     * moved over the target with ATOMIC_MOVE (a plain replacing move where the file system cannot
     * move atomically). Missing parent folders are created.
     *
     * @param img The image. Not modified.
     * @param file The target path; replaced if it exists.
     * @throws UncheckedIOException If writing or moving fails; the temporary file is then removed.
     */
    public static void writePng(RenderedImage img, Path file) {
        Args.notNull(file, "file");
        byte[] bytes = png(img);
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    e.addSuppressed(ignored);
                }
            }
            throw new UncheckedIOException("could not write PNG to " + abs, e);
        }
    }

    /**
     * Encodes an image as a PNG data URI, usable as the src of an HTML img tag.
     *
     * @param img The image. Not modified.
     * @return "data:image/png;base64," followed by the Base64 of the PNG bytes.
     */
    public static String dataUri(RenderedImage img) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(img));
    }
}
