package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReliabilityDiagramTest {

    // Hand-computed, B = 2: bin 0 = (0, 0.5] holds {0.3 wrong}: acc 0, conf 0.3, gap 0.3, weight 1/5;
    // bin 1 = (0.5, 1] holds {0.95 right, 0.85 wrong, 0.75 right, 0.65 right}: acc 0.75, conf 0.8, gap 0.05,
    // weight 4/5. ECE = 0.3/5 + 0.05*4/5 = 0.06 + 0.04 = 0.1.
    private static final float[] PROBS = {
        0.95f, 0.05f, 0f, 0f, // predicts 0, label 0: right
        0.15f, 0.85f, 0f, 0f, // predicts 1, label 0: wrong
        0.25f, 0.75f, 0f, 0f, // predicts 1, label 1: right
        0.65f, 0.35f, 0f, 0f, // predicts 0, label 0: right
        0.3f, 0.3f, 0.2f, 0.2f // tie: predicts 0 (first), label 1: wrong
    };
    private static final int[] LABELS = {0, 0, 1, 0, 1};

    @Test
    void handComputedTwoBins() {
        ReliabilityDiagram d = ReliabilityDiagram.of(PROBS, 4, LABELS, 2);
        assertEquals(0.1, d.expectedCalibrationError(), 1e-6);
        assertArrayEquals(new int[] {1, 4}, d.counts());
        assertArrayEquals(new double[] {0.0, 0.75}, d.binAccuracy(), 1e-12);
        assertArrayEquals(new double[] {0.3, 0.8}, d.binConfidence(), 1e-6);
        assertArrayEquals(new double[] {0.25, 0.75}, d.binCenters(), 0);
        assertEquals(0.6, d.accuracy(), 1e-12);
        ReliabilityDiagram same = ReliabilityDiagram.of(new double[] {0.95, 0.85, 0.75, 0.65, 0.3},
                new boolean[] {true, false, true, true, false}, 2);
        assertEquals(0.1, same.expectedCalibrationError(), 1e-12);
    }

    @Test
    void handComputedTenBinsWithEmptyBinsAndEdges() {
        // B = 10: 0.3 lies on an edge and belongs to (0.2, 0.3], bin 2; 1.0 to bin 9; 0.0 to bin 0.
        double[] conf = {0.3, 0.3, 1.0, 0.0, 0.55};
        boolean[] ok = {true, false, true, false, true};
        ReliabilityDiagram d = ReliabilityDiagram.of(conf, ok, 10);
        assertArrayEquals(new int[] {1, 0, 2, 0, 0, 1, 0, 0, 0, 1}, d.counts());
        // gaps: bin0 |0-0| = 0; bin2 |0.5-0.3| = 0.2 (weight 2/5); bin5 |1-0.55| = 0.45; bin9 |1-1| = 0
        assertEquals(0.2 * 2 / 5 + 0.45 / 5, d.expectedCalibrationError(), 1e-12);
        assertTrue(Double.isNaN(d.binAccuracy()[1]) && Double.isNaN(d.binConfidence()[1]));
    }

    @Test
    void calibratedIsZeroAndConfidentWrongIsOne() {
        ReliabilityDiagram calibrated = ReliabilityDiagram.of(new double[] {0.75, 0.75, 0.75, 0.75},
                new boolean[] {true, true, true, false}, 15);
        assertEquals(0.0, calibrated.expectedCalibrationError(), 1e-15);
        ReliabilityDiagram worst = ReliabilityDiagram.of(new double[] {1, 1}, new boolean[] {false, false}, 15);
        assertEquals(1.0, worst.expectedCalibrationError(), 0);
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> ReliabilityDiagram.of(PROBS, 4, new int[] {0, 0, 1, 0}, 2), "labels", "found 4");
        assertMessage(() -> ReliabilityDiagram.of(PROBS, 4, new int[] {0, 0, 1, 0, 4}, 2), "labels[4]", "4");
        assertMessage(() -> ReliabilityDiagram.of(PROBS, 3, LABELS, 2), "probabilities", "multiple of classes = 3");
        assertMessage(() -> ReliabilityDiagram.of(PROBS, 4, LABELS, 0), "bins", "0");
        assertMessage(() -> ReliabilityDiagram.of(new float[] {2f, -1f}, 2, new int[] {0}, 2), "probabilities",
                "softmax");
        assertMessage(() -> ReliabilityDiagram.of(new float[] {0.5f, 0.6f}, 2, new int[] {0}, 2), "row 0", "sum");
        assertMessage(() -> ReliabilityDiagram.of(new double[] {0.5}, new boolean[] {true, false}, 2), "correct",
                "found 2");
        assertMessage(() -> ReliabilityDiagram.of(new double[0], new boolean[0], 2), "confidences", "empty");
        assertMessage(() -> ReliabilityDiagram.of(new double[] {Double.NaN}, new boolean[] {true}, 2),
                "confidences[0]", "NaN");
    }
}
