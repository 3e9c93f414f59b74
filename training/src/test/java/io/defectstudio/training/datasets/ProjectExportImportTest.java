package io.defectstudio.training.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.defectstudio.storage.CorruptImageException;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import against real project folders (SQLite + image store) with the demo subset. */
class ProjectExportImportTest {
    @TempDir
    Path tmp;

    @Test
    void demoSubsetImportsIntoAProjectAndApprovedMasksExportAndReimportUnchanged() throws IOException {
        Path demo = DemoSubset.copyTo(tmp.resolve("demo"));
        try (Project source = Project.create(tmp.resolve("p1"), "line 3")) {
            ImportReport report = DatasetImporter.importInto(source, demo, ImportFormat.AUTO, "data-team",
                    ProgressListener.NONE);
            assertEquals(40, report.imported());
            assertEquals(List.of(), report.skipped());
            assertEquals(List.of("MT_Blowhole", "MT_Break", "MT_Crack", "MT_Fray", "MT_Free", "MT_Uneven"),
                    source.classes().list().stream().map(DefectClass::name).sorted().toList());
            DefectClass crack = source.classes().findByName("MT_Crack").orElseThrow();
            List<Annotation> cracks = source.annotations().latestForClass(crack.id());
            assertEquals(7, cracks.size());
            assertTrue(cracks.stream().allMatch(a -> a.kind() == AnnotationKind.IMPORTED
                    && a.author().equals("data-team")));
            for (Annotation a : cracks.subList(0, 4)) {
                source.reviews().record(a.imageId(), a.classId(), ReviewDecision.APPROVE, "inspector-7", "ok");
            }
            source.reviews().record(cracks.get(4).imageId(), crack.id(), ReviewDecision.REJECT, "inspector-7", "no");

            ExportSelection approvedCracks = ExportSelection.approved().withClasses(Set.of("MT_Crack"));
            ExportReport first = DatasetExporter.export(source, approvedCracks, ExportFormat.SURFACE_DEFECT_4I,
                    tmp.resolve("e1"), ProgressListener.NONE);
            ExportReport second = DatasetExporter.export(source, approvedCracks, ExportFormat.SURFACE_DEFECT_4I,
                    tmp.resolve("e2"), ProgressListener.NONE);
            assertEquals(4, first.items());
            assertEquals(first.manifestSha256(), second.manifestSha256());
            for (String f : TestData.tree(tmp.resolve("e1"))) {
                assertArrayEquals(Files.readAllBytes(tmp.resolve("e1").resolve(f)),
                        Files.readAllBytes(tmp.resolve("e2").resolve(f)), f);
            }
            JsonObject provenance = JsonParser.parseString(Files.readString(tmp.resolve("e1/manifest.json")))
                    .getAsJsonObject().getAsJsonArray("items").get(0).getAsJsonObject().getAsJsonObject("provenance");
            assertEquals("data-team", provenance.get("annotatedBy").getAsString());
            assertEquals("IMPORTED", provenance.get("annotationKind").getAsString());
            assertEquals("inspector-7", provenance.get("approvedBy").getAsString());

            try (Project target = Project.create(tmp.resolve("p2"), "lab copy")) {
                ImportReport back = DatasetImporter.importInto(target, tmp.resolve("e1"), ImportFormat.AUTO, "lab",
                        ProgressListener.NONE);
                assertEquals(ImportFormat.SURFACE_DEFECT_4I, back.format());
                assertEquals(4, back.imported());
                Map<String, BufferedImage> before = masksBySha(source, crack.id(), cracks.subList(0, 4));
                DefectClass crack2 = target.classes().findByName("MT_Crack").orElseThrow();
                Map<String, BufferedImage> after = masksBySha(target, crack2.id(),
                        target.annotations().latestForClass(crack2.id()));
                assertEquals(before.keySet(), after.keySet());
                for (String sha : before.keySet()) {
                    assertArrayEquals(MaskImages.pixels(before.get(sha)), MaskImages.pixels(after.get(sha)), sha);
                }
            }
        }
    }

