package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The fragment's structure; its behaviour in a real browser is checked by notebooks/tools/browser_test.py. */
class ExplorableTest {
    private static final Pattern IMG = Pattern.compile("<img data-frame=\"(\\d+)\" alt=\"([^\"]*)\" data-note=\"([^\"]*)\""
        + " src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"( style=\"display:none\")?>");

    private static BufferedImage solid(int rgb) {
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    @Test
    void everyFrameIsAnImageInOrderAndOnlyTheInitialOneIsShown() throws IOException {
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff};
        Explorable fig = Explorable.slider("temperature T").title("Three colours");
        for (int i = 0; i < colours.length; i++) {
            fig.frame("T = " + i, solid(colours[i]), "note " + i);
        }
        String html = fig.initial(1).html();
        Matcher m = IMG.matcher(html);
        List<Integer> hidden = new ArrayList<>();
        int n = 0;
        while (m.find()) {
            assertEquals(n, Integer.parseInt(m.group(1)));
            assertEquals("T = " + n, m.group(2));
            assertEquals("note " + n, m.group(3));
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(4))));
            assertEquals(colours[n], back.getRGB(3, 2) & 0xffffff, "frame " + n + " pixels");
            if (m.group(5) != null) {
                hidden.add(n);
            }
            n++;
        }
        assertEquals(3, n);
        assertEquals(List.of(0, 2), hidden);
        assertTrue(html.contains("type=\"range\" min=\"0\" max=\"2\" step=\"1\" value=\"1\""), html);
        assertTrue(html.contains("data-current=\"1\""));
        assertTrue(html.contains("<b class=\"ebm-explorable-value\">T = 1</b>"));
        assertTrue(html.contains("<div class=\"ebm-explorable-note\" style=\"min-height:1.2em\">note 1</div>"));
        assertTrue(html.contains("Three colours"));
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("src=\"/"),
            "the figure must not load anything from outside");
    }

    @Test
    void idsAreUniqueAndTheScriptFindsItsOwnRoot() {
        Explorable fig = Explorable.buttons("schedule").frame("a", solid(0)).frame("b", solid(0xffffff));
        String one = fig.html();
        String two = fig.html();
        Matcher a = Pattern.compile("id=\"(ebm-explorable-[0-9a-z]+-\\d+)\"").matcher(one);
        Matcher b = Pattern.compile("id=\"(ebm-explorable-[0-9a-z]+-\\d+)\"").matcher(two);
        assertTrue(a.find() && b.find());
        assertNotEquals(a.group(1), b.group(1));
        assertTrue(one.contains("document.getElementById('" + a.group(1) + "')"));
        assertEquals(2, one.split("<button type=\"button\" data-frame=").length - 1);
        assertTrue(one.contains("data-frame=\"0\" disabled aria-pressed=\"true\""));
    }

    @Test
    void labelsAreEscaped() {
        String html = Explorable.slider("x<y").frame("<script>alert(1)</script>", solid(0), "a \"quote\"").html();
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("a &quot;quote&quot;"));
        assertTrue(html.contains("x&lt;y"));
    }

    @Test
    void badInputIsNamed() {
        IllegalStateException empty = assertThrows(IllegalStateException.class, () -> Explorable.slider("T").html());
        assertTrue(empty.getMessage().contains("at least one frame"));
        IllegalStateException range = assertThrows(IllegalStateException.class,
            () -> Explorable.slider("T").frame("a", solid(0)).initial(3).html());
        assertTrue(range.getMessage().contains("0..0") && range.getMessage().contains("found 3"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Explorable.slider("T").frame("a", null));
    }
}
