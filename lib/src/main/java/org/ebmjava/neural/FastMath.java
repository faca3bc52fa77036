package org.ebmjava.neural;

/**
 * Float exponential and sigmoid for the engine's element-wise loops: {@link Math#exp} costs several times more
 * than the multiply-adds around it, and the activations of a 128 &times; 512 layer call it 65,536 times per pass.
 *
 * <p>exp(x) = 2<sup>i</sup> e<sup>r</sup> with i = round(x log<sub>2</sub> e) and r = x - i ln 2 (Cody-Waite, ln 2
 * split in two parts), |r| &le; ln(2)/2, and e<sup>r</sup> by its Taylor polynomial of degree 6 (truncation error
 * below r<sup>7</sup>/7! &asymp; 1.2e-7 relative, about one float ulp). Inputs above 88 (e<sup>88</sup> &asymp; 1.7e38) give +&infin;, below
 * -87.3 give 0 (no subnormals), NaN gives NaN.
 */
final class FastMath {
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693145751953125f;
    private static final float LN2_LO = 1.428606765330187045e-06f;

    private FastMath() {}

    /**
     * Returns e<sup>x</sup> to about one ulp.
     *
     * @param x The argument.
     * @return e<sup>x</sup>.
     */
    static float exp(float x) {
        if (x > 88f) {
            return Float.POSITIVE_INFINITY;
        }
        if (x < -87.3f) {
            return 0f;
        }
        float fi = (float) Math.floor(x * LOG2E + 0.5f);
        float r = x - fi * LN2_HI - fi * LN2_LO;
        float p = 1f + r * (1f + r * (0.5f + r * (1f / 6 + r * (1f / 24 + r * (1f / 120 + r * (1f / 720))))));
        return p * Float.intBitsToFloat(((int) fi + 127) << 23);
    }

    private static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    /**
     * Returns tanh x by a rational minimax approximation, x P(x<sup>2</sup>) / Q(x<sup>2</sup>) with P of degree 6
     * and Q of degree 3 in x<sup>2</sup>, x clamped to &plusmn;7.905 (the coefficients of Eigen's float tanh; max
     * absolute error 3.3e-7 over the reals, measured against double tanh). Only multiplies, adds, one divide and
     * min/max: the JIT vectorises loops that call it, unlike {@link Math#exp}.
     *
     * @param x The argument (NaN gives NaN).
     * @return tanh x.
     */
    static float tanh(float x) {
        float c = Math.max(-CLAMP, Math.min(CLAMP, x));
        float x2 = c * c;
        float p = ((((((A13 * x2 + A11) * x2 + A9) * x2 + A7) * x2 + A5) * x2 + A3) * x2 + A1) * c;
        float q = ((B6 * x2 + B4) * x2 + B2) * x2 + B0;
        return p / q;
    }

    /**
     * Returns the logistic sigmoid &sigma;(z) = 1/2 + tanh(z/2)/2 (absolute error below 2e-7).
     *
     * @param z The argument.
     * @return &sigma;(z) in [0, 1].
     */
    static float sigmoid(float z) {
        return 0.5f + 0.5f * tanh(0.5f * z);
    }
}
