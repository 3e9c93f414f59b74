package io.defectstudio.app.demo;

import io.defectstudio.inference.Masks;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.AnnotationKind;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.io.file.PathUtils;

/**
 * The embedded default: copies the demo images shipped in the resources module into a user folder and creates a
 * project there once: one class per defect folder, every image imported, and the suggested support images stored with
 * their shipped masks as support annotations, so few-shot segmentation runs on first start.
 */
public final class DemoProject {
    public static final String RESOURCE_ROOT = "/io/defectstudio/resources/demo/";
    public static final String NAME = "Magnetic tile demo";
    private static final String[] COLOURS = {"#E74C3C", "#3498DB", "#F1C40F", "#9B59B6", "#1ABC9C", "#E67E22"};

    /** One row of the shipped index.tsv. */
    public record Entry(String className, String image, String mask, String role) {
    }

    private DemoProject() {
    }

    /** True when {@code folder} already holds the demo project. */
    public static boolean isInstalled(Path folder) {
        return Files.isRegularFile(folder.resolve(Project.DATABASE_FILE));
    }

    /**
     * Creates the demo project in {@code folder} unless it is there already; returns the folder. It is built in a
     * sibling folder and moved into place at the end, so a start killed half-way leaves no half-made demo behind.
     */
    public static Path install(Path folder) {
        if (isInstalled(folder)) {
            return folder;
        }
        Path staging = folder.resolveSibling(folder.getFileName() + ".installing");
        try {
            PathUtils.delete(staging);
            build(staging);
            PathUtils.delete(folder);
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the demo project in " + folder, e);
        }
        return folder;
    }

    private static void build(Path folder) throws IOException {
        List<Entry> entries = index();
        Path source = folder.resolve("source");
        Files.createDirectories(source);
        for (Entry e : entries) {
            copy(e.image(), source);
            copy(e.mask(), source);
        }
        try (Project p = Project.create(folder, NAME)) {
            Map<String, Long> classes = new LinkedHashMap<>();
            for (Entry e : entries) {
                if (!"normal".equals(e.role()) && !classes.containsKey(e.className())) {
                    String label = e.className().replaceFirst("^MT_", "");
                    classes.put(e.className(), p.classes().create(label, COLOURS[classes.size() % COLOURS.length],
                            "Magnetic tile " + label.toLowerCase()).id());
                }
            }
            for (Entry e : entries) {
                long imageId = p.images().importFile(source.resolve(e.image())).image().id();
                if ("support".equals(e.role())) {
                    BufferedImage mask = ImageIO.read(source.resolve(e.mask()).toFile());
                    p.annotations().save(imageId, classes.get(e.className()), AnnotationKind.SUPPORT, "demo",
                            binarise(mask));
                }
            }
        }
    }

    /** The shipped masks have soft edges; labels are binary, by the {@link Masks} rule. */
    static BufferedImage binarise(BufferedImage mask) {
        BufferedImage out = new BufferedImage(mask.getWidth(), mask.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var dst = out.getRaster();
        byte[] flags = new byte[mask.getWidth()];
        int[] row = new int[mask.getWidth()];
        for (int y = 0; y < mask.getHeight(); y++) {
            Masks.readRow(mask, y, flags);
            for (int x = 0; x < row.length; x++) {
                row[x] = flags[x] != 0 ? 255 : 0;
            }
            dst.setSamples(0, y, mask.getWidth(), 1, 0, row);
        }
        return out;
    }

    public static List<Entry> index() {
        try (InputStream in = resource("index.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Entry> out = new ArrayList<>();
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length >= 4) {
                    out.add(new Entry(f[0], f[1], f[2], f[3]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo index", e);
        }
    }

    private static void copy(String relative, Path target) throws IOException {
        Path dst = target.resolve(relative);
        Files.createDirectories(dst.getParent());
        try (InputStream in = resource(relative)) {
            Files.copy(in, dst, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InputStream resource(String relative) throws IOException {
        InputStream in = DemoProject.class.getResourceAsStream(RESOURCE_ROOT + relative);
        if (in == null) {
            throw new IOException("demo resource missing from the class path: " + RESOURCE_ROOT + relative);
        }
        return in;
    }
}
