package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageIoOpsTest {
    private static BufferedImage pattern(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 37 + y * 101 + seed * 7919) & 0xFFFFFF);
            }
        }
        return img;
    }

    private static void assertSamePixels(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertEquals(a.getRGB(x, y) & 0xFFFFFF, b.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void pngRoundTripsLosslessly() throws IOException {
        BufferedImage img = pattern(17, 9, 1);
        byte[] png = ImageIoOps.png(img);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertSamePixels(img, ImageIO.read(new ByteArrayInputStream(png)));
    }

    @Test
    void writePngReplacesTheFileAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub").resolve("plot.png");
        ImageIoOps.writePng(pattern(8, 8, 1), file);
        BufferedImage second = pattern(8, 8, 2);
        ImageIoOps.writePng(second, file);
        assertSamePixels(second, ImageIO.read(file.toFile()));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "only the PNG itself remains");
        }
    }

    @Test
    void dataUriHoldsThePng() throws IOException {
        BufferedImage img = pattern(5, 4, 3);
        String uri = ImageIoOps.dataUri(img);
        assertTrue(uri.startsWith("data:image/png;base64,"));
        byte[] png = Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));
        assertSamePixels(img, ImageIO.read(new ByteArrayInputStream(png)));
    }
}
