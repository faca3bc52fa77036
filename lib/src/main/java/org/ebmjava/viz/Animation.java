package org.ebmjava.viz;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Animated GIFs from a list of frames (javax.imageio only), e.g. Langevin samples as they
 * sharpen or an Ising lattice as it orders.
 *
 * <p>Frames are drawn onto white RGB images first; the GIF writer then reduces each to an
 * indexed palette of at most 256 colours of its own. The GIF format counts delays in hundredths
 * of a second, so the delay is rounded to a multiple of 10 ms.
 */
public final class Animation {
    static {
        Headless.ensure();
    }

    private static final String GIF_FORMAT = "javax_imageio_gif_image_1.0";

    private Animation() {}

    /**
     * Encodes frames as an animated GIF.
     *
     * @param frames The frames in order, all of the same size; at least one. Not modified.
     * @param delayMillis Time each frame is shown, in milliseconds, at least 0.
     * @param loop True to repeat forever, false to play once.
     * @return The GIF file's bytes.
     * @throws IllegalArgumentException If there are no frames, a frame is null or its size differs
     *     from the first (the message names the index).
     */
    public static byte[] gif(List<BufferedImage> frames, int delayMillis, boolean loop) {
        Args.notNull(frames, "frames");
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("frames must contain at least one image, found 0");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must be at least 0, found " + delayMillis);
        }
        BufferedImage first = Args.notNull(frames.get(0), "frame 0");
        for (int i = 1; i < frames.size(); i++) {
            BufferedImage f = Args.notNull(frames.get(i), "frame " + i);
            if (f.getWidth() != first.getWidth() || f.getHeight() != first.getHeight()) {
                throw new IllegalArgumentException("frame " + i + " must be " + first.getWidth() + " x "
                        + first.getHeight() + " like frame 0, found " + f.getWidth() + " x " + f.getHeight());
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage rgb = toRgb(frames.get(i));
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
                configure(meta, delayMillis, loop && i == 0);
                writer.writeToSequence(new IIOImage(rgb, null, meta), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Encodes frames as a looping GIF inside an HTML img tag, for display as text/html.
     *
     * @param frames The frames in order, all of the same size; at least one. Not modified.
     * @param delayMillis Time each frame is shown, in milliseconds, at least 0.
     * @return {@code <img src="data:image/gif;base64,..." alt="animation">}.
     */
    public static String html(List<BufferedImage> frames, int delayMillis) {
        return "<img src=\"data:image/gif;base64," + Base64.getEncoder().encodeToString(gif(frames, delayMillis, true))
                + "\" alt=\"animation\">";
    }

    private static BufferedImage toRgb(BufferedImage f) {
        BufferedImage rgb = new BufferedImage(f.getWidth(), f.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = PlotStyle.canvas(rgb);
        try {
            g.drawImage(f, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static void configure(IIOMetadata meta, int delayMillis, boolean loopExtension) throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.round(delayMillis / 10f)));
        gce.setAttribute("transparentColorIndex", "0");
        if (loopExtension) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(GIF_FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
