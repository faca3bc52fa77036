package org.ebmjava.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LivePlotTest {
    @AfterEach
    void uninstall() {
        Notebook.install(null);
    }

    @Test
    void redrawsAreThrottledAndCloseForcesTheLastOne() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        StdStreams.FakeClock clock = new StdStreams.FakeClock();
        LivePlot plot = LivePlot.start("loss", "step", "loss", clock);
        assertEquals(1, sink.count("show"), "an empty chart is shown at start");
        for (int i = 0; i < 10; i++) {
            clock.advanceMillis(40);
            plot.add("train", i, 1.0 / (i + 1));
        }
        assertEquals(0, sink.count("replace"), "400 ms: no redraw yet");
        clock.advanceMillis(100);
        plot.add("train", 10, 0.09);
        assertEquals(1, sink.count("replace"));
        plot.add("test", 10, 0.1);
        assertEquals(1, sink.count("replace"));
        plot.close();
        assertEquals(2, sink.count("replace"));
        BufferedImage last = (BufferedImage) sink.last().value;
        assertEquals(640, last.getWidth());
        assertEquals(400, last.getHeight());
        plot.close();
        assertEquals(2, sink.count("replace"), "closing twice draws once");
    }

    @Test
    void outsideAKernelCloseShowsTheChartOnce() {
        StdStreams s = StdStreams.capture(() -> {
            LivePlot plot = LivePlot.start("loss", "step", "loss", new StdStreams.FakeClock()).size(300, 200);
            plot.add("train", 0, 1);
            plot.refresh();
            plot.close();
        });
        assertEquals("[image 300x200]" + System.lineSeparator(), s.out);
    }

    @Test
    void imageShowsTheData() {
        LivePlot plot = LivePlot.start("t", "x", "y", new StdStreams.FakeClock()).logY();
        for (int i = 1; i <= 20; i++) {
            plot.add("a", i, Math.exp(-i));
        }
        BufferedImage img = plot.image();
        int blue = 0x1F77B4;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == blue ? 1 : 0;
            }
        }
        assertTrue(n > 50, "the series line is drawn");
    }
}
