package io.defectstudio.training.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.StorageException;
import io.defectstudio.storage.StorageIoException;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.images.ImageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fault while a checked dataset is being stored leaves a real project exactly as it was before the import. */
class ProjectImportFaultTest {
    private static final int SIDE = 12;

    @TempDir
    Path tmp;

    @Test
    void projectClosedWhileMasksAreSavedKeepsNoPartOfTheImport() throws IOException {
        Path dataset = pairs(tmp.resolve("pairs"));
        Path folder = tmp.resolve("project");
        Snapshot before;
        try (Project project = existingProject(folder)) {
            before = Snapshot.of(project);
            int[] masksStored = {0};
            // The database goes away after two of the five masks were saved: the images, the new class and those
            // masks are already written inside the import.
            ProgressListener closing = (done, total, message) -> {
                if (message.startsWith("stored mask") && ++masksStored[0] == 2) {
                    project.close();
                }
            };
            StorageException e = assertThrows(StorageException.class,
                    () -> DatasetImporter.importInto(project, dataset, ImportFormat.AUTO, "qa", closing));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }

        try (Project reopened = Project.open(folder)) {
            assertEquals(before, Snapshot.of(reopened));
            assertEquals(List.of(), reopened.integrityProblems());
            ImportReport again = DatasetImporter.importInto(reopened, dataset, ImportFormat.AUTO, "qa",
                    ProgressListener.NONE);
            assertEquals(5, again.imported());
            assertEquals(List.of("Pit", "Dent"), classNames(reopened));
            assertEquals(before.annotations().size() + 5, reopened.annotations().count());
        }
    }

    @Test
    void sourceImageRemovedPartWayKeepsNoPartOfTheImportAndTheProjectStaysUsable() throws IOException {
        Path dataset = pairs(tmp.resolve("pairs"));
        Path lastImage = dataset.resolve("Pit/c.bmp");
        byte[] lastBytes = Files.readAllBytes(lastImage);
        try (Project project = existingProject(tmp.resolve("project"))) {
            Snapshot before = Snapshot.of(project);
            // Checked and found good, then deleted on disk (a network share dropping out) before it is stored.
            ProgressListener deleting = (done, total, message) -> {
                if (message.startsWith("stored image") && done == 1) {
                    try {
                        Files.delete(lastImage);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            StorageIoException e = assertThrows(StorageIoException.class,
                    () -> DatasetImporter.importInto(project, dataset, ImportFormat.AUTO, "qa", deleting));
            assertTrue(e.getMessage().contains("c.bmp"), e.getMessage());

            assertEquals(before, Snapshot.of(project));
            assertEquals(List.of(), project.integrityProblems());
            Files.write(lastImage, lastBytes);
            assertEquals(5, DatasetImporter.importInto(project, dataset, ImportFormat.AUTO, "qa",
                    ProgressListener.NONE).imported());
            assertEquals(List.of("Pit", "Dent"), classNames(project));
            assertEquals(1 + 5, project.images().list().size());
        }
    }

    /** Two Dent and three Pit tiles with rectangle masks, in the image-and-mask-pairs layout. */
    private static Path pairs(Path root) throws IOException {
        String[][] tiles = {{"Dent", "d"}, {"Dent", "e"}, {"Pit", "a"}, {"Pit", "b"}, {"Pit", "c"}};
        for (int i = 0; i < tiles.length; i++) {
            Path dir = root.resolve(tiles[i][0]);
            TestData.greyImage(dir.resolve(tiles[i][1] + ".bmp"), SIDE, SIDE, i + 10);
            TestData.writePng(TestData.rectMask(SIDE, SIDE, i, 1, i + 4, 5), dir.resolve(tiles[i][1] + ".png"));
        }
        return root;
    }

    /** A project that already holds work: the class Pit with one annotated image of its own. */
    private Project existingProject(Path folder) throws IOException {
        Project project = Project.create(folder, "line 3");
        DefectClass pit = project.classes().create("Pit", "#ff0000", "");
        Path own = TestData.greyImage(tmp.resolve("own/tile.png"), SIDE, SIDE, 99);
        ImageRecord image = project.images().importFile(own).image();
        project.annotations().save(image.id(), pit.id(), AnnotationKind.SUPPORT, "anna",
                TestData.rectMask(SIDE, SIDE, 3, 3, 8, 8));
        return project;
    }

    private static List<String> classNames(Project project) {
        return project.classes().list().stream().map(DefectClass::name).toList();
    }

    /** Every record an import may add to. */
    private record Snapshot(List<DefectClass> classes, List<ImageRecord> images, List<Annotation> annotations) {
        static Snapshot of(Project project) {
            List<Annotation> annotations = new ArrayList<>();
            for (ImageRecord image : project.images().list()) {
                for (DefectClass c : project.classes().list()) {
                    annotations.addAll(project.annotations().history(image.id(), c.id()));
                }
            }
            assertEquals(annotations.size(), project.annotations().count());
            return new Snapshot(project.classes().list(), project.images().list(), annotations);
        }
    }
}
