package org.ebmjava.rbm;

import org.ebmjava.NativeMemory;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.ebmjava.Ebm;
import org.ebmjava.NativeConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Estimates log Z of a Bernoulli RBM by annealed importance sampling (AIS) from a base-rate model, as in
 * Salakhutdinov and Murray (2008), with M runs in parallel as one ND4J batch.
 *
 * <p>The base model A has W = 0, c = 0 and visible biases b<sub>A</sub> = the log-odds of the data's pixel means
 * (clipped as in {@link BernoulliRbm#initVisibleBiasFromData}; zero when no data is given), so log Z<sub>A</sub> =
 * &sum;<sub>i</sub> softplus(b<sub>A,i</sub>) + nh log 2 exactly. The intermediate distributions, for 0 =
 * &beta;<sub>0</sub> &lt; ... &lt; &beta;<sub>K</sub> = 1, are
 * <pre>
 *   log p*_k(v) = (1 - beta_k) b_A.v + beta_k b.v + &sum;_j softplus(beta_k (c_j + (v W)_j))
 * </pre>
 * Each run draws v<sub>1</sub> from the base model, then for k = 1..K adds log p*<sub>k</sub>(v<sub>k</sub>) -
 * log p*<sub>k-1</sub>(v<sub>k</sub>) to its log weight and moves v by one Gibbs step that leaves p<sub>k</sub>
 * invariant (h<sub>j</sub> ~ sigmoid(beta_k x<sub>j</sub>), v<sub>i</sub> ~ sigmoid((1-beta_k) b<sub>A,i</sub> +
 * beta_k (b + W h)<sub>i</sub>)). Then log Z = log Z<sub>A</sub> + log mean<sub>m</sub> w<sub>m</sub>.
 *
 * <p>Precision: the per-step increments are tiny differences of large numbers (with 10,000 steps between 0.9 and
 * 1, softplus(beta_k x) - softplus(beta_{k-1} x) is about 1e-5 x), which float32 cannot resolve; ND4J's expm1 and
 * log1p are not accurate for small arguments either (they compute exp(x) - 1 and log(1 + x)). So the hidden
 * inputs x = v W + c come from a float32 product, and the softplus terms, their differences and the log weights
 * are computed in float64. A hidden input above 700 would overflow exp in float64; the estimate then fails
 * with an IllegalStateException instead of returning a wrong number.
 *
 * <p>The reported interval is the paper's: log(mean w &plusmn; 3 std(w) / sqrt(M)), i.e. three standard errors of
 * the importance weights' mean (lower bound -Infinity when that is not positive). It measures the sampling noise
 * of the estimate, not AIS's bias; AIS tends to underestimate log Z when the schedule is too short.
 *
 * <pre>
 * R. Salakhutdinov and I. Murray, "On the quantitative analysis of deep belief networks", ICML 2008.
 * R. M. Neal, "Annealed importance sampling", Statistics and Computing 11, 2001.
 * </pre>
 */
public final class AnnealedImportanceSampling {
    /** Default number of parallel runs (the paper uses 100). */
    public static final int DEFAULT_RUNS = 100;

    private final int runs;
    private final double[] betas;
    private final long seed;

    /**
     * The result of one AIS estimate.
     *
     * @param logZ The estimate of log Z, in nats.
     * @param logZLower log(mean w - 3 std(w)/sqrt(M)) + log Z<sub>A</sub> (-Infinity if not positive).
     * @param logZUpper log(mean w + 3 std(w)/sqrt(M)) + log Z<sub>A</sub>.
     * @param logWeights The M runs' log importance weights (without log Z<sub>A</sub>).
     * @param logZBase log Z<sub>A</sub> of the base-rate model.
     */
    public record Estimate(double logZ, double logZLower, double logZUpper, double[] logWeights, double logZBase) {
        /**
         * Returns the effective sample size of the weights, (&sum; w)<sup>2</sup> / &sum; w<sup>2</sup>.
         *
         * @return A number between 1 and M; small values mean a few runs dominate (lengthen the schedule).
         */
        public double effectiveSampleSize() {
            double max = Double.NEGATIVE_INFINITY;
            for (double x : logWeights) {
                max = Math.max(max, x);
            }
            double s = 0;
            double s2 = 0;
            for (double x : logWeights) {
                double w = Math.exp(x - max);
                s += w;
                s2 += w * w;
            }
            return s * s / s2;
        }
    }

    /** Creates an estimator with {@link #DEFAULT_RUNS} runs, {@link #defaultSchedule()} and the default seed. */
    public AnnealedImportanceSampling() {
        this(DEFAULT_RUNS, defaultSchedule(), Ebm.DEFAULT_SEED);
    }

    /**
     * Creates an estimator.
     *
     * @param runs The number of parallel runs M, &gt;= 2.
     * @param betas The inverse temperatures, strictly increasing from 0 to 1 (at least 2 values). Not modified.
     * @param seed The seed of the runs.
     */
    public AnnealedImportanceSampling(int runs, double[] betas, long seed) {
        if (runs < 2) {
            throw new IllegalArgumentException("runs must be >= 2, found " + runs);
        }
        if (betas == null || betas.length < 2 || betas[0] != 0.0 || betas[betas.length - 1] != 1.0) {
            throw new IllegalArgumentException("betas must go from 0 to 1 with at least 2 values, found "
                    + (betas == null ? "null" : betas.length + " values from " + betas[0] + " to "
                    + betas[betas.length - 1]));
        }
        for (int i = 1; i < betas.length; i++) {
            if (!(betas[i] > betas[i - 1])) {
                throw new IllegalArgumentException("betas must be strictly increasing, found betas[" + (i - 1) + "] = "
                        + betas[i - 1] + " and betas[" + i + "] = " + betas[i]);
            }
        }
        this.runs = runs;
        this.betas = betas.clone();
        this.seed = seed;
    }

    /**
     * Returns the paper's schedule: 500 equal steps from 0 to 0.5, 4,000 from 0.5 to 0.9 and 10,000 from 0.9 to 1
     * (14,501 values).
     *
     * @return A new array of betas.
     */
    public static double[] defaultSchedule() {
        return schedule(500, 4000, 10000);
    }

    /**
     * Returns a three-stage schedule: n1 equal steps on [0, 0.5], n2 on [0.5, 0.9], n3 on [0.9, 1].
     *
     * @param n1 Steps of the first stage, &gt;= 1.
     * @param n2 Steps of the second stage, &gt;= 1.
     * @param n3 Steps of the third stage, &gt;= 1.
     * @return A new array of n1 + n2 + n3 + 1 betas.
     */
    public static double[] schedule(int n1, int n2, int n3) {
        if (n1 < 1 || n2 < 1 || n3 < 1) {
            throw new IllegalArgumentException("stage lengths must be >= 1, found " + n1 + ", " + n2 + ", " + n3);
        }
        double[] b = new double[n1 + n2 + n3 + 1];
        int i = 0;
        for (int s = 0; s < n1; s++) {
            b[i++] = 0.5 * s / n1;
        }
        for (int s = 0; s < n2; s++) {
            b[i++] = 0.5 + 0.4 * s / n2;
        }
        for (int s = 0; s < n3; s++) {
            b[i++] = 0.9 + 0.1 * s / n3;
        }
        b[i] = 1.0;
        return b;
    }

    /**
     * Returns a linear schedule of equal steps from 0 to 1.
     *
     * @param steps The number of steps K, &gt;= 1.
     * @return A new array of K + 1 betas.
     */
    public static double[] linearSchedule(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, found " + steps);
        }
        double[] b = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            b[i] = (double) i / steps;
        }
        b[steps] = 1.0;
        return b;
    }

    /**
     * Returns the number of parallel runs.
     *
     * @return M.
     */
    public int runs() {
        return runs;
    }

    /**
     * Returns a copy of the schedule.
     *
     * @return The betas.
     */
    public double[] betas() {
        return betas.clone();
    }

    /**
     * Estimates log Z of an RBM.
     *
     * @param rbm The model. Not modified.
     * @param baseRateData Data whose pixel means define the base-rate model, [n, nv], or null for b<sub>A</sub> =
     *     0. Not modified.
     * @return The estimate with its interval and the log weights.
     */
    public Estimate estimate(BernoulliRbm rbm, INDArray baseRateData) {
        NativeConfig.apply();
        RbmParams p = rbm.params;
        int nv = p.nv;
        int nh = p.nh;
        INDArray bA = baseRateData == null ? Nd4j.zeros(DataType.FLOAT, nv)
                : RbmOps.logOddsOfMeans(baseRateData, nv, BernoulliRbm.MARGINAL_CLIP);
        double logZA = nh * Math.log(2);
        for (double x : bA.toDoubleVector()) {
            logZA += RbmOps.softplus(x);
        }
        INDArray diffB = p.b.sub(bA);
        INDArray biasK = Nd4j.create(DataType.FLOAT, nv);
        INDArray v = Nd4j.create(DataType.FLOAT, new long[] {runs, nv}, 'c');
        INDArray x = Nd4j.create(DataType.FLOAT, new long[] {runs, nh}, 'c');
        INDArray t = Nd4j.create(DataType.FLOAT, new long[] {runs, nh}, 'c');
        INDArray xd = Nd4j.create(DataType.DOUBLE, new long[] {runs, nh}, 'c');
        INDArray td = Nd4j.create(DataType.DOUBLE, new long[] {runs, nh}, 'c');
        INDArray ud = Nd4j.create(DataType.DOUBLE, new long[] {runs, nh}, 'c');
        INDArray incD = Nd4j.create(DataType.DOUBLE, runs);
        DoublePointer pIncD = new DoublePointer(incD.data().addressPointer());
        double[] incH = new double[runs];
        INDArray h = Nd4j.create(DataType.FLOAT, new long[] {runs, nh}, 'c');
        INDArray onesR = Nd4j.ones(DataType.FLOAT, runs);
        INDArray incr = Nd4j.create(DataType.FLOAT, runs);
        FloatPointer pV = BlasOps.pointer(v);
        FloatPointer pX = BlasOps.pointer(x);
        FloatPointer pH = BlasOps.pointer(h);
        FloatPointer pW = BlasOps.pointer(p.w);
        FloatPointer pC = BlasOps.pointer(p.c);
        FloatPointer pB = BlasOps.pointer(p.b);
        FloatPointer pOnesR = BlasOps.pointer(onesR);
        FloatPointer pBiasK = BlasOps.pointer(biasK);
        FloatPointer pDiffB = BlasOps.pointer(diffB);
        FloatPointer pIncr = BlasOps.pointer(incr);
        float[] inc = new float[runs];
        double[] logW = new double[runs];
        Random rng = RbmOps.newRandom(seed);
        try {
            // v_1 ~ base model: independent Bernoulli(sigmoid(b_A)).
            v.assign(bA.reshape(1, nv).broadcast(runs, nv));
            RbmOps.bernoulli(RbmOps.sigmoidInPlace(v), v, rng);
            for (int k = 1; k < betas.length; k++) {
                NativeMemory.collectIfDue();
                double bPrev = betas[k - 1];
                double bK = betas[k];
                double delta = bK - bPrev;
                // x = v W + c
                BlasOps.sgemm(false, false, runs, nh, 1, 1f, pOnesR, 1, pC, nh, 0f, pX, nh);
                BlasOps.sgemm(false, false, runs, nh, nv, 1f, pV, nv, pW, nh, 1f, pX, nh);
                // visible part: delta (b - b_A).v
                BlasOps.sgemv(false, runs, nv, (float) delta, pV, nv, pDiffB, 0f, pIncr);
                pIncr.get(inc);
                // hidden part, in float64: sum_j softplus(beta_k x_j) - softplus(beta_{k-1} x_j)
                xd.assign(x);
                Nd4j.getExecutioner().exec(new ScalarMultiplication(xd, null, td, bK));
                Nd4j.getExecutioner().exec(new SoftPlus(td, td));
                Nd4j.getExecutioner().exec(new ScalarMultiplication(xd, null, ud, bPrev));
                Nd4j.getExecutioner().exec(new SoftPlus(ud, ud));
                td.subi(ud).sum(incD, 1);
                pIncD.get(incH);
                for (int m = 0; m < runs; m++) {
                    logW[m] += inc[m] + incH[m];
                }
                if (k < betas.length - 1) {
                    // h ~ sigmoid(beta_k x); v ~ sigmoid((1 - beta_k) b_A + beta_k (b + h W^T))
                    t.assign(x).muli(bK);
                    RbmOps.bernoulli(RbmOps.sigmoidInPlace(t), h, rng);
                    biasK.assign(bA).muli(1 - bK);
                    BlasOps.saxpy(nv, (float) bK, pB, pBiasK);
                    BlasOps.sgemm(false, false, runs, nv, 1, 1f, pOnesR, 1, pBiasK, nv, 0f, pV, nv);
                    BlasOps.sgemm(false, true, runs, nv, nh, (float) bK, pH, nh, pW, nh, 1f, pV, nv);
                    RbmOps.bernoulli(RbmOps.sigmoidInPlace(v), v, rng);
                }
            }
        } finally {
            RbmOps.close(rng);
            // The pointers above do not own memory; keep every buffer alive until the last native call is done.
            RbmOps.keepAlive(v, x, t, h, xd, td, ud, incD, incr, onesR, biasK, diffB, p.w, p.b, p.c);
        }
        for (int m = 0; m < runs; m++) {
            if (!Double.isFinite(logW[m])) {
                throw new IllegalStateException("AIS run " + m + " has log weight " + logW[m] + ": a hidden unit's"
                        + " input overflowed exp in float64 (|c + v W| > 700); the model's weights are unusable");
            }
        }
        return summarize(logW, logZA);
    }

    static Estimate summarize(double[] logW, double logZA) {
        int m = logW.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : logW) {
            max = Math.max(max, x);
        }
        double mean = 0;
        for (double x : logW) {
            mean += Math.exp(x - max);
        }
        mean /= m;
        double var = 0;
        for (double x : logW) {
            double d = Math.exp(x - max) - mean;
            var += d * d;
        }
        double se = Math.sqrt(var / (m - 1)) / Math.sqrt(m);
        double logZ = logZA + max + Math.log(mean);
        double upper = logZA + max + Math.log(mean + 3 * se);
        double lower = mean - 3 * se > 0 ? logZA + max + Math.log(mean - 3 * se) : Double.NEGATIVE_INFINITY;
        return new Estimate(logZ, lower, upper, logW.clone(), logZA);
    }

    /**
     * Returns the average log-likelihood of data under the model given log Z: the mean over rows of -F(v) - log Z.
     *
     * @param rbm The model. Not modified.
     * @param data Rows of visible states, [n, nv], n &gt; 0. Not modified.
     * @param logZ The log partition function (exact or estimated).
     * @return The mean log-likelihood per row, in nats.
     */
    public static double averageLogLikelihood(BernoulliRbm rbm, INDArray data, double logZ) {
        INDArray d = RbmOps.rows(data, rbm.visibleSize(), "data");
        if (d.rows() == 0) {
            throw new IllegalArgumentException("data must have at least one row, found 0");
        }
        return -rbm.freeEnergy(d).meanNumber().doubleValue() - logZ;
    }
}
