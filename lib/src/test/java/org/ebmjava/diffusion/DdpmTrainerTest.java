package org.ebmjava.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DdpmTrainerTest {

    @Test
    void trainedNetworkApproachesTheBayesOptimalNoisePrediction() {
        // Gaussian data N(m, diag(s^2)): the oracle E[eps | x_t] is linear and its loss is the irreducible floor.
        double[] mean = {1.0, -0.5};
        double[] std = {0.5, 1.5};
        VarianceSchedule schedule = VarianceSchedule.linear(50);
        GaussianDiffusion process = new GaussianDiffusion(schedule, 2);
        ExactNoisePredictor oracle = ExactNoisePredictor.gaussian(schedule, mean, std);
        SplittableRandom rng = new SplittableRandom(1);
        int n = 2000;
        float[] data = new float[2 * n];
        for (int i = 0; i < n; i++) {
            data[2 * i] = (float) (mean[0] + std[0] * rng.nextGaussian());
            data[2 * i + 1] = (float) (mean[1] + std[1] * rng.nextGaussian());
        }
        MlpNoisePredictor model = MlpNoisePredictor.create(2, 32, 2, 8, 50, 2);
        DdpmTrainer.EvaluationSet eval = DdpmTrainer.evaluationSet(process, data, n, new SplittableRandom(3));
        double floor = eval.loss(oracle);
        double before = eval.loss(model);
        DdpmTrainer trainer = new DdpmTrainer(process, model, data, n, 128, 3e-3, 10.0, 4);
        trainer.train(600);
        double after = eval.loss(model);
        assertEquals(600, trainer.iterations());
        assertTrue(floor < after, "no predictor beats the Bayes-optimal one: " + after + " vs " + floor);
        assertTrue(after - floor < 0.1 * (before - floor), String.format(
                "excess loss should shrink by 10x: before %.4f, after %.4f, floor %.4f", before, after, floor));
    }

    @Test
    void noiseLossOfTheOracleMatchesItsDefinition() {
        VarianceSchedule schedule = VarianceSchedule.linear(30);
        GaussianDiffusion process = new GaussianDiffusion(schedule, 1);
        ExactNoisePredictor oracle = ExactNoisePredictor.gaussian(schedule, new double[] {0.0}, new double[] {1.0});
        // For N(0, 1) data x_t ~ N(0, 1) and E[eps | x_t] = sqrt(1 - abar) x_t: the loss is abar_t on average.
        int n = 200_000;
        float[] x0 = new float[n];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            x0[i] = (float) rng.nextGaussian();
        }
        DdpmTrainer.EvaluationSet eval = DdpmTrainer.evaluationSet(process, x0, n, rng);
        double expected = 0;
        for (int t : eval.t()) {
            expected += schedule.alphaBar(t) / n;
        }
        assertEquals(expected, eval.loss(oracle), 0.01);
    }

    @Test
    void badArgumentsAreNamed() {
        VarianceSchedule schedule = VarianceSchedule.linear(30);
        GaussianDiffusion process = new GaussianDiffusion(schedule, 2);
        MlpNoisePredictor model = MlpNoisePredictor.create(2, 8, 1, 4, 30, 1);
        assertThrows(IllegalArgumentException.class,
                () -> new DdpmTrainer(process, MlpNoisePredictor.create(2, 8, 1, 4, 20, 1), new float[4], 2, 2, 1e-3, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new DdpmTrainer(process, model, new float[] {0, Float.NaN}, 1, 1, 1e-3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> model.predict(new float[2], 1, new int[] {0}, new float[2]));
    }
}
