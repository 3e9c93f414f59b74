package io.defectstudio.storage.faults;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectFixture;
import io.defectstudio.storage.TestBackend;
import io.defectstudio.storage.TestImages;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM writes annotations in a loop while this JVM writes too; the child is killed with SIGKILL mid-stream.
 * The reopened database must pass integrity_check and hold every annotation whose save had returned. On PostgreSQL
 * the child is a second station killed mid-save.
 */
class CrashSafetyTest {
    private static final int W = 48;
    private static final int H = 32;
    private static final int ACKS_BEFORE_KILL = 25;
    private static final Pattern ACK = Pattern.compile("ack (\\d+) (\\d+) end");

    @TempDir
    Path temp;

    @Test
    void killedWriterLosesNoAcknowledgedAnnotation() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp, W, H);
        Path folder = fx.project().folder();
        long image = fx.image().id();
        long childClass = fx.defectClass().id();
        long parentClass = fx.project().classes().create("pit", "#00ff00", "").id();
        fx.project().close();

        Map<Long, Integer> acknowledged = new LinkedHashMap<>();
        List<Annotation> parentSaves = new ArrayList<>();
        for (String round : List.of("first", "second")) {
            Process child = ChildJvm.start(AnnotationWriterChild.class, folder.toString(), String.valueOf(image),
                    String.valueOf(childClass), String.valueOf(W), String.valueOf(H), round);
            try (Project parent = Project.open(folder)) {
                CompletableFuture<Map<Long, Integer>> acks = CompletableFuture.supplyAsync(() -> readAcks(child));
                // This process writes at the same time: both go through the database's single-writer lock.
                for (int i = 0; i < 5; i++) {
                    parentSaves.add(parent.annotations().save(image, parentClass, AnnotationKind.SUPPORT,
                            "parent", TestImages.mask(W, H, 100 + i)));
                }
                Map<Long, Integer> roundAcks = acks.get(60, TimeUnit.SECONDS);
                child.destroyForcibly();
                assertTrue(child.waitFor(20, TimeUnit.SECONDS), "child did not die");
                assertFalse(roundAcks.isEmpty(), "the child acknowledged no save");
                acknowledged.putAll(roundAcks);
            } finally {
                child.destroyForcibly();
            }
            assertEquals(137, child.exitValue(), "the child must have died from SIGKILL, not exited");
            assertIntact(folder, image, childClass, acknowledged);
        }

        try (Project reopened = Project.open(folder)) {
            assertEquals(parentSaves, reopened.annotations().history(image, parentClass));
        }
    }

    /** Reads acknowledgement lines; returns once enough arrived (the child keeps writing until killed). */
    private static Map<Long, Integer> readAcks(Process child) {
        Map<Long, Integer> acks = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acks.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                Matcher m = ACK.matcher(line);
                if (m.matches()) {
                    acks.put(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return acks;
    }

    private static void assertIntact(Path folder, long image, long classId, Map<Long, Integer> acknowledged)
            throws Exception {
        if (!TestBackend.postgres()) {
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(Project.DATABASE_FILE));
                 Statement s = raw.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1));
            }
        }
        try (Project reopened = Project.open(folder)) {
            assertEquals(List.of(), reopened.integrityProblems());
            List<Annotation> history = reopened.annotations().history(image, classId);
            assertEquals(IntStream.rangeClosed(1, history.size()).boxed().toList(),
                    history.stream().map(Annotation::version).toList(), "versions are contiguous");
            for (Map.Entry<Long, Integer> ack : acknowledged.entrySet()) {
                Annotation saved = reopened.annotations().get(ack.getKey());
                assertTrue(saved.author().endsWith("-" + ack.getValue()), saved.author());
                BufferedImage mask = reopened.annotations().readMask(saved.id());
                assertArrayEquals(pixels(TestImages.mask(W, H, ack.getValue())), pixels(mask));
            }
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }
}
