package org.ebmjava.activeinference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpectedFreeEnergyTest {

    private static final double EXACT = 1e-14;

    @Test
    void twoStateExampleMatchesHandComputation() {
        // Q(s) = (1/2, 1/2) (B = I keeps the prior). Q(o) = A Q(s) = (0.9/2 + 0.2/2, 0.1/2 + 0.8/2) = (0.55, 0.45).
        // risk      = 0.55 ln(0.55/0.8) + 0.45 ln(0.45/0.2) = 0.55 (-0.374693) + 0.45 (0.810930) = 0.158837
        // ambiguity = (H(0.9, 0.1) + H(0.2, 0.8)) / 2 = (0.325083 + 0.500402) / 2             = 0.412743
        // G         = risk + ambiguity                                                          = 0.571580
        // epistemic = H(0.55, 0.45) - ambiguity = 0.688139 - 0.412743                           = 0.275396
        // pragmatic = 0.55 ln 0.8 + 0.45 ln 0.2                                                 = -0.846976
        // check: -epistemic - pragmatic = -0.275396 + 0.846976 = 0.571580 = G.
        // (Full-precision values from the same formulas in double precision.)
        Pomdp m = TwoStateModel.create();
        ExpectedFreeEnergy.Terms t = ExpectedFreeEnergy.evaluate(m, m.initialPrior(), new int[] {0}, 1);
        assertEquals(0.15883720010457203, t.risk(), EXACT);
        assertEquals(0.41274269846481804, t.ambiguity(), EXACT);
        assertEquals(0.5715798985693901, t.g(), EXACT);
        assertEquals(0.2753961152487704, t.epistemic(), EXACT);
        assertEquals(-0.8469760138181606, t.pragmatic(), EXACT);
        assertEquals(t.g(), -t.epistemic() - t.pragmatic(), EXACT);
    }

    @Test
    void riskPlusAmbiguityEqualsMinusEpistemicMinusPragmaticOnRandomModels() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int trial = 0; trial < 20; trial++) {
            int ns = 2 + rng.nextInt(4);
            int no = 2 + rng.nextInt(4);
            double[][] a = new double[no][ns];
            for (int s = 0; s < ns; s++) {
                double sum = 0;
                for (int o = 0; o < no; o++) {
                    a[o][s] = rng.nextDouble();
                    sum += a[o][s];
                }
                for (int o = 0; o < no; o++) {
                    a[o][s] /= sum;
                }
            }
            double[][][] b = new double[1][ns][ns];
            for (int s = 0; s < ns; s++) {
                b[0][(s + 1) % ns][s] = 1.0;
            }
            double[][] c = new double[1][no];
            for (int o = 0; o < no; o++) {
                c[0][o] = 3 * rng.nextGaussian();
            }
            double[] d = new double[ns];
            d[0] = 1.0;
            List<String> sn = java.util.Collections.nCopies(ns, "s");
            Pomdp m = new Pomdp(a, b, c, d, sn, java.util.Collections.nCopies(no, "o"), List.of("shift"));
            ExpectedFreeEnergy.Terms t = ExpectedFreeEnergy.evaluate(m, d, new int[] {0, 0, 0}, 1);
            assertEquals(t.g(), -t.epistemic() - t.pragmatic(), 1e-12);
            assertTrue(t.risk() >= -1e-15 && t.ambiguity() >= 0 && t.epistemic() >= -1e-15);
        }
    }

    @Test
    void multiStepEvaluationSumsOpenLoopSteps() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        Pomdp m = maze.model();
        double[] q0 = maze.initialBelief();
        double[] q1 = m.predictStates(q0, TMaze.CUE);
        double[] q2 = m.predictStates(q1, TMaze.LEFT);
        ExpectedFreeEnergy.Terms both = ExpectedFreeEnergy.evaluate(m, q0, new int[] {TMaze.CUE, TMaze.LEFT}, 1);
        ExpectedFreeEnergy.Terms sum = ExpectedFreeEnergy.step(m, q1, 1).plus(ExpectedFreeEnergy.step(m, q2, 2));
        assertEquals(sum.g(), both.g(), EXACT);
        assertEquals(sum.epistemic(), both.epistemic(), EXACT);
        // At the cue the outcome is one of two equally likely, noise-free cues: information gain log 2.
        assertEquals(Math.log(2), ExpectedFreeEnergy.step(m, q1, 1).epistemic(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ExpectedFreeEnergy.evaluate(m, q0, new int[] {7}, 1));
    }
}
