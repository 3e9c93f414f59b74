package io.defectstudio.training.datasets.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Encodes binary masks as 8-bit grey PNG. The JDK's PNG writer adds no time chunk and, with a fixed compression
 * setting, gives the same bytes for the same pixels, which keeps exports byte-identical.
 */
public final class PngMasks {
    private PngMasks() {
    }

    public static byte[] encode(BufferedImage mask) throws IOException {
        BufferedImage binary = MaskImages.binarise(mask);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.0f);
            writer.write(null, new IIOImage(binary, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
