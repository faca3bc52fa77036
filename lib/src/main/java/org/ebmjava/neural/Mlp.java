package org.ebmjava.neural;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ebmjava.sampling.BatchEnergy;
import org.ebmjava.sampling.BatchScore;

/**
 * A multilayer perceptron f: R<sup>d</sup> (&times; a level) &rarr; R<sup>m</sup>: affine layers with an
 * activation after each hidden layer, optionally with a {@link SinusoidalEmbedding} of a per-sample level (noise
 * level &sigma; or time step t) concatenated to the input. With m = 1 it is an energy E(x) = f(x) (the
 * {@link #asEnergy()} view); with m = d a vector field such as a score or a noise prediction ({@link #asScore()}).
 *
 * <p>Math, for a batch of rows: a<sub>0</sub> = [x, emb(level)], z<sub>k</sub> = a<sub>k-1</sub> W<sub>k</sub> +
 * b<sub>k</sub>, a<sub>k</sub> = &phi;<sub>k</sub>(z<sub>k</sub>) for k &lt; L, f = z<sub>L</sub>. Reverse mode
 * for L = &Sigma;<sub>i</sub> &lang;g<sub>i</sub>, f(x<sub>i</sub>)&rang;: &delta;<sub>L</sub> = g,
 * &delta;<sub>k</sub> = (&delta;<sub>k+1</sub> W<sub>k+1</sub><sup>T</sup>) &#8857; &phi;'(z<sub>k</sub>),
 * dL/dW<sub>k</sub> = a<sub>k-1</sub><sup>T</sup> &delta;<sub>k</sub>, dL/db<sub>k</sub> = &Sigma;<sub>rows</sub>
 * &delta;<sub>k</sub>, dL/dx = (&delta;<sub>1</sub> W<sub>1</sub><sup>T</sup>) restricted to the data columns. The
 * second-order passes ({@link #hessianTrace}, {@link #hessianVectorProduct}, {@link SecondOrderLoss}) are
 * documented where they are defined.
 *
 * <p>Parameters: one flat float32 vector, layer after layer, each layer's W (in &times; out, row-major) then b
 * (see {@link Linear}); {@link #parameters()} and {@link #gradients()} are the live arrays. Initialisation: every
 * W and b uniform in &plusmn;1/&radic;in (PyTorch's {@code nn.Linear} default), drawn from one
 * {@link SplittableRandom} with the builder's seed, layer by layer.
 *
 * <p>Speed and threads: see {@link MlpEngine} and the package documentation. Calls are batched; rows beyond
 * {@link #maxBatch()} are processed in chunks. Results are bit-identical for the same parameters, inputs and
 * thread count. An instance is not thread-safe (one caller at a time), but several instances may be used from
 * several threads (they take turns on the shared workers).
 *
 * <p>Arguments are checked: wrong lengths, null arrays, n &le; 0, non-finite inputs and a missing level of an
 * embedded network throw {@link IllegalArgumentException} naming the argument, what was expected and what was
 * found. A level array passed to a network without an embedding is ignored.
 */
public final class Mlp implements Parameterized {
    /** The default chunk size (rows processed at once; larger batches are processed in chunks). */
    public static final int DEFAULT_MAX_BATCH = 256;

    private final int inputDim;
    private final int outputDim;
    private final SinusoidalEmbedding embedding;
    private final List<Linear> layers;
    private final long seed;
    private final int threads;
    private final int maxBatch;
    private final float[] params;
    private final float[] grads;
    private MlpEngine engine;
    private float[] levelTmp;

    /**
     * Starts building an MLP.
     *
     * @param inputDim The data dimension d, &ge; 1 (without the embedding).
     * @return A builder.
     * @throws IllegalArgumentException If inputDim &lt; 1.
     */
    public static Builder builder(int inputDim) {
        return new Builder(inputDim);
    }

    /** Builds an {@link Mlp}: hidden layers in order, then the output width. */
    public static final class Builder {
        private final int inputDim;
        private final List<int[]> hidden = new ArrayList<>();
        private final List<Activation> acts = new ArrayList<>();
        private int outputDim = 1;
        private SinusoidalEmbedding embedding;
        private long seed = org.ebmjava.Ebm.DEFAULT_SEED;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int maxBatch = DEFAULT_MAX_BATCH;

