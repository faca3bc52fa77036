package org.ebmjava.neural;

/**
 * Score-matching losses of an MLP energy E = f (scalar head), with their exact parameter gradients: each call
 * adds dJ/d&theta; to {@code energy.gradients()} and returns J. The model score is s = -&nabla;<sub>x</sub>E.
 *
 * <p><b>Exact score matching</b> (Hyv&auml;rinen 2005): the Fisher divergence between the data and the model,
 * up to a constant independent of &theta;, after integration by parts:
 * <pre>
 *   J = mean_i [ 0.5 |grad_x E(x_i)|^2 - tr Hess_x E(x_i) ]        (= mean_i [ 0.5 |s|^2 + tr grad_x s ]).
 * </pre>
 * Parameter gradient: the first term's is the gradient of u&middot;&nabla;E with u = &nabla;E held fixed (since
 * d(0.5|g|<sup>2</sup>) = g&middot;dg), one reverse pass over a forward-mode tangent pass along u; the trace's is a
 * reverse pass over the second-order forward pass along each unit vector e<sub>k</sub> (whose output is
 * e<sub>k</sub><sup>T</sup>H e<sub>k</sub>). So the cost is about d + 2 second-order passes: fine for the 2D toys,
 * prohibitive for images.
 *
 * <p><b>Sliced score matching</b> (Song, Garg, Shi and Ermon 2019), with one projection v<sub>i</sub> per sample
 * (Rademacher or standard Gaussian, so that E[v v<sup>T</sup>] = I):
 * <pre>
 *   J = mean_i [ 0.5 (v_i . grad_x E(x_i))^2 - v_i^T Hess_x E(x_i) v_i ]   (= mean_i [ 0.5 (v.s)^2 + v^T (grad_x s) v ]),
 * </pre>
 * the unbiased form of the paper's equation (6) (not the variance-reduced 0.5|s|<sup>2</sup> variant). Both
 * quantities come from one second-order forward pass along v (v&middot;&nabla;E and v<sup>T</sup>Hv), and the
 * parameter gradient from one reverse pass over it with adjoints (v&middot;&nabla;E)/n and -1/n: cost about four
 * first-order passes, independent of d.
 *
 * <p>Both need an activation with a nonzero second derivative (SWISH, SOFTPLUS, TANH, SIGMOID): with ReLU the
 * Hessian is 0 almost everywhere.
 */
public final class SecondOrderLoss {
    private SecondOrderLoss() {}

    /**
     * Exact score matching of an energy without embedding.
     *
     * @param energy The energy network (scalar head). Its gradients are added to.
     * @param x The data, n&middot;d finite floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return J, the mean loss.
     * @throws IllegalArgumentException On a bad argument (null network, wrong lengths, non-finite data, vector
     *     head, missing level).
     */
    public static double exactScoreMatching(Mlp energy, float[] x, int n) {
        return exactScoreMatching(energy, x, null, n);
    }

    /**
     * Exact score matching with per-sample levels (for an embedded energy; null otherwise).
     *
     * @param energy The energy network (scalar head). Its gradients are added to.
     * @param x The data, n&middot;d finite floats. Not modified.
     * @param level The levels, or null without embedding. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return J, the mean loss.
     * @throws IllegalArgumentException On a bad argument.
     */
    public static double exactScoreMatching(Mlp energy, float[] x, float[] level, int n) {
        requireNet(energy);
        return energy.exactScoreMatching(x, level, n);
    }

    /**
     * Sliced score matching of an energy without embedding.
     *
     * @param energy The energy network (scalar head). Its gradients are added to.
     * @param x The data, n&middot;d finite floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param v The projections, n&middot;d finite floats (e.g. Rademacher). Not modified.
     * @return J, the mean loss.
     * @throws IllegalArgumentException On a bad argument.
     */
    public static double slicedScoreMatching(Mlp energy, float[] x, int n, float[] v) {
        return slicedScoreMatching(energy, x, null, n, v);
    }

    /**
     * Sliced score matching with per-sample levels (for an embedded energy; null otherwise).
     *
     * @param energy The energy network (scalar head). Its gradients are added to.
     * @param x The data, n&middot;d finite floats. Not modified.
     * @param level The levels, or null without embedding. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param v The projections, n&middot;d finite floats. Not modified.
     * @return J, the mean loss.
     * @throws IllegalArgumentException On a bad argument.
     */
    public static double slicedScoreMatching(Mlp energy, float[] x, float[] level, int n, float[] v) {
        requireNet(energy);
        return energy.slicedScoreMatching(x, level, n, v);
    }

    private static void requireNet(Mlp energy) {
        if (energy == null) {
            throw new IllegalArgumentException("energy: expected an Mlp with a scalar head, found null");
        }
    }
}
