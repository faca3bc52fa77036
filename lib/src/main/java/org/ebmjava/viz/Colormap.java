package org.ebmjava.viz;

/**
 * Colour maps from a number in [0, 1] to an sRGB colour.
 *
 * <p>Each map is a short list of anchor colours at equally spaced positions; colours between
 * anchors are interpolated linearly in RGB. The anchors of {@link #VIRIDIS} and {@link #MAGMA}
 * are samples of the perceptually uniform matplotlib maps, so low values are dark and high
 * values bright. {@link #COOLWARM} is diverging: blue for low, light grey at 0.5, red for high.
 * <pre>
 * S. van der Walt and N. Smith, "mpl colormaps" (viridis, magma), 2015.
 * K. Moreland, "Diverging Color Maps for Scientific Visualization", ISVC 2009.
 * </pre>
 */
public enum Colormap {
    /** Dark purple (low) through blue and green to yellow (high). */
    VIRIDIS(0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
            0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725),
    /** Black (low) through purple and orange to pale yellow (high). */
    MAGMA(0x000004, 0x140E36, 0x3B0F70, 0x641A80, 0x8C2981, 0xB73779,
            0xDE4968, 0xF7705C, 0xFE9F6D, 0xFECF92, 0xFCFDBF),
    /** Black (0) to white (1). */
    GRAY(0x000000, 0xFFFFFF),
    /** Blue (low) through light grey (0.5) to red (high). */
    COOLWARM(0x3B4CC0, 0x7B9FF9, 0xDDDDDD, 0xEE8468, 0xB40426);

    /** The colour returned for a NaN argument: a neutral mid grey, 0x808080. */
    public static final int NAN_RGB = 0x808080;

    private final int[] anchors;

    Colormap(int... anchors) {
        this.anchors = anchors;
    }

    /**
     * Returns the colour at position t.
     *
     * <p>Values below 0 are treated as 0 and values above 1 as 1; NaN gives {@link #NAN_RGB}.
     *
     * @param t Position in the map; 0 is the low end, 1 the high end.
     * @return The colour as 0xRRGGBB (no alpha bits).
     */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return NAN_RGB;
        }
        double c = Math.min(1.0, Math.max(0.0, t));
        double pos = c * (anchors.length - 1);
        int i = Math.min((int) Math.floor(pos), anchors.length - 2);
        double w = pos - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return (mix(a >> 16, b >> 16, w) << 16) | (mix(a >> 8, b >> 8, w) << 8) | mix(a, b, w);
    }

    private static int mix(int a, int b, double w) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * w);
    }
}
