package io.defectstudio.training.datasets.voc;

import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.export.ClassIndex;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.ImageGroup;
import io.defectstudio.training.datasets.export.LayoutWriter;
import io.defectstudio.training.datasets.export.ManifestEntry;

import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.training.datasets.io.ImageFiles;
import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;

import java.util.List;

import javax.imageio.ImageIO;

/**
 * Pascal VOC semantic segmentation, as CVAT exports it ("Segmentation mask"):
 * <pre>
 * labelmap.txt                         name:r,g,b:: per class, background first
 * JPEGImages/&lt;name&gt;.&lt;ext&gt;            each distinct image once (original bytes)
 * SegmentationClass/&lt;stem&gt;.png        8-bit palette PNG: the index of a pixel is its class (0 background)
 * ImageSets/Segmentation/default.txt   the stems, one per line
 * checked/&lt;stem&gt;.txt                  the class indices each image was checked for (an extension)
 * </pre>
 * Classes are numbered 1..N in name order and drawn in the VOC colour map. One pixel holds one class: where two
 * classes' masks overlap on an image the later class (in name order) keeps the pixel.
 */
public final class VocWriter implements LayoutWriter {
    static final String LABELMAP = "labelmap.txt";
    static final String IMAGES = "JPEGImages/";
    static final String MASKS = "SegmentationClass/";
    static final String CHECKED = "checked/";
    static final String LIST = "ImageSets/Segmentation/default.txt";

    @Override
    public List<ManifestEntry> write(List<ExportEntry> entries, ClassIndex classes, ExportSink sink,
                                     ProgressListener progress) throws IOException {
        List<ManifestEntry> out = new ArrayList<>();
        StringBuilder stems = new StringBuilder();
        int done = 0;
        for (ImageGroup group : ImageGroup.of(entries)) {
            String name = group.fileName();
            String stem = ImageFiles.stem(name);
            String imagePath = IMAGES + name;
            String maskPath = MASKS + stem + ".png";
            sink.copy(imagePath, group.first().item().imageFile());
            BufferedImage indexed = null;
            StringBuilder checked = new StringBuilder();
            for (ExportEntry e : group.byClass()) {
                BufferedImage mask = e.item().mask().load();
                if (indexed == null) {
                    indexed = new BufferedImage(mask.getWidth(), mask.getHeight(), BufferedImage.TYPE_BYTE_INDEXED,
                            VocPalette.colorModel());
                }
                WritableRaster raster = indexed.getRaster();
                boolean[] defects = MaskImages.defects(mask);
                for (int p = 0; p < defects.length; p++) {
                    if (defects[p]) {
                        raster.setSample(p % mask.getWidth(), p / mask.getWidth(), 0, e.classIndex());
                    }
                }
                checked.append(e.classIndex()).append('\n');
                out.add(new ManifestEntry(e, imagePath, maskPath, MaskImages.isEmpty(mask), List.of()));
                progress.progress(++done, entries.size(), "exported " + imagePath);
            }
            sink.write(maskPath, png(indexed));
            sink.write(CHECKED + stem + ".txt", checked.toString().getBytes(StandardCharsets.UTF_8));
            stems.append(stem).append('\n');
        }
        sink.write(LABELMAP, labelmap(classes).getBytes(StandardCharsets.UTF_8));
        sink.write(LIST, stems.toString().getBytes(StandardCharsets.UTF_8));
        out.sort(Comparator.comparing((ManifestEntry m) -> m.entry().item().className())
                .thenComparing(ManifestEntry::imagePath));
        return out;
    }

    private static String labelmap(ClassIndex classes) {
        StringBuilder b = new StringBuilder("# label:color_rgb:parts:actions\nbackground:0,0,0::\n");
        for (String name : classes.names()) {
            int c = VocPalette.rgb(classes.indexOf(name));
            b.append(name).append(':').append(c >> 16).append(',').append((c >> 8) & 0xff).append(',')
                    .append(c & 0xff).append("::\n");
        }
        return b.toString();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