    @Test
    void imageTheProjectRefusesIsSkippedWithItsMasksAndTheRestIsStored() throws IOException {
        Path root = tmp.resolve("pairs");
        TestData.greyImage(root.resolve("Pit/a.bmp"), 12, 12, 1);
        TestData.writePng(TestData.rectMask(12, 12, 2, 2, 5, 5), root.resolve("Pit/a.png"));
        try (Project project = Project.create(tmp.resolve("p"), "tiny",
                io.defectstudio.storage.ProjectOptions.defaults().withMaxImagePixels(100))) {
            ImportReport report = DatasetImporter.importInto(project, root, ImportFormat.AUTO, "qa",
                    ProgressListener.NONE);
            assertEquals(0, report.imported());
            assertEquals(1, report.skipped().size());
            assertEquals("Pit/a.bmp", report.skipped().get(0).entry());
            assertTrue(report.skipped().get(0).reason().startsWith("project refused the image"));
            assertEquals(0, project.annotations().count());
        }
    }

    @Test
    void cocoCategoryNamesMeetProjectClassesStrippedAndBlankOnesAreSkipped() throws IOException {
        Path root = tmp.resolve("coco");
        TestData.greyImage(root.resolve("images/t.png"), 3, 4, 1);
        Files.writeString(root.resolve("annotations.json"), """
                {"images": [{"id": 1, "file_name": "t.png", "width": 3, "height": 4}],
                 "categories": [{"id": 5, "name": " Pit "}, {"id": 6, "name": "  "}],
                 "annotations": [
                   {"id": 10, "image_id": 1, "category_id": 5, "segmentation": {"size": [4, 3], "counts": "333ON"}},
                   {"id": 11, "image_id": 1, "category_id": 6, "segmentation": {"size": [4, 3], "counts": "333ON"}}
                 ]}
                """);
        try (Project project = Project.create(tmp.resolve("p"), "coco")) {
            DefectClass pit = project.classes().create("Pit", "#ff0000", "");
            ImportReport report = DatasetImporter.importInto(project, root, ImportFormat.AUTO, "qa",
                    ProgressListener.NONE);
            assertEquals(1, report.imported());
            assertEquals(List.of(new SkippedEntry("images/t.png", "class name '  ' is blank")), report.skipped());
            assertEquals(List.of("Pit"), project.classes().list().stream().map(DefectClass::name).toList());
            assertEquals(1, project.annotations().latestForClass(pit.id()).size());
        }
    }

    @Test
    void reImportingKeepsAPersonsCorrectionAndReportsTheConflict() throws IOException {
        Path root = tmp.resolve("coco-again");
        TestData.greyImage(root.resolve("images/t.png"), 3, 4, 1);
        Files.writeString(root.resolve("annotations.json"), """
                {"images": [{"id": 1, "file_name": "t.png", "width": 3, "height": 4}],
                 "categories": [{"id": 5, "name": "Pit"}],
                 "annotations": [
                   {"id": 10, "image_id": 1, "category_id": 5, "segmentation": {"size": [4, 3], "counts": "333ON"}}
                 ]}
                """);
        try (Project project = Project.create(tmp.resolve("p"), "again")) {
            assertEquals(1, DatasetImporter.importInto(project, root, ImportFormat.AUTO, "qa",
                    ProgressListener.NONE).imported());
            long imageId = project.images().list().get(0).id();
            long classId = project.classes().findByName("Pit").orElseThrow().id();
            project.annotations().save(imageId, classId, AnnotationKind.CORRECTION, "ana",
                    TestData.rectMask(3, 4, 0, 0, 1, 1));

            ImportReport again = DatasetImporter.importInto(project, root, ImportFormat.AUTO, "qa",
                    ProgressListener.NONE);
            Annotation current = project.annotations().latest(imageId, classId).orElseThrow();
            assertEquals(AnnotationKind.CORRECTION, current.kind(), "the correction stays the current mask");
            assertEquals(2, current.version());
            assertEquals(0, again.imported());
            assertEquals(1, again.keptCorrections().size());
            assertTrue(again.keptCorrections().get(0).reason().contains("kept ana's correction (version 2)"),
                    again.keptCorrections().toString());
        }
    }

