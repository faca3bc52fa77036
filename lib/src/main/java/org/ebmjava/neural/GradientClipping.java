package org.ebmjava.neural;

/**
 * Gradient-norm clipping, as PyTorch's {@code clip_grad_norm_}: if the Euclidean norm |g| exceeds maxNorm, g is
 * scaled by maxNorm / (|g| + 1e-6).
 */
public final class GradientClipping {
    private GradientClipping() {}

    /**
     * Clips a gradient vector in place.
     *
     * @param grads The gradients. Modified when clipped.
     * @param maxNorm The largest norm allowed, &gt; 0.
     * @return The norm before clipping (computed in double; NaN or infinite if a gradient is, in which case nothing
     *     is scaled).
     * @throws IllegalArgumentException If grads is null or maxNorm is not positive.
     */
    public static double clipNorm(float[] grads, double maxNorm) {
        if (grads == null) {
            throw new IllegalArgumentException("grads: expected a float array, found null");
        }
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm: expected a value > 0, found " + maxNorm);
        }
        double s = 0;
        for (float g : grads) {
            s += (double) g * g;
        }
        double norm = Math.sqrt(s);
        if (norm > maxNorm && Double.isFinite(norm)) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (int q = 0; q < grads.length; q++) {
                grads[q] *= scale;
            }
        }
        return norm;
    }

    /**
     * Clips a model's accumulated gradients.
     *
     * @param model The model. Its gradients are modified when clipped.
     * @param maxNorm The largest norm allowed, &gt; 0.
     * @return The norm before clipping.
     * @throws IllegalArgumentException If model is null or maxNorm is not positive.
     */
    public static double clipNorm(Parameterized model, double maxNorm) {
        if (model == null) {
            throw new IllegalArgumentException("model: expected a Parameterized, found null");
        }
        return clipNorm(model.gradients(), maxNorm);
    }
}
