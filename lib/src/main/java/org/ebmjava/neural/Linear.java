package org.ebmjava.neural;

/**
 * One affine layer of an {@link Mlp}, z = a W + b, followed by its activation: a view of where its weights live
 * in the network's flat parameter vector.
 *
 * <p>Layout: W is in &times; out, row-major (entry (i, j) at {@code weightOffset() + i * out + j}), and b follows
 * it at {@code biasOffset()} = weightOffset() + in &middot; out. A batch of rows a (n &times; in) maps to n &times;
 * out, so one layer of a batch is one matrix product, the layout BLAS wants.
 *
 * @param inputDim The layer's input width (for the first layer: the data dimension plus the embedding's).
 * @param outputDim The layer's output width.
 * @param activation The activation after the affine map ({@link Activation#IDENTITY} for the output layer).
 * @param weightOffset Where W starts in the flat parameter vector.
 */
public record Linear(int inputDim, int outputDim, Activation activation, int weightOffset) {
    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException If a width is &lt; 1, the activation is null or the offset negative.
     */
    public Linear {
        if (inputDim < 1 || outputDim < 1) {
            throw new IllegalArgumentException("layer widths: expected >= 1, found " + inputDim + " -> " + outputDim);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation: expected an Activation, found null");
        }
        if (weightOffset < 0) {
            throw new IllegalArgumentException("weightOffset: expected >= 0, found " + weightOffset);
        }
    }

    /**
     * Returns where the bias starts in the flat parameter vector.
     *
     * @return weightOffset + in &middot; out.
     */
    public int biasOffset() {
        return weightOffset + inputDim * outputDim;
    }

    /**
     * Returns the number of parameters of this layer.
     *
     * @return in &middot; out + out.
     */
    public int parameterCount() {
        return inputDim * outputDim + outputDim;
    }
}
