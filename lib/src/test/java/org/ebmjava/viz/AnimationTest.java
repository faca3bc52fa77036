package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

class AnimationTest {
    private static final int[] COLOURS = {0xFF0000, 0x00FF00, 0x0000FF, 0x440154};

    private static List<BufferedImage> frames() {
        List<BufferedImage> list = new ArrayList<>();
        for (int c : COLOURS) {
            BufferedImage f = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = f.createGraphics();
            g.setColor(new Color(c));
            g.fillRect(0, 0, 20, 10);
            g.dispose();
            list.add(f);
        }
        return list;
    }

    private static ImageReader reader(byte[] gif) throws IOException {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        r.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(gif)));
        return r;
    }

    private static Node find(Node n, String name) {
        if (n.getNodeName().equals(name)) {
            return n;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Test
    void gifDecodesToTheSameFrames() throws IOException {
        byte[] gif = Animation.gif(frames(), 50, true);
        ImageReader r = reader(gif);
        assertEquals(COLOURS.length, r.getNumImages(true));
        for (int i = 0; i < COLOURS.length; i++) {
            BufferedImage f = r.read(i);
            assertEquals(20, f.getWidth());
            assertEquals(10, f.getHeight());
            assertEquals(COLOURS[i], f.getRGB(5, 5) & 0xFFFFFF, "frame " + i);
        }
    }

    @Test
    void delayIsStoredInHundredthsAndLoopingIsOptional() throws IOException {
        ImageReader looping = reader(Animation.gif(frames(), 120, true));
        IIOMetadataNode tree = (IIOMetadataNode) looping.getImageMetadata(1).getAsTree("javax_imageio_gif_image_1.0");
        assertEquals("12", ((IIOMetadataNode) find(tree, "GraphicControlExtension")).getAttribute("delayTime"));
        Node first = looping.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
        Node app = find(first, "ApplicationExtension");
        assertTrue(app != null && "NETSCAPE".equals(((IIOMetadataNode) app).getAttribute("applicationID")));
        Node once = reader(Animation.gif(frames(), 120, false)).getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
        assertNull(find(once, "ApplicationExtension"), "no loop extension when playing once");
    }

    @Test
    void htmlEmbedsTheGifAsDataUri() {
        String html = Animation.html(frames(), 100);
        String prefix = "<img src=\"data:image/gif;base64,";
        assertTrue(html.startsWith(prefix), html.substring(0, 40));
        String b64 = html.substring(prefix.length(), html.indexOf('"', prefix.length()));
        byte[] bytes = Base64.getDecoder().decode(b64);
        assertEquals("GIF89a", new String(bytes, 0, 6, StandardCharsets.US_ASCII));
    }

    @Test
    void badFramesAreRejectedWithTheirIndex() {
        assertThrows(IllegalArgumentException.class, () -> Animation.gif(List.of(), 10, true));
        assertThrows(IllegalArgumentException.class, () -> Animation.gif(frames(), -1, true));
        List<BufferedImage> mixed = frames();
        mixed.add(new BufferedImage(21, 10, BufferedImage.TYPE_INT_RGB));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Animation.gif(mixed, 10, true));
        assertTrue(e.getMessage().contains("frame 4"), e.getMessage());
    }
}
