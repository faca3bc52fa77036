package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageShiftsTest {

    // two 2x3 images
    private static final float[] X = {0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 1f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f};

    @Test
    void flips() {
        assertArrayEquals(new float[] {0.3f, 0.4f, 0.5f, 0f, 0.1f, 0.2f, 0.7f, 0.6f, 0.5f, 1f, 0.9f, 0.8f},
                ImageShifts.flipUpDown(X, 2, 3), 0f);
        assertArrayEquals(new float[] {0.2f, 0.1f, 0f, 0.5f, 0.4f, 0.3f, 0.8f, 0.9f, 1f, 0.5f, 0.6f, 0.7f},
                ImageShifts.flipLeftRight(X, 2, 3), 0f);
        assertArrayEquals(X, ImageShifts.flipUpDown(ImageShifts.flipUpDown(X, 2, 3), 2, 3), 0f);
    }

    @Test
    void shrinkIsIdentityAtOneAndScalesTheMassByTheAreaFactor() {
        assertArrayEquals(X, ImageShifts.shrink(X, 2, 3, 1.0), 1e-7f);
        int side = 28;
        float[] ones = new float[side * side];
        java.util.Arrays.fill(ones, 1f);
        float[] half = ImageShifts.shrink(ones, side, side, 0.5);
        double mass = 0;
        for (float v : half) {
            mass += v;
            assertTrue(v >= 0f && v <= 1f);
        }
        assertEquals(0.25 * side * side, mass, 0.1 * side * side * 0.25, "mass ~ s^2 of the original");
        assertEquals(1f, half[14 * side + 14], 1e-6f, "centre kept");
        assertEquals(0f, half[0], 0f, "corner black");
    }

    @Test
    void noiseIsSeededClampedAndOfTheRightSize() {
        float[] a = ImageShifts.gaussianNoise(X, 0.3, new SplittableRandom(1));
        float[] b = ImageShifts.gaussianNoise(X, 0.3, new SplittableRandom(1));
        assertArrayEquals(a, b, 0f);
        for (float v : a) {
            assertTrue(v >= 0f && v <= 1f);
        }
        assertArrayEquals(X, ImageShifts.gaussianNoise(X, 0.0, new SplittableRandom(1)), 0f);
        float[] u = ImageShifts.uniformNoise(50, 784, new SplittableRandom(2));
        assertEquals(50 * 784, u.length);
        double mean = 0;
        for (float v : u) {
            mean += v / u.length;
        }
        assertEquals(0.5, mean, 0.01);
        float[] g = ImageShifts.gaussianNoiseImages(10, 784, 0.2, new SplittableRandom(3));
        assertEquals(7840, g.length);
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> ImageShifts.gaussianNoise(X, -1, new SplittableRandom(1)), "sigma", "-1");
        assertMessage(() -> ImageShifts.flipUpDown(X, 5, 5), "x", "rows*cols = 25");
        assertMessage(() -> ImageShifts.shrink(X, 2, 3, 1.5), "scale", "1.5");
        assertMessage(() -> ImageShifts.uniformNoise(0, 3, new SplittableRandom(1)), "n", "0");
        assertMessage(() -> ImageShifts.gaussianNoise(X, 0.1, null), "rng", "null");
    }
}
