package org.ebmjava.rbm;

import org.ebmjava.NativeMemory;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.ebmjava.Ebm;
import org.ebmjava.NativeConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Trains RBMs by contrastive divergence (CD-k) or persistent contrastive divergence (PCD-k) with mini-batches,
 * momentum, L2 weight decay and an optional sparsity target.
 *
 * <p>The trainer holds only hyperparameters; {@link #train} copies the initial model and returns the trained
 * copy with a per-epoch history. Hyperparameters are set with chained setters, e.g.
 * {@code new RbmTrainer().method(Method.PCD).k(1).learningRate(0.05).epochs(20)}; {@link #toString()} prints all
 * of them. The no-argument constructor sets CD-1, mini-batch size 100, learning rate 0.1, momentum 0.5, weight
 * decay 1e-4, no sparsity target, 10 epochs and seed {@link Ebm#DEFAULT_SEED}.
 *
 * <p>Update rule per mini-batch of size B (gradient ascent on the log-likelihood; &lt;.&gt;<sub>0</sub> over the
 * data, &lt;.&gt;<sub>k</sub> after k Gibbs steps of the negative chain):
 * <pre>
 *   vel_W = momentum vel_W + lr ( (&lt;v h^T&gt;_0 - &lt;v h^T&gt;_k) / B - weightDecay W ),   W += vel_W
 *   vel_b = momentum vel_b + lr (&lt;v&gt;_0 - &lt;v&gt;_k) / B,                             b += vel_b
 *   vel_c = momentum vel_c + lr (&lt;h&gt;_0 - &lt;h&gt;_k) / B,                             c += vel_c
 * </pre>
 * CD starts the negative chain at the data; PCD keeps one chain per mini-batch row across updates (Tieleman
 * 2008). Each epoch reshuffles the data (seeded) and uses floor(n / B) full mini-batches; the remainder rows take
 * part in later epochs' shuffles. The hot loop allocates nothing and is split over {@link #threads()} worker
 * threads (see {@code CdEngine}).
 *
 * <p>Monitoring at the end of each epoch uses the first {@link #monitorSize()} rows of the training data (and of
 * the held-out data if given) and is excluded from the seconds column. Divergence: every
 * {@link #divergenceCheckEvery()} mini-batches and at each epoch's end the parameters are checked; NaN, Infinity,
 * or a weight RMS |W| / sqrt(nv nh) above {@link #maxWeightRms()} stops training with a
 * {@link TrainingDivergedException}.
 *
 * <p>The first call applies {@link NativeConfig#apply()} (thread settings; see there).
 *
 * <pre>
 * G. E. Hinton, "Training products of experts by minimizing contrastive divergence", Neural Computation, 2002.
 * T. Tieleman, "Training restricted Boltzmann machines using approximations to the likelihood gradient",
 * ICML 2008.
 * G. E. Hinton, "A practical guide to training restricted Boltzmann machines", UTML TR 2010-003, 2010.
 * </pre>
 */
public final class RbmTrainer {

    /** How the negative phase's chain is started. */
    public enum Method {
        /** Contrastive divergence: the chain starts at the mini-batch's data. */
        CD,
        /** Persistent contrastive divergence: the chain continues from the previous update. */
        PCD
    }

    /** CD or PCD. */
    private Method method = Method.CD;
    /** Gibbs steps of the negative chain per update, &gt;= 1. */
    private int k = 1;
    /** Rows per mini-batch, &gt;= 1 (capped at the number of rows). */
    private int batchSize = 100;
    /** Constant learning rate, used when no schedule is set. */
    private double learningRate = 0.1;
    /** Learning rate as a function of the 1-based epoch, or null for the constant rate. */
    private IntToDoubleFunction learningRateSchedule;
    /** A description of the schedule for toString and provenance. */
    private String learningRateScheduleName = "constant";
    /** Momentum, in [0, 1). */
    private double momentum = 0.5;
    /** Momentum after {@link #momentumSwitchEpoch} (Hinton: 0.5 at first, then 0.9); NaN keeps momentum. */
    private double finalMomentum = Double.NaN;
    /** The first 1-based epoch that uses finalMomentum. */
    private int momentumSwitchEpoch = 6;
    /** L2 weight decay on W (not on the biases), &gt;= 0. */
    private double weightDecay = 1e-4;
    /** Target mean activation of each hidden unit, in (0, 1); only used when sparsityCost &gt; 0. */
    private double sparsityTarget = 0.1;
    /** Weight of the sparsity penalty, &gt;= 0; 0 turns it off. */
    private double sparsityCost = 0.0;
    /** Decay of the running estimate of each hidden unit's mean activation, in [0, 1). */
    private double sparsityDecay = 0.95;
    /** Whether CD samples the reconstructed visibles (PCD always does). */
    private boolean sampleVisibles = false;
    /** Number of passes over the data, &gt;= 1. */
    private int epochs = 10;
    /** Seed of the shuffles and of the Gibbs sampling. */
    private long seed = Ebm.DEFAULT_SEED;
    /** Rows of the training (and held-out) data used for the per-epoch statistics; 0 turns monitoring off. */
    private int monitorSize = 1000;
    /** Divergence bound on the weights' root-mean-square |W| / sqrt(nv nh). */
    private double maxWeightRms = 100.0;
    /** Check for divergence every this many mini-batches (and at each epoch's end). */
    private int divergenceCheckEvery = 10;
    /** A description of the training data, recorded in the model's provenance. */
    private String dataSource = "unspecified";
    /** Worker threads of the training step; 0 means one per available processor. */
    private int threads = 0;

    /** Creates a trainer with the defaults listed in the class description. */
    public RbmTrainer() {
    }

    /**
     * Creates a trainer for the given method, k, learning rate and number of epochs; other settings default.
     *
     * @param method CD or PCD.
     * @param k Gibbs steps per update, &gt;= 1.
     * @param learningRate The constant learning rate, &gt; 0.
     * @param epochs Passes over the data, &gt;= 1.
     */
    public RbmTrainer(Method method, int k, double learningRate, int epochs) {
        method(method).k(k).learningRate(learningRate).epochs(epochs);
    }

    // ----- setters (each returns this) and getters -----

    /**
     * Sets CD or PCD.
     *
     * @param method The method, not null.
     * @return This trainer.
     */
    public RbmTrainer method(Method method) {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        this.method = method;
        return this;
    }

    /**
     * Sets the number of Gibbs steps per update.
     *
     * @param k Steps, &gt;= 1.
     * @return This trainer.
     */
    public RbmTrainer k(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, found " + k);
        }
        this.k = k;
        return this;
    }

    /**
     * Sets the mini-batch size.
     *
     * @param batchSize Rows per mini-batch, &gt;= 1.
     * @return This trainer.
     */
    public RbmTrainer batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, found " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * Sets a constant learning rate (and removes any schedule).
     *
     * @param learningRate The rate, finite and &gt; 0.
     * @return This trainer.
     */
    public RbmTrainer learningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, found " + learningRate);
        }
        this.learningRate = learningRate;
        this.learningRateSchedule = null;
        this.learningRateScheduleName = "constant";
        return this;
    }

    /**
     * Sets a learning-rate schedule: the rate for each 1-based epoch.
     *
     * @param schedule The schedule; must return finite positive rates.
     * @param description A short description for toString and provenance, e.g. "0.1 / epoch".
     * @return This trainer.
     */
    public RbmTrainer learningRateSchedule(IntToDoubleFunction schedule, String description) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        this.learningRateSchedule = schedule;
        this.learningRateScheduleName = description == null ? "custom" : description;
        return this;
    }

    /**
     * Sets a constant momentum.
     *
     * @param momentum The momentum, in [0, 1).
     * @return This trainer.
     */
    public RbmTrainer momentum(double momentum) {
        checkMomentum(momentum, "momentum");
        this.momentum = momentum;
        this.finalMomentum = Double.NaN;
        return this;
    }

    /**
     * Sets Hinton's two-stage momentum: {@code initial} before epoch {@code switchEpoch}, {@code fin} from it on.
     *
     * @param initial The momentum of the first epochs, in [0, 1).
     * @param fin The later momentum, in [0, 1).
     * @param switchEpoch The first 1-based epoch with the later momentum, &gt;= 1.
     * @return This trainer.
     */
    public RbmTrainer momentum(double initial, double fin, int switchEpoch) {
        checkMomentum(initial, "initial momentum");
        checkMomentum(fin, "final momentum");
        if (switchEpoch < 1) {
            throw new IllegalArgumentException("switchEpoch must be >= 1, found " + switchEpoch);
        }
        this.momentum = initial;
        this.finalMomentum = fin;
        this.momentumSwitchEpoch = switchEpoch;
        return this;
    }

    /**
     * Sets the L2 weight decay on W.
     *
     * @param weightDecay The coefficient, finite and &gt;= 0.
     * @return This trainer.
     */
    public RbmTrainer weightDecay(double weightDecay) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, found " + weightDecay);
        }
        this.weightDecay = weightDecay;
        return this;
    }

    /**
     * Turns on the sparsity penalty.
     *
     * @param target The target mean activation of each hidden unit, in (0, 1).
     * @param cost The penalty's weight, finite and &gt;= 0 (0 turns it off).
     * @param decay The decay of the running mean activation, in [0, 1).
     * @return This trainer.
     */
    public RbmTrainer sparsity(double target, double cost, double decay) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("sparsity target must be in (0, 1), found " + target);
        }
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("sparsity cost must be finite and >= 0, found " + cost);
        }
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("sparsity decay must be in [0, 1), found " + decay);
        }
        this.sparsityTarget = target;
        this.sparsityCost = cost;
        this.sparsityDecay = decay;
        return this;
    }

    /**
     * Sets whether CD samples the reconstructed visible units (PCD always samples them).
     *
     * @param sampleVisibles True to sample, false to use probabilities (Bernoulli) or means (Gaussian).
     * @return This trainer.
     */
    public RbmTrainer sampleVisibles(boolean sampleVisibles) {
        this.sampleVisibles = sampleVisibles;
        return this;
    }

    /**
     * Sets the number of epochs.
     *
     * @param epochs Passes over the data, &gt;= 1.
     * @return This trainer.
     */
    public RbmTrainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /**
     * Sets the seed of the shuffles and the sampling.
     *
     * @param seed The seed.
     * @return This trainer.
     */
    public RbmTrainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Sets how many rows the per-epoch statistics use.
     *
     * @param monitorSize Rows, &gt;= 0; 0 turns monitoring off (the statistics become NaN).
     * @return This trainer.
     */
    public RbmTrainer monitorSize(int monitorSize) {
        if (monitorSize < 0) {
            throw new IllegalArgumentException("monitorSize must be >= 0, found " + monitorSize);
        }
        this.monitorSize = monitorSize;
        return this;
    }

    /**
     * Sets the divergence bound on the weights' RMS.
     *
     * @param maxWeightRms The bound, &gt; 0.
     * @return This trainer.
     */
    public RbmTrainer maxWeightRms(double maxWeightRms) {
        if (!(maxWeightRms > 0)) {
            throw new IllegalArgumentException("maxWeightRms must be > 0, found " + maxWeightRms);
        }
        this.maxWeightRms = maxWeightRms;
        return this;
    }

    /**
     * Sets how often (in mini-batches) the parameters are checked for divergence.
     *
     * @param every Mini-batches between checks, &gt;= 1.
     * @return This trainer.
     */
    public RbmTrainer divergenceCheckEvery(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("divergenceCheckEvery must be >= 1, found " + every);
        }
        this.divergenceCheckEvery = every;
        return this;
    }

    /**
     * Sets the number of worker threads of the training step.
     *
     * <p>With P &gt; 1 workers each runs the Gibbs chain for its share of the mini-batch rows and then updates its
     * share of the units, each with single-threaded BLAS (ND4J's and OpenBLAS's own thread counts are set to 1
     * during the epoch and restored after it). With 1, the step runs on the calling thread and OpenBLAS uses its
     * own threads. Results are reproducible for the same seed, thread count and machine.
     *
     * @param threads Workers, &gt;= 1, or 0 for one per available processor (the default).
     * @return This trainer.
     */
    public RbmTrainer threads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = one per processor), found " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * Returns the number of worker threads a training run uses.
     *
     * @return The configured count, or the number of available processors if it is 0.
     */
    public int threads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Sets the description of the training data recorded in the model's provenance.
     *
     * @param dataSource E.g. {@code mnist.train().source()}.
     * @return This trainer.
     */
    public RbmTrainer dataSource(String dataSource) {
        this.dataSource = dataSource == null ? "unspecified" : dataSource;
        return this;
    }

    /**
     * Returns the method, CD or PCD.
     *
     * @return CD or PCD.
     */
    public Method method() {
        return method;
    }

    /**
     * Returns the number of Gibbs steps per update.
     *
     * @return Gibbs steps per update.
     */
    public int k() {
        return k;
    }

    /**
     * Returns the number of rows per mini-batch.
     *
     * @return Rows per mini-batch.
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns the learning rate of a 1-based epoch.
     *
     * @param epoch The epoch.
     * @return The schedule's value, or the constant rate.
     */
    public double learningRateAt(int epoch) {
        return learningRateSchedule == null ? learningRate : learningRateSchedule.applyAsDouble(epoch);
    }

    /**
     * Returns the momentum of a 1-based epoch.
     *
     * @param epoch The epoch.
     * @return The momentum.
     */
    public double momentumAt(int epoch) {
        return !Double.isNaN(finalMomentum) && epoch >= momentumSwitchEpoch ? finalMomentum : momentum;
    }

    /**
     * Returns the L2 weight decay.
     *
     * @return The L2 weight decay.
     */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Returns the number of epochs.
     *
     * @return The number of epochs.
     */
    public int epochs() {
        return epochs;
    }

    /**
     * Returns the seed.
     *
     * @return The seed.
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the divergence bound on the weights' RMS.
     *
     * @return The divergence bound on the weights' RMS.
     */
    public double maxWeightRms() {
        return maxWeightRms;
    }

    /**
     * Returns the number of mini-batches between divergence checks.
     *
     * @return Mini-batches between divergence checks.
     */
    public int divergenceCheckEvery() {
        return divergenceCheckEvery;
    }

    /**
     * Returns the number of rows used by the per-epoch statistics.
     *
     * @return Rows used by the per-epoch statistics.
     */
    public int monitorSize() {
        return monitorSize;
    }

    /**
     * Returns whether CD samples the reconstructed visibles.
     *
     * @return Whether CD samples the reconstructed visibles.
     */
    public boolean sampleVisibles() {
        return sampleVisibles;
    }

    // ----- training -----

    /**
     * Trains a copy of a Bernoulli RBM on data, without held-out data.
     *
     * @param init The initial model. Not modified.
     * @param data Training data, [n, nv], values in [0, 1], n &gt;= 1. Not modified.
     * @param listener Progress callback, or null.
     * @return The trained model and the history.
     * @throws TrainingDivergedException If the parameters become NaN/Infinite or too large.
     */
    public TrainingResult train(BernoulliRbm init, INDArray data, ProgressListener listener) {
        return train(init, data, null, listener);
    }

    /**
     * Trains a copy of a Bernoulli RBM, monitoring the free-energy gap against held-out data.
     *
     * @param init The initial model. Not modified.
     * @param data Training data, [n, nv], n &gt;= 1. Not modified.
     * @param heldOut Held-out data, [m, nv], or null. Not modified.
     * @param listener Progress callback, or null.
     * @return The trained model and the history.
     * @throws TrainingDivergedException If training diverges.
     */
    public TrainingResult train(BernoulliRbm init, INDArray data, INDArray heldOut, ProgressListener listener) {
        if (init == null) {
            throw new IllegalArgumentException("init must not be null");
        }
        BernoulliRbm model = init.copy();
        Table history = run(model.params, false, data, heldOut, listener, new Monitor() {
            @Override
            public double freeEnergy(INDArray v) {
                return model.freeEnergy(v).meanNumber().doubleValue();
            }

            @Override
            public double reconstructionError(INDArray v) {
                return model.reconstructionError(v);
            }

            @Override
            public double pseudoLogLikelihood(INDArray v, long s) {
                return RbmTrainer.pseudoLogLikelihood(model, v, s);
            }
        });
        model.withProvenance(RbmIo.Provenance.of(seed, toString(), describe(data)));
        return new TrainingResult(model, history);
    }

    /**
     * Trains a copy of a Gaussian-Bernoulli RBM (data standardised to unit variance per unit; use a learning rate
     * one or two orders smaller than for binary data).
     *
     * @param init The initial model. Not modified.
     * @param data Training data, [n, nv], n &gt;= 1. Not modified.
     * @param listener Progress callback, or null.
     * @return The trained model and the history.
     * @throws TrainingDivergedException If training diverges.
     */
    public GaussianTrainingResult train(GaussianBernoulliRbm init, INDArray data, ProgressListener listener) {
        return train(init, data, null, listener);
    }

    /**
     * Trains a copy of a Gaussian-Bernoulli RBM with optional held-out monitoring.
     *
     * @param init The initial model. Not modified.
     * @param data Training data, [n, nv], n &gt;= 1. Not modified.
     * @param heldOut Held-out data, or null. Not modified.
     * @param listener Progress callback, or null.
     * @return The trained model and the history.
     * @throws TrainingDivergedException If training diverges.
     */
    public GaussianTrainingResult train(GaussianBernoulliRbm init, INDArray data, INDArray heldOut,
            ProgressListener listener) {
        if (init == null) {
            throw new IllegalArgumentException("init must not be null");
        }
        GaussianBernoulliRbm model = init.copy();
        Table history = run(model.params, true, data, heldOut, listener, new Monitor() {
            @Override
            public double freeEnergy(INDArray v) {
                return model.freeEnergy(v).meanNumber().doubleValue();
            }

            @Override
            public double reconstructionError(INDArray v) {
                return model.reconstructionError(v);
            }

            @Override
            public double pseudoLogLikelihood(INDArray v, long s) {
                return Double.NaN;
            }
        });
        model.withProvenance(RbmIo.Provenance.of(seed, toString(), describe(data)));
        return new GaussianTrainingResult(model, history);
    }

    private interface Monitor {
        double freeEnergy(INDArray v);

        double reconstructionError(INDArray v);

        double pseudoLogLikelihood(INDArray v, long seed);
    }

    private Table run(RbmParams p, boolean gaussian, INDArray rawData, INDArray rawHeldOut, ProgressListener listener,
            Monitor monitor) {
        NativeConfig.apply();
        INDArray data = RbmOps.rows(rawData, p.nv, "data");
        int n = (int) data.rows();
        if (n < 1) {
            throw new IllegalArgumentException("data must have at least one row, found 0");
        }
        INDArray heldOut = rawHeldOut == null ? null : RbmOps.rows(rawHeldOut, p.nv, "heldOut");
        int b = Math.min(batchSize, n);
        int batches = n / b;
        int mTrain = Math.min(monitorSize, n);
        INDArray monTrain = mTrain == 0 ? null : data.get(NDArrayIndex.interval(0, mTrain), NDArrayIndex.all())
                .dup('c');
        INDArray monHeld = heldOut == null || mTrain == 0 || heldOut.rows() == 0 ? null
                : heldOut.get(NDArrayIndex.interval(0, Math.min(monitorSize, heldOut.rows())), NDArrayIndex.all())
                        .dup('c');

        IntColumn colEpoch = IntColumn.create("epoch");
        DoubleColumn colLr = DoubleColumn.create("learning_rate");
        DoubleColumn colMom = DoubleColumn.create("momentum");
        DoubleColumn colRec = DoubleColumn.create("reconstruction_error");
        DoubleColumn colFeT = DoubleColumn.create("free_energy_train");
        DoubleColumn colFeH = DoubleColumn.create("free_energy_heldout");
        DoubleColumn colGap = DoubleColumn.create("free_energy_gap");
        DoubleColumn colPll = DoubleColumn.create("pseudo_log_likelihood");
        DoubleColumn colNorm = DoubleColumn.create("weight_norm");
        DoubleColumn colSec = DoubleColumn.create("seconds");

        INDArray shuffled = Nd4j.create(DataType.FLOAT, new long[] {n, p.nv}, 'c');
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom shuffleRng = new SplittableRandom(seed);
        double boundSq = maxWeightRms * maxWeightRms * p.nv * (double) p.nh;
        TrainingStats last = null;
        try (CdEngine engine = new CdEngine(p, gaussian, shuffled, b, k, method == Method.PCD, sampleVisibles,
                seed ^ 0x9E3779B97F4A7C15L, threads())) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                double lr = learningRateAt(epoch);
                double mom = momentumAt(epoch);
                if (!(lr > 0) || Double.isInfinite(lr)) {
                    throw new IllegalArgumentException("learning-rate schedule must give finite rates > 0, found "
                            + lr + " for epoch " + epoch);
                }
                long t0 = System.nanoTime();
                shuffle(perm, shuffleRng);
                Nd4j.pullRows(data, shuffled, 1, perm);
                // The engine's workers each use one core; native libraries must not start threads of their own.
                ThreadSettings saved = engine.workers() > 1 ? ThreadSettings.single() : null;
                try {
                    for (int bi = 0; bi < batches; bi++) {
                        NativeMemory.collectIfDue();
                        engine.step((long) bi * b, lr, mom, weightDecay, sparsityTarget, sparsityCost,
                                sparsityDecay);
                        if ((bi + 1) % divergenceCheckEvery == 0) {
                            checkDivergence(engine, boundSq, p, epoch, bi + 1, lr);
                        }
                        if (listener != null && bi + 1 < batches) {
                            double sec = (System.nanoTime() - t0) / 1e9;
                            listener.onProgress(epoch, bi + 1, midEpoch(last, epoch, bi + 1, batches, lr, mom, sec));
                        }
                    }
                } finally {
                    if (saved != null) {
                        saved.restore();
                    }
                }
                checkDivergence(engine, boundSq, p, epoch, batches, lr);
                double seconds = (System.nanoTime() - t0) / 1e9;

                double rec = Double.NaN;
                double feT = Double.NaN;
                double feH = Double.NaN;
                double pll = Double.NaN;
                if (monTrain != null) {
                    rec = monitor.reconstructionError(monTrain);
                    feT = monitor.freeEnergy(monTrain);
                    pll = monitor.pseudoLogLikelihood(monTrain, seed + epoch);
                    if (monHeld != null) {
                        feH = monitor.freeEnergy(monHeld);
                    }
                    if (!Double.isFinite(rec) || !Double.isFinite(feT)) {
                        throw new TrainingDivergedException(epoch, batches, Double.isFinite(rec) ? "mean free energy"
                                : "reconstruction error", Double.isFinite(rec) ? feT : rec, hint(lr));
                    }
                }
                double norm = p.w.norm2Number().doubleValue();
                last = new TrainingStats(epoch, batches, batches, epochs, true, lr, mom, rec, feT, feH, feH - feT,
                        pll, norm, seconds);
                colEpoch.append(epoch);
                colLr.append(lr);
                colMom.append(mom);
                colRec.append(rec);
                colFeT.append(feT);
                colFeH.append(feH);
                colGap.append(feH - feT);
                colPll.append(pll);
                colNorm.append(norm);
                colSec.append(seconds);
                if (listener != null) {
                    listener.onProgress(epoch, batches, last);
                }
            }
        } finally {
            // v0 points into shuffled without owning it: keep the array (and its native memory) alive to the end.
            RbmOps.keepAlive(shuffled);
        }
        return Table.create("training history", colEpoch, colLr, colMom, colRec, colFeT, colFeH, colGap, colPll,
                colNorm, colSec);
    }

    /** ND4J's and OpenBLAS's thread counts, saved while the engine's workers run. */
    private record ThreadSettings(int nd4j, int nd4jMaster, int blas) {
        static ThreadSettings single() {
            ThreadSettings s = new ThreadSettings(Nd4j.getEnvironment().maxThreads(),
                    Nd4j.getEnvironment().maxMasterThreads(), Nd4j.factory().blas().getMaxThreads());
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
            return s;
        }

        void restore() {
            Nd4j.getEnvironment().setMaxThreads(nd4j);
            Nd4j.getEnvironment().setMaxMasterThreads(nd4jMaster);
            Nd4j.factory().blas().setMaxThreads(blas);
        }
    }

    private TrainingStats midEpoch(TrainingStats last, int epoch, int batch, int batches, double lr, double mom,
            double sec) {
        double nan = Double.NaN;
        if (last == null) {
            return new TrainingStats(epoch, batch, batches, epochs, false, lr, mom, nan, nan, nan, nan, nan, nan, sec);
        }
        return new TrainingStats(epoch, batch, batches, epochs, false, lr, mom, last.reconstructionError(),
                last.freeEnergyTrain(), last.freeEnergyHeldOut(), last.freeEnergyGap(), last.pseudoLogLikelihood(),
                last.weightNorm(), sec);
    }

    private void checkDivergence(CdEngine engine, double boundSq, RbmParams p, int epoch, int batch, double lr) {
        double w2 = engine.weightSquaredNorm();
        double b2 = engine.biasSquaredNorm();
        if (!Double.isFinite(w2) || !Double.isFinite(b2)) {
            throw new TrainingDivergedException(epoch, batch, "parameter sum of squares", Double.isFinite(w2) ? b2 : w2,
                    "a weight or bias became NaN or infinite. " + hint(lr));
        }
        if (w2 > boundSq) {
            double rms = Math.sqrt(w2 / ((double) p.nv * p.nh));
            throw new TrainingDivergedException(epoch, batch, "weight RMS |W|/sqrt(nv nh)", rms,
                    "above the bound maxWeightRms = " + maxWeightRms + ". " + hint(lr));
        }
    }

    private String hint(double lr) {
        return String.format(Locale.ROOT, "Hint: lower the learning rate, currently %s%s", fmt(lr),
                method == Method.PCD ? " (PCD often needs a smaller rate than CD)" : "");
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private String describe(INDArray data) {
        return dataSource + " (" + data.rows() + " rows x " + data.columns() + " columns)";
    }

    /**
     * Estimates the pseudo-log-likelihood per sample: nv times the mean over rows of log sigmoid(F(v') - F(v)),
     * where v' is v with one unit per row (chosen with the seed) flipped to 1 - v.
     */
    static double pseudoLogLikelihood(BernoulliRbm rbm, INDArray v, long seed) {
        INDArray flipped = v.dup('c');
        SplittableRandom r = new SplittableRandom(seed);
        int nv = rbm.visibleSize();
        for (int i = 0; i < flipped.rows(); i++) {
            int j = r.nextInt(nv);
            flipped.putScalar(i, j, 1.0 - flipped.getDouble(i, j));
        }
        double[] f = rbm.freeEnergy(v).toDoubleVector();
        double[] g = rbm.freeEnergy(flipped).toDoubleVector();
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            sum += -RbmOps.softplus(-(g[i] - f[i]));
        }
        return nv * sum / f.length;
    }

    private static void checkMomentum(double m, String name) {
        if (!(m >= 0 && m < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), found " + m);
        }
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x).replaceAll("\\.?0+($|e)", "$1");
    }

    /**
     * Lists every hyperparameter.
     *
     * @return E.g. "RbmTrainer(method=CD, k=1, batchSize=100, learningRate=0.1 (constant), ...)".
     */
    @Override
    public String toString() {
        String lr = learningRateSchedule == null ? fmt(learningRate) + " (constant)"
                : "schedule " + learningRateScheduleName;
        String mom = Double.isNaN(finalMomentum) ? fmt(momentum)
                : fmt(momentum) + " then " + fmt(finalMomentum) + " from epoch " + momentumSwitchEpoch;
        String sparsity = sparsityCost == 0 ? "off" : "target " + fmt(sparsityTarget) + ", cost " + fmt(sparsityCost)
                + ", decay " + fmt(sparsityDecay);
        return "RbmTrainer(method=" + method + ", k=" + k + ", batchSize=" + batchSize + ", learningRate=" + lr
                + ", momentum=" + mom + ", weightDecay=" + fmt(weightDecay) + ", sparsity=" + sparsity
                + ", sampleVisibles=" + (sampleVisibles || method == Method.PCD) + ", epochs=" + epochs + ", seed="
                + seed + ", monitorSize=" + monitorSize + ", maxWeightRms=" + fmt(maxWeightRms)
                + ", divergenceCheckEvery=" + divergenceCheckEvery + ", threads=" + (threads == 0 ? "auto ("
                + threads() + ")" : String.valueOf(threads)) + ", dataSource=" + dataSource + ")";
    }
}
