package org.ebmjava.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KnobsTest {
    @AfterEach
    void clearOverride() {
        Knobs.overrideForTests(null);
        Knobs.overrideFullMnistForTests(null);
    }

    @Test
    void fullMnistIsOffUnlessAskedFor() {
        if (System.getenv("EBM_FULL_MNIST") == null && System.getProperty("ebm.fullMnist") == null) {
            assertFalse(Knobs.fullMnist(), "the bundled subset must be the default");
        }
        Knobs.overrideFullMnistForTests(true);
        assertTrue(Knobs.fullMnist());
        Knobs.overrideFullMnistForTests(false);
        assertFalse(Knobs.fullMnist());
    }

    @Test
    void sizeHonoursTheQuickOverride() {
        Knobs.overrideForTests(true);
        assertTrue(Knobs.quick());
        assertEquals(10, Knobs.size(1000, 10));
        assertEquals(0.5, Knobs.size(2.0, 0.5));
        assertEquals("quick", Knobs.mode());
    }

    @Test
    void sizeHonoursTheFullOverride() {
        Knobs.overrideForTests(false);
        assertFalse(Knobs.quick());
        assertEquals(1000, Knobs.size(1000, 10));
        assertEquals(2.0, Knobs.size(2.0, 0.5));
        assertEquals("full", Knobs.mode());
    }

    @Test
    void announcePrintsAndReturnsOneLine() {
        Knobs.overrideForTests(true);
        String[] ret = new String[1];
        StdStreams s = StdStreams.capture(() -> ret[0] = Knobs.announce());
        assertEquals("Quick mode (EBM_QUICK=1): smaller data and fewer steps than the full lesson;"
                + " numbers will differ from a full run.", ret[0]);
        assertEquals(ret[0] + System.lineSeparator(), s.out);
        Knobs.overrideForTests(false);
        StdStreams f = StdStreams.capture(Knobs::announce);
        assertEquals("Full mode: lesson settings." + System.lineSeparator(), f.out);
    }

    @Test
    void environmentValuesOneAndTrueSwitchQuickModeOn() {
        assertTrue(Knobs.parse("1", null));
        assertTrue(Knobs.parse(" TRUE ", null));
        assertTrue(Knobs.parse(null, "true"));
        assertTrue(Knobs.parse("0", "1"));
        assertFalse(Knobs.parse("0", null));
        assertFalse(Knobs.parse("yes", "false"));
        assertFalse(Knobs.parse(null, null));
        assertFalse(Knobs.parse("", ""));
    }
}
