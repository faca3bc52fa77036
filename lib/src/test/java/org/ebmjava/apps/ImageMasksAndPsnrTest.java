package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageMasksAndPsnrTest {

    @Test
    void halfMasksAndOcclusion() {
        assertArrayEquals(new boolean[] {true, true, true, false, false, false},
                ImageMasks.topHalfObserved(2, 3));
        assertArrayEquals(new boolean[] {true, false, false, true, false, false},
                ImageMasks.leftHalfObserved(2, 3));
        float[] x = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f};
        assertArrayEquals(new float[] {1f, 2f, 3f, 0.5f, 0.5f, 0.5f, 7f, 8f, 9f, 0.5f, 0.5f, 0.5f},
                ImageMasks.occlude(x, ImageMasks.topHalfObserved(2, 3), 0.5f), 0f);
        boolean[] perImage = {true, false, true, false, true, false, false, false, false, false, false, true};
        assertArrayEquals(new float[] {1f, 0f, 3f, 0f, 5f, 0f, 0f, 0f, 0f, 0f, 0f, 12f},
                ImageMasks.occlude(x, perImage, 0f), 0f);
        boolean[] random = ImageMasks.randomObserved(100, 784, 0.3, new SplittableRandom(1));
        int observed = 0;
        for (boolean b : random) {
            observed += b ? 1 : 0;
        }
        assertEquals(0.3, observed / (double) random.length, 0.01);
    }

    @Test
    void psnrMatchesItsDefinition() {
        float[] ref = {0f, 0.5f, 1f, 0.25f, 0.2f, 0.2f, 0.2f, 0.2f};
        float[] out = {0.1f, 0.5f, 0.9f, 0.25f, 0.2f, 0.2f, 0.2f, 0.2f};
        double[] p = Psnr.perImage(ref, out, 4);
        double mse = (0.01 + 0.01) / 4; // float rounding of 0.1 and 0.9 is below 1e-7
        assertEquals(10 * Math.log10(1 / mse), p[0], 1e-5);
        assertEquals(Double.POSITIVE_INFINITY, p[1], 0);
        assertEquals(p[0], Psnr.mean(ref, out, 4), 0);
        assertEquals(Double.POSITIVE_INFINITY, Psnr.mean(ref, ref, 4), 0);
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> ImageMasks.topHalfObserved(1, 3), "rows", "1");
        assertMessage(() -> ImageMasks.randomObserved(1, 4, 1.5, new SplittableRandom(1)), "p", "1.5");
        assertMessage(() -> ImageMasks.occlude(new float[6], new boolean[4], 0f), "observed", "4");
        assertMessage(() -> Psnr.perImage(new float[8], new float[7], 4), "restored", "7");
        assertMessage(() -> Psnr.perImage(new float[6], new float[6], 4), "reference", "6");
    }
}
