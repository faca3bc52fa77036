package org.ebmjava.viz;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** Pixel helpers shared by the viz tests. */
final class Pixels {
    static final int WHITE = 0xFFFFFF;

    private Pixels() {}

    static int rgb(BufferedImage img, double x, double y) {
        return img.getRGB((int) Math.floor(x), (int) Math.floor(y)) & 0xFFFFFF;
    }

    /** Largest absolute difference over the three channels. */
    static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)));
        }
        return d;
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> s = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                s.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return s.size();
    }

    static int countNear(BufferedImage img, int colour, int tolerance) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += distance(img.getRGB(x, y) & 0xFFFFFF, colour) <= tolerance ? 1 : 0;
            }
        }
        return n;
    }

    static int countNearInRect(BufferedImage img, int x0, int x1, int y0, int y1, int colour, int tolerance) {
        int n = 0;
        for (int y = Math.max(0, y0); y <= Math.min(img.getHeight() - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(img.getWidth() - 1, x1); x++) {
                n += distance(img.getRGB(x, y) & 0xFFFFFF, colour) <= tolerance ? 1 : 0;
            }
        }
        return n;
    }

    static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }
}
