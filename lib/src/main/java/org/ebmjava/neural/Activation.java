package org.ebmjava.neural;

/**
 * The element-wise nonlinearities of the MLP, with the first three derivatives that the engine's first- and
 * second-order passes need.
 *
 * <p>Derivatives at the kinks of ReLU and LeakyReLU are taken as those of the left piece at 0 (0, respectively
 * the slope), and their second and third derivatives as 0: a ReLU network is piecewise linear, so its Hessian is 0
 * almost everywhere and exact or sliced score matching cannot train it (use SWISH, SOFTPLUS or TANH there).
 *
 * <p>The double-precision methods here are the definitions; the engine evaluates the same formulas in float in
 * fused loops (see {@link MlpEngine}).
 */
public enum Activation {
    /** f(z) = z. */
    IDENTITY,
    /** f(z) = max(0, z). */
    RELU,
    /** f(z) = z for z &gt; 0, {@value #LEAKY_SLOPE} z otherwise (PyTorch's default slope). */
    LEAKY_RELU,
    /** f(z) = tanh z. */
    TANH,
    /** f(z) = log(1 + e<sup>z</sup>), a smooth ReLU; f' = sigmoid. */
    SOFTPLUS,
    /** Swish / SiLU (Ramachandran et al. 2017; Elfwing et al. 2018): f(z) = z &sigma;(z). */
    SWISH,
    /** f(z) = &sigma;(z) = 1 / (1 + e<sup>-z</sup>). */
    SIGMOID;

    /** The slope of {@link #LEAKY_RELU} for negative inputs. */
    public static final float LEAKY_SLOPE = 0.01f;

    /**
     * Evaluates f(z).
     *
     * @param z The pre-activation.
     * @return f(z).
     */
    public double apply(double z) {
        switch (this) {
            case IDENTITY: return z;
            case RELU: return z > 0 ? z : 0;
            case LEAKY_RELU: return z > 0 ? z : LEAKY_SLOPE * z;
            case TANH: return Math.tanh(z);
            case SOFTPLUS: return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            case SWISH: return z * sigmoid(z);
            case SIGMOID: return sigmoid(z);
            default: throw new AssertionError(this);
        }
    }

    /**
     * Evaluates the derivative f'(z).
     *
     * @param z The pre-activation.
     * @return f'(z).
     */
    public double derivative(double z) {
        switch (this) {
            case IDENTITY: return 1;
            case RELU: return z > 0 ? 1 : 0;
            case LEAKY_RELU: return z > 0 ? 1 : LEAKY_SLOPE;
            case TANH: { double t = Math.tanh(z); return 1 - t * t; }
            case SOFTPLUS: return sigmoid(z);
            case SWISH: { double s = sigmoid(z); return s * (1 + z * (1 - s)); }
            case SIGMOID: { double s = sigmoid(z); return s * (1 - s); }
            default: throw new AssertionError(this);
        }
    }

    /**
     * Evaluates the second derivative f''(z): tanh: -2t(1-t<sup>2</sup>); softplus: &sigma;(1-&sigma;); swish:
     * &sigma;(1-&sigma;)(2 + z(1-2&sigma;)); sigmoid: &sigma;(1-&sigma;)(1-2&sigma;); 0 for the piecewise-linear ones.
     *
     * @param z The pre-activation.
     * @return f''(z).
     */
    public double secondDerivative(double z) {
        switch (this) {
            case IDENTITY: case RELU: case LEAKY_RELU: return 0;
            case TANH: { double t = Math.tanh(z); return -2 * t * (1 - t * t); }
            case SOFTPLUS: { double s = sigmoid(z); return s * (1 - s); }
            case SWISH: { double s = sigmoid(z); return s * (1 - s) * (2 + z * (1 - 2 * s)); }
            case SIGMOID: { double s = sigmoid(z); return s * (1 - s) * (1 - 2 * s); }
            default: throw new AssertionError(this);
        }
    }

    /**
     * Evaluates the third derivative f'''(z): tanh: (1-t<sup>2</sup>)(6t<sup>2</sup>-2); softplus:
     * &sigma;(1-&sigma;)(1-2&sigma;); swish: 3&sigma;'' + z&sigma;''' with &sigma;''' =
     * &sigma;(1-&sigma;)(1-6&sigma;+6&sigma;<sup>2</sup>); sigmoid: &sigma;(1-&sigma;)(1-6&sigma;+6&sigma;<sup>2</sup>).
     *
     * @param z The pre-activation.
     * @return f'''(z).
     */
    public double thirdDerivative(double z) {
        switch (this) {
            case IDENTITY: case RELU: case LEAKY_RELU: return 0;
            case TANH: { double t = Math.tanh(z); return (1 - t * t) * (6 * t * t - 2); }
            case SOFTPLUS: { double s = sigmoid(z); return s * (1 - s) * (1 - 2 * s); }
            case SWISH: {
                double s = sigmoid(z);
                double s1 = s * (1 - s);
                return 3 * s1 * (1 - 2 * s) + z * s1 * (1 - 6 * s + 6 * s * s);
            }
            case SIGMOID: { double s = sigmoid(z); return s * (1 - s) * (1 - 6 * s + 6 * s * s); }
            default: throw new AssertionError(this);
        }
    }

    /**
     * Whether the activation has a nonzero second derivative somewhere (needed for score matching).
     *
     * @return False for IDENTITY, RELU and LEAKY_RELU.
     */
    public boolean isSmooth() {
        return this != IDENTITY && this != RELU && this != LEAKY_RELU;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