    @Test
    void importedClassesGetColoursNoOtherClassHas() throws IOException {
        Path root = tmp.resolve("coco-colours");
        TestData.greyImage(root.resolve("images/t.png"), 3, 4, 1);
        Files.writeString(root.resolve("annotations.json"), """
                {"images": [{"id": 1, "file_name": "t.png", "width": 3, "height": 4}],
                 "categories": [{"id": 1, "name": "Blowhole"}, {"id": 2, "name": "Fray"}, {"id": 3, "name": "Crack"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "segmentation": {"size": [4, 3], "counts": "333ON"}},
                   {"id": 2, "image_id": 1, "category_id": 2, "segmentation": {"size": [4, 3], "counts": "333ON"}},
                   {"id": 3, "image_id": 1, "category_id": 3, "segmentation": {"size": [4, 3], "counts": "333ON"}}
                 ]}
                """);
        try (Project project = Project.create(tmp.resolve("p"), "colours")) {
            project.classes().create("Pit", "#E6194B", "");
            DatasetImporter.importInto(project, root, ImportFormat.AUTO, "qa", ProgressListener.NONE);
            List<String> colours = project.classes().list().stream().map(c -> c.colourHex().toUpperCase()).toList();
            assertEquals(4, colours.size());
            assertEquals(4, new java.util.HashSet<>(colours).size(), "no two classes alike: " + colours);
        }
    }

    @Test
    void exportRefusesAStoredOriginalThatNoLongerMatchesItsContentAddress() throws IOException {
        Path root = tmp.resolve("coco-src");
        TestData.greyImage(root.resolve("images/t.png"), 3, 4, 1);
        Files.writeString(root.resolve("annotations.json"), """
                {"images": [{"id": 1, "file_name": "t.png", "width": 3, "height": 4}],
                 "categories": [{"id": 5, "name": "Pit"}],
                 "annotations": [
                   {"id": 10, "image_id": 1, "category_id": 5, "segmentation": {"size": [4, 3], "counts": "333ON"}}
                 ]}
                """);
        try (Project project = Project.create(tmp.resolve("p"), "corrupt")) {
            DatasetImporter.importInto(project, root, ImportFormat.AUTO, "qa", ProgressListener.NONE);
            Path original = project.images().file(project.images().list().get(0).id());
            byte[] bytes = Files.readAllBytes(original);
            bytes[bytes.length - 5] ^= 0x01;
            Files.write(original, bytes);
            CorruptImageException e = assertThrows(CorruptImageException.class, () -> DatasetExporter.export(
                    project, ExportSelection.all(), ExportFormat.COCO, tmp.resolve("o"), ProgressListener.NONE));
            assertTrue(e.getMessage().contains("t.png") && e.getMessage().contains("no longer matches"),
                    e.getMessage());
            assertFalse(Files.exists(tmp.resolve("o")));
            assertFalse(Files.exists(tmp.resolve("o.partial")));
        }
    }

    @Test
    void selectingAClassTheProjectLacksIsAClearError() {
        try (Project project = Project.create(tmp.resolve("p"), "empty")) {
            project.classes().create("Crack", "#ff0000", "");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetExporter.export(
                    project, ExportSelection.all().withClasses(Set.of("Crak")), ExportFormat.COCO, tmp.resolve("o"),
                    ProgressListener.NONE));
            assertEquals("the project has no class Crak; it has [Crack]", e.getMessage());
            assertFalse(Files.exists(tmp.resolve("o")));
        }
    }

    private static Map<String, BufferedImage> masksBySha(Project p, long classId, List<Annotation> annotations) {
        Map<String, BufferedImage> out = new HashMap<>();
        for (Annotation a : annotations) {
            out.put(p.images().get(a.imageId()).sha256(), p.annotations().readMask(a.id()));
        }
        return out;
    }
}