        private Builder(int inputDim) {
            if (inputDim < 1) {
                throw new IllegalArgumentException("inputDim: expected >= 1, found " + inputDim);
            }
            this.inputDim = inputDim;
        }

        /**
         * Appends a hidden layer.
         *
         * @param width Its width, &ge; 1.
         * @param act Its activation.
         * @return This builder.
         * @throws IllegalArgumentException If width &lt; 1 or act is null.
         */
        public Builder hidden(int width, Activation act) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden width: expected >= 1, found " + width);
            }
            if (act == null) {
                throw new IllegalArgumentException("act: expected an Activation, found null");
            }
            hidden.add(new int[] {width});
            acts.add(act);
            return this;
        }

        /**
         * Sets the output width (default 1: an energy or scalar head).
         *
         * @param outputDim m &ge; 1; d for a score or noise-prediction head.
         * @return This builder.
         * @throws IllegalArgumentException If outputDim &lt; 1.
         */
        public Builder output(int outputDim) {
            if (outputDim < 1) {
                throw new IllegalArgumentException("outputDim: expected >= 1, found " + outputDim);
            }
            this.outputDim = outputDim;
            return this;
        }

        /**
         * Adds an embedding of a per-sample level concatenated to the input; every call then needs a level array.
         *
         * @param e The embedding, or null for none.
         * @return This builder.
         */
        public Builder embedding(SinusoidalEmbedding e) {
            this.embedding = e;
            return this;
        }

        /**
         * Sets the seed of the initial parameters (default {@code Ebm.DEFAULT_SEED}).
         *
         * @param seed The seed.
         * @return This builder.
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the number of worker threads (default: the available processors).
         *
         * @param threads &ge; 1.
         * @return This builder.
         * @throws IllegalArgumentException If threads &lt; 1.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads: expected >= 1, found " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Sets the chunk size: rows processed at once (the native buffers hold this many rows per layer).
         *
         * @param maxBatch &ge; 1 (default {@value Mlp#DEFAULT_MAX_BATCH}).
         * @return This builder.
         * @throws IllegalArgumentException If maxBatch &lt; 1.
         */
        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch: expected >= 1, found " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /**
         * Builds the network with freshly initialised parameters.
         *
         * @return The MLP.
         * @throws IllegalArgumentException If the parameter count exceeds the int range.
         */
        public Mlp build() {
            int[] widths = new int[hidden.size() + 2];
            widths[0] = inputDim + (embedding == null ? 0 : embedding.dim());
            for (int i = 0; i < hidden.size(); i++) {
                widths[i + 1] = hidden.get(i)[0];
            }
            widths[widths.length - 1] = outputDim;
            List<Activation> a = new ArrayList<>(acts);
            a.add(Activation.IDENTITY);
            return new Mlp(inputDim, outputDim, embedding, widths, a, seed, threads, maxBatch, null);
        }
    }

    private Mlp(int inputDim, int outputDim, SinusoidalEmbedding embedding, int[] widths, List<Activation> acts,
            long seed, int threads, int maxBatch, float[] initial) {
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.embedding = embedding;
        this.seed = seed;
        this.threads = threads;
        this.maxBatch = maxBatch;
        List<Linear> ls = new ArrayList<>();
        long offset = 0;
        for (int k = 0; k + 1 < widths.length; k++) {
            if (offset > Integer.MAX_VALUE) {
                break;
            }
            Linear l = new Linear(widths[k], widths[k + 1], acts.get(k), (int) offset);
            ls.add(l);
            offset += (long) widths[k] * widths[k + 1] + widths[k + 1];
        }
        if (offset > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("network too large: " + offset + " parameters (at most "
                    + (Integer.MAX_VALUE - 8) + ")");
        }
        this.layers = List.copyOf(ls);
        this.params = new float[(int) offset];
        this.grads = new float[(int) offset];
        if (initial != null) {
            System.arraycopy(initial, 0, params, 0, params.length);
        } else {
            SplittableRandom rng = new SplittableRandom(seed);
            for (Linear l : layers) {
                double bound = 1.0 / Math.sqrt(l.inputDim());
                for (int q = l.weightOffset(); q < l.weightOffset() + l.parameterCount(); q++) {
                    params[q] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
        }
    }

    /**
     * Creates a network of the same architecture, seed, threads and chunk size with the given parameters (used by
     * {@link MlpIo}).
     *
     * @param template The architecture.
     * @param parameters The parameters, parameterCount() long. Copied.
     * @return A new network.
     */
    static Mlp withParameters(Mlp template, float[] parameters) {
        return new Mlp(template.inputDim, template.outputDim, template.embedding, template.widths(),
                template.activations(), template.seed, template.threads, template.maxBatch, parameters);
    }

    static Mlp of(int inputDim, int outputDim, SinusoidalEmbedding embedding, int[] widths, List<Activation> acts,
            long seed, int threads, int maxBatch, float[] parameters) {
        return new Mlp(inputDim, outputDim, embedding, widths, acts, seed, threads, maxBatch, parameters);
    }

    int[] widths() {
        int[] w = new int[layers.size() + 1];
        for (int k = 0; k < layers.size(); k++) {
            w[k] = layers.get(k).inputDim();
        }
        w[layers.size()] = outputDim;
        return w;
    }

    List<Activation> activations() {
        List<Activation> a = new ArrayList<>();
        for (Linear l : layers) {
            a.add(l.activation());
        }
        return a;
    }

    /**
     * Returns the data dimension (without the embedding).
     *
     * @return d.
     */
    public int inputDim() {
        return inputDim;
    }

    /**
     * Returns the output width.
     *
     * @return m (1 for an energy).
     */
    public int outputDim() {
        return outputDim;
    }

    @Override
    public int parameterCount() {
        return params.length;
    }

    @Override
    public float[] parameters() {
        return params;
    }

    @Override
    public float[] gradients() {
        return grads;
    }

    @Override
    public void zeroGradients() {
        Arrays.fill(grads, 0f);
    }

    /**
     * Returns the number of affine layers (hidden layers + 1).
     *
     * @return L.
     */
    public int layerCount() {
        return layers.size();
    }

    /**
     * Returns one layer.
     *
     * @param k 0..L-1.
     * @return Its description and parameter offsets.
     */
    public Linear layer(int k) {
        return layers.get(k);
    }

    /**
     * Returns the layers.
     *
     * @return An unmodifiable list, input side first.
     */
    public List<Linear> layers() {
        return layers;
    }

    /**
     * Returns the embedding.
     *
     * @return The embedding, or null if the network has none.
     */
    public SinusoidalEmbedding embedding() {
        return embedding;
    }

    /**
     * Returns the seed of the initial parameters.
     *
     * @return The seed.
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the number of worker threads.
     *
     * @return P.
     */
    public int threads() {
        return threads;
    }

    /**
     * Returns the chunk size.
     *
     * @return Rows processed at once.
     */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * Describes the architecture (the part a checkpoint must match).
     *
     * @return E.g. "2 -> 128 SWISH -> 128 SWISH -> 1, embedding none".
     */
    public String architecture() {
        StringBuilder s = new StringBuilder().append(inputDim);
        for (Linear l : layers) {
            s.append(" -> ").append(l.outputDim());
            if (l.activation() != Activation.IDENTITY || l != layers.get(layers.size() - 1)) {
                s.append(' ').append(l.activation());
            }
        }
        return s.append(", embedding ").append(embedding == null ? "none" : embedding.toString()).toString();
    }

    @Override
    public String toString() {
        return "Mlp[" + architecture() + ", " + params.length + " parameters, threads=" + threads + "]";
    }

    MlpEngine engine() {
        if (engine == null) {
            engine = new MlpEngine(this);
        }
        return engine;
    }

    // ------------------------------------------------------------------ first order

    /**
     * Computes f(x<sub>i</sub>) for n rows.
     *
     * @param x The inputs, n&middot;d finite floats (at least). Not modified.
     * @param level The per-sample levels (n finite entries) if the network has an embedding; otherwise ignored
     *     (may be null). Not modified.
     * @param n The number of rows, &ge; 1.
     * @param out Receives n&middot;m outputs, row-major. Modified.
     * @throws IllegalArgumentException On a bad argument (named in the message).
     */
    public void output(float[] x, float[] level, int n, float[] out) {
        check(x, level, n);
        requireLength(out, (long) n * outputDim, "out", "n*outputDim");
        engine().firstOrder(params, x, level, n, out, false, null, null, null);
    }

    /**
     * Adds dL/d&theta; for L = &Sigma;<sub>i</sub> &lang;outGrad<sub>i</sub>, f(x<sub>i</sub>)&rang; to
     * {@link #gradients()} (recomputing the forward pass). For a mean loss pass outGrad already divided by n.
     *
     * @param x The inputs, n&middot;d finite floats. Not modified.
     * @param level The levels (embedded networks) or null. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param outGrad dL/df, n&middot;m finite floats. Not modified.
     * @throws IllegalArgumentException On a bad argument.
     */
    public void accumulateGradient(float[] x, float[] level, int n, float[] outGrad) {
        check(x, level, n);
        requireFinite(outGrad, (long) n * outputDim, "outGrad", "n*outputDim");
        engine().firstOrder(params, x, level, n, null, true, outGrad, null, grads);
    }

    /**
     * Like {@link #accumulateGradient(float[], float[], int, float[])}, also writing the outputs f(x<sub>i</sub>)
     * of the same forward pass (outGrad must not depend on them) and, optionally, dL/dx.
     *
     * @param x The inputs. Not modified.
     * @param level The levels or null. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param outGrad dL/df, n&middot;m floats. Not modified.
     * @param out Receives the outputs (n&middot;m) or null. Modified.
     * @param inputGrad Receives dL/dx (n&middot;d) or null. Modified.
     * @throws IllegalArgumentException On a bad argument.
     */
    public void accumulateGradient(float[] x, float[] level, int n, float[] outGrad, float[] out,
            float[] inputGrad) {
        check(x, level, n);
        requireFinite(outGrad, (long) n * outputDim, "outGrad", "n*outputDim");
        if (out != null) {
            requireLength(out, (long) n * outputDim, "out", "n*outputDim");
        }
        if (inputGrad != null) {
            requireLength(inputGrad, (long) n * inputDim, "inputGrad", "n*inputDim");
        }
        engine().firstOrder(params, x, level, n, out, true, outGrad, inputGrad, grads);
    }

    /**
     * Computes the input gradient &nabla;<sub>x</sub>f(x<sub>i</sub>) of a scalar head (and the values f).
     *
     * @param x The inputs, n&middot;d finite floats. Not modified.
     * @param level The levels or null. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param energies Receives f(x<sub>i</sub>) (n entries), or null. Modified.
     * @param inputGrad Receives the gradients, n&middot;d, row-major. Modified.
     * @throws IllegalArgumentException On a bad argument, or if the head is not scalar.
     */
    public void inputGradient(float[] x, float[] level, int n, float[] energies, float[] inputGrad) {
        requireScalarHead("inputGradient");
        check(x, level, n);
        if (energies != null) {
            requireLength(energies, n, "energies", "n");
        }
        requireLength(inputGrad, (long) n * inputDim, "inputGrad", "n*inputDim");
        engine().firstOrder(params, x, level, n, energies, true, null, inputGrad, null);
    }

    // ------------------------------------------------------------------ second order

    /**
     * Computes the Hessian-vector products H<sub>i</sub> v<sub>i</sub>, H<sub>i</sub> = &nabla;<sub>x</sub><sup>2</sup>
     * f(x<sub>i</sub>), of a scalar head, exactly (not by differences): forward mode along v gives v&middot;&nabla;f
     * for every sample, and reverse mode over that forward computation gives its input gradient H v (see
     * {@link MlpEngine#tangent}). Cost: about three first-order passes.
     *
     * @param x The inputs, n&middot;d finite floats. Not modified.
     * @param level The levels (embedded networks) or null. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param v The directions, n&middot;d finite floats. Not modified.
     * @param out Receives H<sub>i</sub> v<sub>i</sub>, n&middot;d. Modified.
     * @throws IllegalArgumentException On a bad argument, or if the head is not scalar.
     */
    public void hessianVectorProduct(float[] x, float[] level, int n, float[] v, float[] out) {
        requireScalarHead("hessianVectorProduct");
        check(x, level, n);
        requireFinite(v, (long) n * inputDim, "v", "n*inputDim");
        requireLength(out, (long) n * inputDim, "out", "n*inputDim");
        engine().tangent(params, x, level, n, v, 0, 1, new MlpEngine.Seeds(0f, 1f, 0f, 0f), null, null, null, out,
                null);
    }

    /**
     * Computes the Hessian trace tr &nabla;<sub>x</sub><sup>2</sup> f(x<sub>i</sub>) = &Sigma;<sub>k</sub>
     * e<sub>k</sub><sup>T</sup> H e<sub>k</sub> of a scalar head, exactly: d second-order forward passes along the
     * unit vectors (each gives e<sub>k</sub><sup>T</sup>H e<sub>k</sub> for every sample). Cost grows with d: this is
     * exact score matching's price, meant for low dimension (use sliced score matching otherwise).
     *
     * @param x The inputs, n&middot;d finite floats. Not modified.
     * @param level The levels or null. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param trace Receives the n traces. Modified.
     * @throws IllegalArgumentException On a bad argument, or if the head is not scalar.
     */
    public void hessianTrace(float[] x, float[] level, int n, float[] trace) {
        requireScalarHead("hessianTrace");
        check(x, level, n);
        requireLength(trace, n, "trace", "n");
        float[] diag = new float[n];
        Arrays.fill(trace, 0, n, 0f);
        for (int k = 0; k < inputDim; k++) {
            engine().tangent(params, x, level, n, null, k, 2, null, null, null, diag, null, null);
            for (int i = 0; i < n; i++) {
                trace[i] += diag[i];
            }
        }
    }

    /**
     * Computes the Jacobian-vector products J<sub>i</sub> v<sub>i</sub> = (d f / d x)(x<sub>i</sub>) v<sub>i</sub>
     * for any head by forward mode (one tangent pass; for a scalar head it is v&middot;&nabla;f).
     *
     * @param x The inputs, n&middot;d finite floats. Not modified.
     * @param level The levels or null. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param v The directions, n&middot;d finite floats. Not modified.
     * @param out Receives J<sub>i</sub> v<sub>i</sub>, n&middot;m. Modified.
     * @throws IllegalArgumentException On a bad argument.
     */
    public void jacobianVectorProduct(float[] x, float[] level, int n, float[] v, float[] out) {
        check(x, level, n);
        requireFinite(v, (long) n * inputDim, "v", "n*inputDim");
        requireLength(out, (long) n * outputDim, "out", "n*outputDim");
        engine().tangent(params, x, level, n, v, 0, 1, null, null, out, null, null, null);
    }

    /** See {@link SecondOrderLoss#exactScoreMatching(Mlp, float[], float[], int)}. */
    double exactScoreMatching(float[] x, float[] level, int n) {
        requireScalarHead("exactScoreMatching");
        check(x, level, n);
        float[] g = new float[n * inputDim];
        inputGradient(x, level, n, null, g);
        float inv = 1f / n;
        // d/dtheta of mean 0.5 |grad f|^2 = mean of d/dtheta (u . grad f) at u = grad f held fixed
        engine().tangent(params, x, level, n, g, 0, 1, new MlpEngine.Seeds(0f, inv, 0f, 0f), null, null, null, null,
                grads);
        double loss = 0;
        for (int q = 0; q < g.length; q++) {
            loss += 0.5 * g[q] * g[q];
        }
        float[] diag = new float[n];
        for (int k = 0; k < inputDim; k++) {
            engine().tangent(params, x, level, n, null, k, 2, new MlpEngine.Seeds(0f, 0f, 0f, -inv), null, null, diag,
                    null, grads);
            for (int i = 0; i < n; i++) {
                loss -= diag[i];
            }
        }
        return loss / n;
    }

    /** See {@link SecondOrderLoss#slicedScoreMatching(Mlp, float[], float[], int, float[])}. */
    double slicedScoreMatching(float[] x, float[] level, int n, float[] v) {
        requireScalarHead("slicedScoreMatching");
        check(x, level, n);
        requireFinite(v, (long) n * inputDim, "v", "n*inputDim");
        float inv = 1f / n;
        float[] fdot = new float[n];
        float[] fddot = new float[n];
        engine().tangent(params, x, level, n, v, 0, 2, new MlpEngine.Seeds(0f, 0f, inv, -inv), null, fdot, fddot,
                null, grads);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss += 0.5 * fdot[i] * fdot[i] - fddot[i];
        }
        return loss / n;
    }

    /**
     * Returns a deep copy: same architecture, seed, threads and chunk size, copies of the parameters and of the
     * accumulated gradients, its own work buffers.
     *
     * @return The copy.
     */
    public Mlp copy() {
        Mlp c = new Mlp(inputDim, outputDim, embedding, widths(), activations(), seed, threads, maxBatch, params);
        System.arraycopy(grads, 0, c.grads, 0, grads.length);
        return c;
    }

    // ------------------------------------------------------------------ views

    /**
     * Views a scalar-head network without embedding as an energy E = f for the samplers.
     *
     * @return A view that shares this network (not thread-safe).
     * @throws IllegalArgumentException If the head is not scalar or the network has an embedding (use
     *     {@link #asEnergy(double)}).
     */
    public BatchEnergy asEnergy() {
        if (embedding != null) {
            throw new IllegalArgumentException("asEnergy(): this network embeds a level (" + embedding
                    + "); use asEnergy(level)");
        }
        return asEnergy(Double.NaN);
    }

    /**
     * Views a scalar-head network as the energy E(x) = f(x, level) at a fixed level.
     *
     * @param level The level for an embedded network (ignored without embedding).
     * @return A view that shares this network (not thread-safe).
     * @throws IllegalArgumentException If the head is not scalar.
     */
    public BatchEnergy asEnergy(double level) {
        requireScalarHead("asEnergy");
        Mlp self = this;
        return new BatchEnergy() {
            @Override
            public int dimension() {
                return inputDim;
            }

            @Override
            public void evaluate(float[] x, int n, float[] energies, float[] gradient) {
                float[] lv = levels(level, n);
                if (gradient != null) {
                    inputGradient(x, lv, n, energies, gradient);
                } else if (energies != null) {
                    output(x, lv, n, energies);
                } else {
                    check(x, lv, n);
                }
            }

            @Override
            public String toString() {
                return "energy view of " + self;
            }
        };
    }

    /**
     * Views a vector-head network (m = d) as a score field s(x, &sigma;) = f(x, &sigma;); an embedded network gets
     * &sigma; as its level. For the score of an energy use {@code BatchScore.of(asEnergy())}.
     *
     * @return A view that shares this network (not thread-safe).
     * @throws IllegalArgumentException If outputDim &ne; inputDim.
     */
    public BatchScore asScore() {
        if (outputDim != inputDim) {
            throw new IllegalArgumentException("asScore(): expected outputDim == inputDim (" + inputDim
                    + "), found outputDim " + outputDim + "; for an energy use BatchScore.of(asEnergy())");
        }
        Mlp self = this;
        return new BatchScore() {
            @Override
            public int dimension() {
                return inputDim;
            }

            @Override
            public void score(float[] x, int n, double sigma, float[] out) {
                output(x, levels(sigma, n), n, out);
            }

            @Override
            public String toString() {
                return "score view of " + self;
            }
        };
    }

    private float[] levels(double level, int n) {
        if (embedding == null) {
            return null;
        }
        if (n < 1) {
            return null;
        }
        if (levelTmp == null || levelTmp.length < n) {
            levelTmp = new float[n];
        }
        Arrays.fill(levelTmp, 0, n, (float) level);
        return levelTmp;
    }

    // ------------------------------------------------------------------ checks

    void requireScalarHead(String method) {
        if (outputDim != 1) {
            throw new IllegalArgumentException(method + ": expected a scalar head (outputDim 1), found outputDim "
                    + outputDim);
        }
    }

    void check(float[] x, float[] level, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected >= 1 rows, found " + n);
        }
        requireFinite(x, (long) n * inputDim, "x", "n*inputDim");
        if (embedding != null) {
            if (level == null) {
                throw new IllegalArgumentException("level: this network embeds a level (" + embedding
                        + "), expected " + n + " levels, found null");
            }
            requireFinite(level, n, "level", "n");
            if (embedding.isLog()) {
                for (int i = 0; i < n; i++) {
                    if (!(level[i] > 0)) {
                        throw new IllegalArgumentException("level[" + i + "]: expected > 0 for " + embedding
                                + ", found " + level[i]);
                    }
                }
            }
        }
    }

    static void requireLength(float[] a, long length, String name, String formula) {
        if (a == null) {
            throw new IllegalArgumentException(name + ": expected an array of " + formula + " = " + length
                    + " floats, found null");
        }
        if (a.length < length) {
            throw new IllegalArgumentException(name + ": expected at least " + formula + " = " + length
                    + " floats, found " + a.length);
        }
    }

    static void requireFinite(float[] a, long length, String name, String formula) {
        requireLength(a, length, name, formula);
        for (int q = 0; q < length; q++) {
            if (!Float.isFinite(a[q])) {
                throw new IllegalArgumentException(name + "[" + q + "]: expected a finite value, found " + a[q]);
            }
        }
    }
}
