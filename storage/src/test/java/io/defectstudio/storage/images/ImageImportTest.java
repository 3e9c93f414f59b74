package io.defectstudio.storage.images;

import io.defectstudio.storage.CorruptImageException;
import io.defectstudio.storage.ImageTooLargeException;
import io.defectstudio.storage.NotAnImageException;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.storage.TestBackend;
import io.defectstudio.storage.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageImportTest {
    @TempDir
    Path temp;
    Project project;

    @BeforeEach
    void createProject() {
        project = TestBackend.create(temp.resolve("project"), "import test");
    }

    @AfterEach
    void closeProject() {
        project.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tiff"})
    void sixteenBitGreyKeepsEverySample(String format) throws IOException {
        BufferedImage source = TestImages.grey16(37, 23);
        Path file = TestImages.write(temp.resolve("grey16." + format), source, format);

        ImageRecord record = project.images().importFile(file).image();
        BufferedImage back = project.images().read(record.id());

        assertEquals(16, record.bitDepth());
        assertEquals(1, record.channels());
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, back.getType());
        assertArrayEquals(samples(source), samples(back));
        assertTrue(Arrays.stream(samples(back)).anyMatch(v -> v > 255), "values above 8 bits survive");
    }

    @Test
    void sixteenBitRgbPngKeepsEverySample() throws IOException {
        BufferedImage source = TestImages.rgb16(13, 9);
        ImageRecord record = project.images()
                .importFile(TestImages.write(temp.resolve("rgb16.png"), source, "png")).image();
        BufferedImage back = project.images().read(record.id());

        assertEquals(16, record.bitDepth());
        assertEquals(3, record.channels());
        assertEquals(3, back.getRaster().getNumBands());
        assertArrayEquals(samples(source), samples(back));
    }

    @Test
    void rgba16PngKeepsItsColourSamplesWithoutACopy() throws IOException {
        BufferedImage source = TestImages.rgba16(13, 9);
        Path file = TestImages.write(temp.resolve("rgba16.png"), source, "png");
        BufferedImage raw = javax.imageio.ImageIO.read(file.toFile());
        BufferedImage rgb = ImageDecoder.normalise(raw, ImageFormat.PNG, file).image();
        assertEquals(3, rgb.getRaster().getNumBands());
        assertTrue(rgb.getRaster().getDataBuffer() == raw.getRaster().getDataBuffer(),
                "the colour bands are a view of the decoded raster, not a second copy");
        BufferedImage back = project.images().read(project.images().importFile(file).image().id());
        for (int band = 0; band < 3; band++) {
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 13; x++) {
                    assertEquals(source.getRaster().getSample(x, y, band), back.getRaster().getSample(x, y, band));
                }
            }
        }
    }

    @Test
    void eightBitGreyPngRoundTrips() throws IOException {
        BufferedImage source = TestImages.grey8(20, 10);
        ImageRecord record = project.images()
                .importFile(TestImages.write(temp.resolve("g.png"), source, "png")).image();
        BufferedImage back = project.images().read(record.id());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, back.getType());
        assertEquals(8, record.bitDepth());
        assertArrayEquals(samples(source), samples(back));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tiff"})
    void losslessRgbRoundTrips(String format) throws IOException {
        BufferedImage source = TestImages.rgb(19, 11);
        ImageRecord record = project.images()
                .importFile(TestImages.write(temp.resolve("rgb." + format), source, format)).image();
        BufferedImage back = project.images().read(record.id());
        assertEquals(3, record.channels());
        assertEquals(8, record.bitDepth());
        assertEquals(BufferedImage.TYPE_INT_RGB, back.getType());
        assertArrayEquals(source.getRGB(0, 0, 19, 11, null, 0, 19), back.getRGB(0, 0, 19, 11, null, 0, 19));
    }

    @Test
    void jpegRgbAndGreyAreReadWithTheirChannels() throws IOException {
        ImageRecord colour = project.images()
                .importFile(TestImages.write(temp.resolve("c.jpg"), TestImages.rgb(32, 24), "jpg")).image();
        ImageRecord grey = project.images()
                .importFile(TestImages.write(temp.resolve("g.jpg"), TestImages.grey8(32, 24), "jpg")).image();

        assertEquals(ImageFormat.JPEG, colour.format());
        assertEquals(3, colour.channels());
        assertEquals(BufferedImage.TYPE_INT_RGB, project.images().read(colour.id()).getType());
        assertEquals(1, grey.channels());
        BufferedImage greyBack = project.images().read(grey.id());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, greyBack.getType());
        assertEquals(32, greyBack.getWidth());
        assertEquals(24, greyBack.getHeight());
    }

    @Test
    void storeKeepsOriginalBytesUnderTheirHash() throws IOException {
        Path file = TestImages.write(temp.resolve("tile.png"), TestImages.grey16(8, 8), "png");
        ImageRecord record = project.images().importFile(file).image();

        Path stored = project.images().file(record.id());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(stored));
        assertEquals("images/" + record.sha256().substring(0, 2) + "/" + record.sha256() + ".png",
                record.storePath());
        assertEquals("tile.png", record.originalFileName());
        assertEquals(Files.size(file), record.byteSize());
    }

    @Test
    void reimportOfTheSameBytesIsRecognised() throws IOException {
        byte[] bytes = TestImages.encode(TestImages.rgb(10, 10), "png");
        Path first = TestImages.write(temp.resolve("a.png"), bytes);
        Path copy = TestImages.write(temp.resolve("elsewhere/renamed.png"), bytes);

        ImportResult one = project.images().importFile(first);
        ImportResult again = project.images().importFile(first);
        ImportResult renamed = project.images().importFile(copy);

        assertFalse(one.duplicate());
        assertTrue(again.duplicate());
        assertTrue(renamed.duplicate());
        assertEquals(one.image(), again.image());
        assertEquals(one.image().id(), renamed.image().id());
        assertEquals(1, project.images().list().size());
        assertEquals(1, storedOriginals());
    }

    @Test
    void differentContentGetsItsOwnRecord() throws IOException {
        project.images().importFile(TestImages.write(temp.resolve("a.png"), TestImages.rgb(10, 10), "png"));
        project.images().importFile(TestImages.write(temp.resolve("b.png"), TestImages.rgb(11, 10), "png"));
        assertEquals(2, project.images().list().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "tiff"})
    void truncatedImageIsRefusedAndNothingIsStored(String format) throws IOException {
        byte[] whole = TestImages.encode(format.equals("jpg") ? TestImages.rgb(64, 64) : TestImages.grey16Or8(format),
                format);
        Path file = TestImages.write(temp.resolve("cut." + format), Arrays.copyOf(whole, whole.length * 2 / 3));

        CorruptImageException e = assertThrows(CorruptImageException.class, () -> project.images().importFile(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(0, project.images().list().size());
        assertEquals(0, storedOriginals());
        assertEquals(0, incomingLeftovers());
    }

    @Test
    void nonImageIsRefusedWithItsName() throws IOException {
        Path text = TestImages.write(temp.resolve("notes.png"), "just some text, named like a PNG".getBytes());
        Path empty = TestImages.write(temp.resolve("empty.tif"), new byte[0]);

        NotAnImageException e = assertThrows(NotAnImageException.class, () -> project.images().importFile(text));
        assertTrue(e.getMessage().contains("notes.png"), e.getMessage());
        assertThrows(NotAnImageException.class, () -> project.images().importFile(empty));
        assertEquals(0, project.images().list().size());
        assertEquals(0, incomingLeftovers());
    }

    @Test
    void headerClaimingMorePixelsThanTheDefaultLimitIsRefusedBeforeDecoding() throws IOException {
        // 20000 x 20000 = 400 MP claimed by a 33-byte file: only a header check can answer with the size.
        Path huge = TestImages.write(temp.resolve("huge.png"), TestImages.pngHeaderClaiming(20_000, 20_000));

        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> project.images().importFile(huge));

        assertEquals(ProjectOptions.DEFAULT_MAX_IMAGE_PIXELS, e.limitPixels());
        assertEquals(20_000, e.width());
        assertTrue(e.getMessage().contains("huge.png"), e.getMessage());
        assertEquals(0, project.images().list().size());
    }

    @Test
    void configuredLimitApplies() throws IOException {
        Path folder = temp.resolve("small-limit");
        try (Project limited = TestBackend.create(folder, "limited",
                ProjectOptions.defaults().withMaxImagePixels(100))) {
            Path ok = TestImages.write(temp.resolve("ok.png"), TestImages.grey8(10, 10), "png");
            Path big = TestImages.write(temp.resolve("big.png"), TestImages.grey8(11, 10), "png");
            limited.images().importFile(ok);
            assertThrows(ImageTooLargeException.class, () -> limited.images().importFile(big));
            assertEquals(1, limited.images().list().size());
        }
    }

    @Test
    void recordsSurviveReopening() throws IOException {
        ImageRecord record = project.images()
                .importFile(TestImages.write(temp.resolve("k.tiff"), TestImages.grey16(5, 4), "tiff")).image();
        project.close();
        try (Project reopened = Project.open(temp.resolve("project"))) {
            assertEquals(record, reopened.images().get(record.id()));
            assertEquals(ImageFormat.TIFF, reopened.images().get(record.id()).format());
        }
    }

    @Test
    void staleCopiesOfInterruptedImportsAreRemovedOnOpenFreshOnesKept() throws IOException {
        Path incoming = Files.createDirectories(project.folder().resolve(ImageStore.FOLDER).resolve(".incoming"));
        Path stale = Files.writeString(incoming.resolve("stale.part"), "half an image");
        Path fresh = Files.writeString(incoming.resolve("fresh.part"), "another process is importing this");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        project.close();

        project = Project.open(temp.resolve("project"));

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
    }

    private long storedOriginals() throws IOException {
        try (Stream<Path> files = Files.walk(project.folder().resolve(ImageStore.FOLDER))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".part")).count();
        }
    }

    private long incomingLeftovers() throws IOException {
        try (Stream<Path> files = Files.walk(project.folder().resolve(ImageStore.FOLDER))) {
            return files.filter(p -> p.toString().endsWith(".part")).count();
        }
    }

    private static int[] samples(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }
}
