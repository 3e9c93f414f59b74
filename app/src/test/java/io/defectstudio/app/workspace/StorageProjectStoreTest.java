package io.defectstudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.AnnotationKind;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageProjectStoreTest {

    @Test
    void masksAndDecisionsRecordThePersonNotAFixedInspector(@TempDir Path dir) {
        Path folder = DemoProject.install(dir.resolve("demo"));
        long imageId;
        long classId;
        try (StorageProjectStore store = StorageProjectStore.open(folder, "Ana Lopez")) {
            imageId = store.images().get(5).id();
            classId = store.classes().get(0).id();
            BufferedImage image = store.readImage(imageId);
            BufferedImage empty = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            store.saveMask(imageId, classId, ProjectStore.MaskKind.ACCEPTED, empty);
            store.recordDecision(imageId, classId, ProjectStore.Decision.ACCEPTED);
            assertEquals(ProjectStore.MaskKind.ACCEPTED, store.latestMask(imageId, classId).orElseThrow().kind());
        }
        try (Project p = Project.open(folder)) {
            String author = p.annotations().latest(imageId, classId).orElseThrow().author();
            assertEquals("Ana Lopez", StorageProjectStore.person(author));
            assertEquals("Ana Lopez", p.reviews().latest(imageId, classId).orElseThrow().reviewer());
            p.annotations().save(imageId, classId, AnnotationKind.CORRECTION, "inspector/accepted-prediction",
                    p.annotations().readMask(p.annotations().latest(imageId, classId).orElseThrow().id()));
        }
        try (StorageProjectStore store = StorageProjectStore.open(folder)) {
            assertEquals(ProjectStore.MaskKind.ACCEPTED, store.latestMask(imageId, classId).orElseThrow().kind(),
                    "projects written before names still read as accepted");
        }
    }
}
