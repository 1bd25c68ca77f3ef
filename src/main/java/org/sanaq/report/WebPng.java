package org.sanaq.report;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A chart as the web page inlines it: a PNG data URI about a third the size of a full-colour one. The chart is
 * drawn on an opaque background (no alpha channel) and written with a palette of its 256 commonest colours
 * ({@link #compact}); nothing is dithered.
 */
final class WebPng {
    private static final int PALETTE = 256;

    private WebPng() {
    }

    /** The image as a {@code data:image/png;base64,...} URI. */
    static String dataUri(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam smallest = writer.getDefaultWriteParam();
        smallest.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        smallest.setCompressionQuality(0f); // the strongest deflate: the page is written once and read often
        try (ImageOutputStream out = ImageIO.createImageOutputStream(png)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(compact(image), null, null), smallest);
        } finally {
            writer.dispose();
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /**
     * The image, opaque, with a palette of at most {@link #PALETTE} colours: its own colours when it has no more, else
     * its {@link #PALETTE} commonest, every other pixel (the soft edges of lines and letters, the rarer shades of a
     * heat map) taking the nearest of them. A chart's areas, lines and colour scale are among its commonest
     * colours, so they keep their exact colour.
     */
    static BufferedImage compact(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Integer> frequency = new HashMap<>();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = opaque(rgb[i]);
            frequency.merge(rgb[i], 1, Integer::sum);
        }
        int[] palette = frequency.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(PALETTE).mapToInt(Map.Entry::getKey).toArray();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < palette.length; i++) {
            index.put(palette[i], i);
        }
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        int bits = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8;
        BufferedImage indexed = new BufferedImage(w, h, bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED
                : BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(bits, palette.length, r, g, b));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int colour = rgb[y * w + x];
                indexed.getRaster().setSample(x, y, 0, index.computeIfAbsent(colour, c -> nearest(c, palette)));
            }
        }
        return indexed;
    }

    /** The index of the palette's colour nearest to the colour (by the distance of their red, green and blue). */
    static int nearest(int colour, int[] palette) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            long distance = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = (colour >> shift & 0xFF) - (palette[i] >> shift & 0xFF);
                distance += (long) d * d;
            }
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** A colour blended over white by its alpha, so the page's background shows what the PDF shows. */
    static int opaque(int argb) {
        int alpha = argb >>> 24;
        if (alpha == 0xFF) {
            return argb;
        }
        int out = 0xFF000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            int channel = argb >> shift & 0xFF;
            out |= (channel * alpha + 0xFF * (0xFF - alpha)) / 0xFF << shift;
        }
        return out;
    }
}
