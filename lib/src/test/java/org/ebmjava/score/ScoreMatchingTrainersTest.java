package org.ebmjava.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Mlp;
import org.ebmjava.neural.SinusoidalEmbedding;
import org.ebmjava.sampling.BatchScore;
import org.ebmjava.sampling.GaussianEnergy;
import org.ebmjava.sampling.GaussianMixture;
import org.ebmjava.sampling.NoiseSchedule;
import org.junit.jupiter.api.Test;

class ScoreMatchingTrainersTest {
    private static final long SEED = 20260;
    /** A correlated 2D Gaussian with known score: the target of every trainer here. */
    private static final GaussianEnergy TARGET = new GaussianEnergy(new double[] {1.0, -1.0},
            new double[][] {{1.0, 0.5}, {0.5, 2.0}});

    private static float[] data(int n, long seed) {
        return TARGET.sample(n, new SplittableRandom(seed));
    }

    /** Relative Fisher divergence E|s - s*|^2 / E|s*|^2 on fresh points from p. */
    private static double relativeError(BatchScore learned, BatchScore truth, float[] x, double sigma) {
        double fd = ScoreOps.fisherDivergence(learned, truth, x, sigma);
        float[] zero = new float[x.length];
        BatchScore none = new BatchScore() {
            public int dimension() {
                return 2;
            }

            public void score(float[] p, int n, double s, float[] out) {
                java.util.Arrays.fill(out, 0, n * 2, 0f);
            }
        };
        return fd / ScoreOps.fisherDivergence(none, truth, x, sigma);
    }

    @Test
    void denoisingFitOfAGaussianRecoversItsNoisyScore() {
        double sigma = 0.5;
        // a linear network (no hidden layer) can represent the noisy score -(Sigma + sigma^2 I)^-1 (x - mu) exactly
        Mlp net = Mlp.builder(2).output(2).seed(SEED).threads(1).build();
        var result = new DenoisingScoreMatchingTrainer(sigma, 1_000, 128, 1e-2, SEED)
                .train(net, data(4_000, 1), ScoreMatchingTrainer.StepListener.none());
        assertEquals(1_000, result.losses().length);
        GaussianEnergy noisy = TARGET.convolved(sigma);
        float[] test = noisy.sample(2_000, new SplittableRandom(2));
        double toNoisy = relativeError(net.asScore(), BatchScore.of(noisy), test, 1.0);
        double toClean = relativeError(net.asScore(), BatchScore.of(TARGET), test, 1.0);
        assertTrue(toNoisy < 0.02, "relative squared error to the noisy score " + toNoisy);
        // the clean score differs from the noisy one by a relative squared distance `gap`; the fit is on the noisy side
        double gap = relativeError(BatchScore.of(noisy), BatchScore.of(TARGET), test, 1.0);
        assertTrue(toNoisy < 0.25 * gap && toClean > 0.5 * gap,
                "the fit is the noisy score, not the clean one: to noisy " + toNoisy + ", to clean " + toClean + ", gap " + gap);
    }

    @Test
    void exactScoreMatchingFitsAGaussianWithAnMlpEnergy() {
        Mlp energy = Mlp.builder(2).hidden(16, Activation.SOFTPLUS).output(1).seed(SEED).threads(1).build();
        float[] test = data(2_000, 3);
        double before = relativeError(BatchScore.of(energy.asEnergy()), BatchScore.of(TARGET), test, 1.0);
        var result = new ExactScoreMatchingTrainer(300, 64, 2e-2, SEED)
                .train(energy, data(4_000, 4), ScoreMatchingTrainer.StepListener.none());
        double after = relativeError(BatchScore.of(energy.asEnergy()), BatchScore.of(TARGET), test, 1.0);
        assertTrue(after < 0.1 && after < 0.2 * before, "relative error " + before + " -> " + after);
        assertTrue(result.finalLoss(50) < result.losses()[0], "the objective decreased");
    }

    @Test
    void slicedScoreMatchingFitsAGaussianWithAnMlpEnergy() {
        Mlp energy = Mlp.builder(2).hidden(16, Activation.SOFTPLUS).output(1).seed(SEED).threads(1).build();
        float[] test = data(2_000, 5);
        double before = relativeError(BatchScore.of(energy.asEnergy()), BatchScore.of(TARGET), test, 1.0);
        new SlicedScoreMatchingTrainer(500, 64, 2e-2, SEED)
                .train(energy, data(4_000, 6), ScoreMatchingTrainer.StepListener.none());
        double after = relativeError(BatchScore.of(energy.asEnergy()), BatchScore.of(TARGET), test, 1.0);
        assertTrue(after < 0.15 && after < 0.2 * before, "relative error " + before + " -> " + after);
    }

