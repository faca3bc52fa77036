package org.ebmjava.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotebookTest {
    @AfterEach
    void uninstall() {
        Notebook.install(null);
    }

    @Test
    void showRoutesToTheSinkWithDefaultMime() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        assertTrue(Notebook.inKernel());
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        String id = Notebook.show(img);
        assertEquals("sink-1", id);
        assertSame(img, sink.last().value);
        assertNull(sink.last().mime);
    }

    @Test
    void htmlAndMarkdownCarryTheirMimeTypes() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        Notebook.html("<b>x</b>");
        assertEquals("text/html", sink.last().mime);
        assertEquals("<b>x</b>", sink.last().value);
        Notebook.markdown("# Title");
        assertEquals("text/markdown", sink.last().mime);
    }

    @Test
    void updatesReplaceTheGivenOutput() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        String id = Notebook.html("<p>1</p>");
        Notebook.updateHtml(id, "<p>2</p>");
        assertEquals("replace", sink.last().kind);
        assertEquals(id, sink.last().id);
        assertEquals("text/html", sink.last().mime);
        Notebook.update(id, "plain");
        assertEquals("replace", sink.last().kind);
        assertNull(sink.last().mime);
    }

    @Test
    void withoutSinkImagesPrintTheirSizeAndHtmlLosesItsTags() {
        assertFalse(Notebook.inKernel());
        String[] ids = new String[2];
        StdStreams s = StdStreams.capture(() -> {
            ids[0] = Notebook.show(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB));
            ids[1] = Notebook.html("<p>a &lt; b</p>");
            Notebook.markdown("**bold**");
        });
        assertEquals("[image 30x20]\na < b\n**bold**\n", s.out.replace(System.lineSeparator(), "\n"));
        assertTrue(ids[0].startsWith("local-"), ids[0]);
        assertNotEquals(ids[0], ids[1]);
    }

    @Test
    void failingSinkNeverThrowsAndFallsBackToPrinting() {
        Notebook.install(new DisplaySink() {
            @Override
            public String show(Object value, String mimeType) {
                throw new IllegalStateException("kernel gone");
            }

            @Override
            public void replace(String id, Object value, String mimeType) {
                throw new IllegalStateException("kernel gone");
            }
        });
        String[] id = new String[1];
        StdStreams s = StdStreams.capture(() -> {
            id[0] = Notebook.html("<i>hi</i>");
            Notebook.updateHtml(id[0], "<i>there</i>");
        });
        assertTrue(id[0].startsWith("local-"));
        assertTrue(s.out.contains("hi") && s.out.contains("there"), s.out);
        assertEquals(1, s.err.lines().count(), "one warning, not one per call: " + s.err);
    }

    @Test
    void nullIdFromSinkIsReplacedByALocalId() {
        Notebook.install(new DisplaySink() {
            @Override
            public String show(Object value, String mimeType) {
                return null;
            }

            @Override
            public void replace(String id, Object value, String mimeType) {
            }
        });
        assertTrue(Notebook.show("x").startsWith("local-"));
    }
}
