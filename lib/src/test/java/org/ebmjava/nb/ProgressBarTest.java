package org.ebmjava.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @AfterEach
    void uninstall() {
        Notebook.install(null);
    }

    @Test
    void updatesAreThrottledAndTheFinalStateIsAlwaysSent() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        StdStreams.FakeClock clock = new StdStreams.FakeClock();
        ProgressBar bar = ProgressBar.start("train", 1000, clock);
        for (int i = 0; i < 1000; i++) {
            clock.advanceMillis(1);
            bar.step("loss " + i);
        }
        bar.close();
        // 1000 ms of steps, at most one update per 250 ms: at 250, 500, 750 and 1000 ms.
        assertEquals(1, sink.count("show"));
        assertEquals(4 + 1, sink.count("replace"));
        String last = (String) sink.last().value;
        assertTrue(last.contains("train: done in 1.0 s"), last);
        assertEquals("text/html", sink.last().mime);
    }

    @Test
    void noUpdateBeforeTheIntervalHasPassed() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        StdStreams.FakeClock clock = new StdStreams.FakeClock();
        ProgressBar bar = ProgressBar.start("x", 10, clock);
        clock.advanceMillis(249);
        bar.step();
        assertEquals(0, sink.count("replace"));
        clock.advanceMillis(1);
        bar.step();
        assertEquals(1, sink.count("replace"));
        String html = (String) sink.last().value;
        assertTrue(html.contains("20%") && html.contains("2/10"), html);
    }

    @Test
    void closeIsIdempotent() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        ProgressBar bar = ProgressBar.start("x", 1, new StdStreams.FakeClock());
        bar.close();
        bar.close();
        bar.step();
        assertEquals(1, sink.count("replace"));
    }

    @Test
    void outsideAKernelOnlyTheFinalLineIsPrinted() {
        StdStreams.FakeClock clock = new StdStreams.FakeClock();
        StdStreams s = StdStreams.capture(() -> {
            try (ProgressBar bar = ProgressBar.start("sampling", 3, clock)) {
                for (int i = 0; i < 3; i++) {
                    clock.advanceMillis(1100);
                    bar.step();
                }
            }
        });
        assertEquals("sampling: done in 3.3 s" + System.lineSeparator(), s.out);
    }

    @Test
    void finalLineReportsUnfinishedStepsAndInfo() {
        StdStreams.FakeClock clock = new StdStreams.FakeClock();
        StdStreams s = StdStreams.capture(() -> {
            ProgressBar bar = ProgressBar.start("fit", 10, clock);
            bar.set(4, "loss 0.5");
            bar.close();
        });
        assertEquals("fit: done in 0.0 s (4/10 steps), loss 0.5", s.out.strip());
    }

    @Test
    void labelAndInfoAreEscaped() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        StdStreams.FakeClock clock = new StdStreams.FakeClock();
        ProgressBar bar = ProgressBar.start("<x>", 2, clock);
        clock.advanceMillis(300);
        bar.step("a<b");
        String html = (String) sink.last().value;
        assertTrue(html.contains("&lt;x&gt;") && html.contains("a&lt;b") && !html.contains("<x>"), html);
    }

    @Test
    void durationsAreReadable() {
        assertEquals("3.2 s", ProgressBar.duration(3.2));
        assertEquals("1 min 05 s", ProgressBar.duration(65));
        assertEquals("1 h 02 min", ProgressBar.duration(3720));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.start("x", -1));
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.start(null, 1));
        ProgressBar bar = ProgressBar.start("x", 1, new StdStreams.FakeClock());
        assertThrows(IllegalArgumentException.class, () -> bar.set(-1, null));
    }
}