    @Test
    void noiseConditionalNetworkLearnsEveryLevelOfAMixture() {
        GaussianMixture mix = new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{-1.5, 0}, {1.5, 0}},
                new double[] {0.4, 0.4});
        NoiseSchedule schedule = NoiseSchedule.geometric(2.0, 0.2, 3);
        Mlp net = Mlp.builder(2).embedding(SinusoidalEmbedding.ofLog(16, 100)).hidden(32, Activation.SWISH)
                .hidden(32, Activation.SWISH).output(2).seed(SEED).threads(1).build();
        var trainer = new NoiseConditionalTrainer(schedule, 1_000, 128, 1e-2, SEED);
        trainer.train(net, mix.sample(4_000, new SplittableRandom(7)), ScoreMatchingTrainer.StepListener.none());
        for (int l = 0; l < schedule.size(); l++) {
            double sigma = schedule.sigma(l);
            float[] test = mix.convolved(sigma).sample(1_000, new SplittableRandom(8 + l));
            double err = relativeError(trainer.score(net), mix.noisyScore(), test, sigma);
            assertTrue(err < 0.15, "level sigma = " + sigma + ": relative error " + err);
        }
    }

    @Test
    void theScaledParameterisationDividesTheOutputBySigma() {
        Mlp net = Mlp.builder(2).embedding(SinusoidalEmbedding.ofLog(8, 100)).hidden(8, Activation.TANH).output(2)
                .seed(SEED).threads(1).build();
        NoiseSchedule schedule = NoiseSchedule.geometric(1.0, 0.1, 3);
        float[] x = {0.3f, -0.2f, 1.5f, 0.7f};
        float[] raw = new float[4];
        float[] scaled = new float[4];
        float[] direct = new float[4];
        net.asScore().score(x, 2, 0.25, raw);
        new NoiseConditionalTrainer(schedule, 1, 8, 1e-3, 1).score(net).score(x, 2, 0.25, scaled);
        new NoiseConditionalTrainer(schedule, false, 1, 8, 1e-3, Double.POSITIVE_INFINITY, 1).score(net)
                .score(x, 2, 0.25, direct);
        for (int k = 0; k < 4; k++) {
            assertEquals(raw[k] / 0.25, scaled[k], 1e-5 * Math.abs(raw[k] / 0.25) + 1e-6);
            assertEquals(raw[k], direct[k], 0.0);
        }
    }

    @Test
    void sameSeedSameModel() {
        float[] x = data(500, 9);
        Mlp a = Mlp.builder(2).hidden(8, Activation.TANH).output(2).seed(SEED).threads(1).build();
        Mlp b = Mlp.builder(2).hidden(8, Activation.TANH).output(2).seed(SEED).threads(1).build();
        var ra = new DenoisingScoreMatchingTrainer(0.3, 50, 32, 1e-3, 5).train(a, x, ScoreMatchingTrainer.StepListener.none());
        var rb = new DenoisingScoreMatchingTrainer(0.3, 50, 32, 1e-3, 5).train(b, x, ScoreMatchingTrainer.StepListener.none());
        assertEquals(java.util.Arrays.toString(ra.losses()), java.util.Arrays.toString(rb.losses()));
        assertEquals(java.util.Arrays.toString(a.parameters()), java.util.Arrays.toString(b.parameters()));
    }

    @Test
    void rejectsMismatchedModelsAndBadArguments() {
        Mlp energy = Mlp.builder(2).hidden(8, Activation.SOFTPLUS).output(1).seed(SEED).build();
        Mlp score = Mlp.builder(2).hidden(8, Activation.SOFTPLUS).output(2).seed(SEED).build();
        float[] x = data(100, 10);
        var none = ScoreMatchingTrainer.StepListener.none();
        assertThrows(IllegalArgumentException.class, () -> new DenoisingScoreMatchingTrainer(0.1, 10, 8, 1e-3, 1).train(energy, x, none));
        assertThrows(IllegalArgumentException.class, () -> new ExactScoreMatchingTrainer(10, 8, 1e-3, 1).train(score, x, none));
        assertThrows(IllegalArgumentException.class, () -> new SlicedScoreMatchingTrainer(10, 8, 1e-3, 1).train(score, x, none));
        assertThrows(IllegalArgumentException.class, () -> new DenoisingScoreMatchingTrainer(0.0, 10, 8, 1e-3, 1));
        assertThrows(IllegalArgumentException.class, () -> new DenoisingScoreMatchingTrainer(-1, 10, 8, 1e-3, 1));
        assertThrows(IllegalArgumentException.class, () -> new ExactScoreMatchingTrainer(0, 8, 1e-3, 1));
        assertThrows(IllegalArgumentException.class, () -> new ExactScoreMatchingTrainer(10, 8, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new NoiseConditionalTrainer(null, 10, 8, 1e-3, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new DenoisingScoreMatchingTrainer(0.1, 10, 8, 1e-3, 1).train(score, new float[] {1f, Float.NaN}, none));
        assertThrows(IllegalArgumentException.class,
                () -> new DenoisingScoreMatchingTrainer(0.1, 10, 8, 1e-3, 1).train(score, new float[3], none));
    }

    @Test
    void aNonFiniteLossStopsTrainingNamingTheStep() {
        Mlp score = Mlp.builder(2).hidden(16, Activation.RELU).output(2).seed(SEED).build();
        float[] x = new float[400];
        for (int k = 0; k < x.length; k++) {
            x[k] = k % 2 == 0 ? 3e38f : -3e38f;              // finite data whose activations overflow float
        }
        var e = assertThrows(IllegalStateException.class, () -> new DenoisingScoreMatchingTrainer(0.1, 100, 16, 1e-3, 1)
                .train(score, x, ScoreMatchingTrainer.StepListener.none()));
        assertTrue(e.getMessage().contains("step 1:"), e.getMessage());
    }
}
