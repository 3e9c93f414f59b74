package io.defectstudio.storage.annotations;

import io.defectstudio.storage.MaskSizeMismatchException;
import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectFixture;
import io.defectstudio.storage.StorageException;
import io.defectstudio.storage.TestImages;
import io.defectstudio.storage.images.ImageRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotationRepositoryTest {
    @TempDir
    Path temp;
    ProjectFixture fx;
    AnnotationRepository annotations;
    long image;
    long scratch;

    @BeforeEach
    void setUp() throws IOException {
        fx = ProjectFixture.create(temp, 40, 30);
        annotations = fx.project().annotations();
        image = fx.image().id();
        scratch = fx.defectClass().id();
    }

    @AfterEach
    void tearDown() {
        fx.project().close();
    }

    @Test
    void eachSaveIsANewVersionAndOldVersionsStayReadable() {
        BufferedImage first = TestImages.mask(40, 30, 0);
        BufferedImage second = TestImages.mask(40, 30, 7);

        Annotation v1 = annotations.save(image, scratch, AnnotationKind.SUPPORT, "anna", first);
        Annotation v2 = annotations.save(image, scratch, AnnotationKind.CORRECTION, "ben", second);

        assertEquals(1, v1.version());
        assertEquals(2, v2.version());
        assertEquals("ben", v2.author());
        assertEquals(AnnotationKind.CORRECTION, v2.kind());
        assertEquals(List.of(v1, v2), annotations.history(image, scratch));
        assertEquals(v2, annotations.latest(image, scratch).orElseThrow());
        assertArrayEquals(pixels(first), pixels(annotations.readMask(v1.id())));
        assertArrayEquals(pixels(second), pixels(annotations.readMask(v2.id())));
    }

    @Test
    void retractingTakesBackTheLaterVersionsButNotOnesARestoreUses() {
        Annotation v1 = annotations.save(image, scratch, AnnotationKind.SUPPORT, "anna", TestImages.mask(40, 30, 0));
        annotations.save(image, scratch, AnnotationKind.CORRECTION, "ben", TestImages.mask(40, 30, 7));
        annotations.save(image, scratch, AnnotationKind.CORRECTION, "ben", TestImages.mask(40, 30, 9));

        assertEquals(2, annotations.retractAfter(image, scratch, 1));
        assertEquals(List.of(v1), annotations.history(image, scratch));
        assertEquals(2, annotations.save(image, scratch, AnnotationKind.CORRECTION, "ben",
                TestImages.mask(40, 30, 7)).version());
        Annotation v2 = annotations.latest(image, scratch).orElseThrow();
        annotations.restore(v2.id(), "carl");
        assertThrows(StorageException.class, () -> annotations.retractAfter(image, scratch, 1));
        assertEquals(3, annotations.history(image, scratch).size(), "nothing was taken back");
    }

    @Test
    void restoreAppendsACopyOfTheOldVersion() {
        Annotation v1 = annotations.save(image, scratch, AnnotationKind.SUPPORT, "anna", TestImages.mask(40, 30, 0));
        annotations.save(image, scratch, AnnotationKind.CORRECTION, "ben", TestImages.mask(40, 30, 9));

        Annotation v3 = annotations.restore(v1.id(), "carl");

        assertEquals(3, v3.version());
        assertEquals(v1.id(), v3.restoredFromId());
        assertEquals("carl", v3.author());
        assertEquals(AnnotationKind.SUPPORT, v3.kind());
        assertArrayEquals(pixels(annotations.readMask(v1.id())), pixels(annotations.readMask(v3.id())));
        assertEquals(3, annotations.history(image, scratch).size());
        assertNull(v1.restoredFromId());
    }

    @Test
    void masksAreStoredAsBinaryWithTheHalfwayThreshold() {
        BufferedImage soft = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        soft.getRaster().setSample(0, 0, 0, 127);
        soft.getRaster().setSample(1, 0, 0, 128);
        soft.getRaster().setSample(2, 0, 0, 200);

        Annotation saved = annotations.save(image, scratch, AnnotationKind.IMPORTED, "import", soft);
        BufferedImage back = annotations.readMask(saved.id());

        assertEquals(BufferedImage.TYPE_BYTE_GRAY, back.getType());
        assertEquals(0, back.getRaster().getSample(0, 0, 0));
        assertEquals(255, back.getRaster().getSample(1, 0, 0));
        assertEquals(255, back.getRaster().getSample(2, 0, 0));
        assertEquals(2, saved.defectPixels());
    }

    @Test
    void maskOfTheWrongSizeIsRefusedAndNothingIsSaved() {
        annotations.save(image, scratch, AnnotationKind.SUPPORT, "anna", TestImages.mask(40, 30, 0));

        MaskSizeMismatchException e = assertThrows(MaskSizeMismatchException.class, () ->
                annotations.save(image, scratch, AnnotationKind.CORRECTION, "ben", TestImages.mask(30, 40, 0)));

        assertTrue(e.getMessage().contains("30 x 40") && e.getMessage().contains("40 x 30"), e.getMessage());
        assertTrue(e.getMessage().contains("tile.png"), e.getMessage());
        assertEquals(1, annotations.history(image, scratch).size());
    }

    @Test
    void unknownImageOrClassIsATypedError() {
        BufferedImage mask = TestImages.mask(40, 30, 0);
        assertThrows(NotFoundException.class,
                () -> annotations.save(999, scratch, AnnotationKind.SUPPORT, "anna", mask));
        assertThrows(NotFoundException.class,
                () -> annotations.save(image, 999, AnnotationKind.SUPPORT, "anna", mask));
        assertThrows(NotFoundException.class, () -> annotations.readMask(12345));
        assertEquals(0, annotations.count());
    }

    @Test
    void latestPerClassAndPerImage() throws IOException {
        Project p = fx.project();
        long pit = p.classes().create("pit", "#00ff00", "").id();
        ImageRecord other = p.images().importFile(
                TestImages.write(temp.resolve("other.png"), TestImages.grey8(40, 30), "png")).image();

        annotations.save(image, scratch, AnnotationKind.SUPPORT, "a", TestImages.mask(40, 30, 1));
        Annotation scratchLatest = annotations.save(image, scratch, AnnotationKind.CORRECTION, "a",
                TestImages.mask(40, 30, 2));
        Annotation pitOnImage = annotations.save(image, pit, AnnotationKind.SUPPORT, "a", TestImages.mask(40, 30, 3));
        Annotation scratchOnOther = annotations.save(other.id(), scratch, AnnotationKind.SUPPORT, "a",
                TestImages.mask(40, 30, 4));

        assertEquals(List.of(scratchLatest, scratchOnOther), annotations.latestForClass(scratch));
        assertEquals(List.of(scratchLatest, pitOnImage), annotations.latestForImage(image));
        assertEquals(List.of(pitOnImage), annotations.latestForClass(pit));
    }

    @Test
    void historySurvivesReopening() {
        Annotation v1 = annotations.save(image, scratch, AnnotationKind.SUPPORT, "anna", TestImages.mask(40, 30, 5));
        Path folder = fx.project().folder();
        fx.project().close();
        try (Project reopened = Project.open(folder)) {
            assertEquals(List.of(v1), reopened.annotations().history(image, scratch));
            assertArrayEquals(pixels(TestImages.mask(40, 30, 5)), pixels(reopened.annotations().readMask(v1.id())));
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }
}
