package io.defectstudio.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.AnnotationKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoProjectTest {
    @Test
    void installsOnceWithClassesImagesAndBinarySupportMasks(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("demo");
        Files.createDirectories(dir.resolve("demo.installing").resolve("left-over"));
        DemoProject.install(folder);
        assertFalse(Files.exists(dir.resolve("demo.installing")), "staging folder moved into place");
        try (Project p = Project.open(folder)) {
            assertEquals(5, p.classes().list().size());
            assertEquals(40, p.images().list().size());
            long supports = p.classes().list().stream().mapToLong(c -> p.annotations().latestForClass(c.id()).stream()
                    .filter(a -> a.kind() == AnnotationKind.SUPPORT).count()).sum();
            assertEquals(10, supports);
            var a = p.annotations().latestForClass(p.classes().list().get(0).id()).get(0);
            var raster = p.annotations().readMask(a.id()).getRaster();
            for (int y = 0; y < raster.getHeight(); y += 7) {
                for (int x = 0; x < raster.getWidth(); x += 7) {
                    int v = raster.getSample(x, y, 0);
                    assertTrue(v == 0 || v == 255, "binary mask, got " + v);
                }
            }
            assertTrue(a.defectPixels() > 0);
        }
        long modified = Files.getLastModifiedTime(folder.resolve(Project.DATABASE_FILE)).toMillis();
        DemoProject.install(folder);
        assertEquals(modified, Files.getLastModifiedTime(folder.resolve(Project.DATABASE_FILE)).toMillis());
    }
}
