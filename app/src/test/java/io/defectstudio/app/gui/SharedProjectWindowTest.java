package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.app.dialog.DialogService.Login;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.storage.PostgresServer;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectCopy;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.images.ImageRecord;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window on a shared project on a real PostgreSQL server, with a second station (this test) working beside
 * it: the login is asked for, the other station's saves reach the queue, the queue says which image the other station
 * has, and an inspector whose mask was saved over is told.
 */
class SharedProjectWindowTest extends WorkstationFixture {
    @TempDir
    Path lineFolder;

    @Test
    void twoStationsSeeEachOthersWorkAsItIsSaved() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String url = server.newDatabase();
        String database = PostgresServer.databaseOf(url);
        Path folder = lineFolder.resolve("line");
        String name;
        try (Project demo = Project.open(DemoProject.install(lineFolder.resolve("demo")));
             Project shared = Project.createShared(folder, url, "copy", ProjectOptions.defaults())) {
            ProjectCopy.copy(demo, shared, done -> { });
            name = shared.name();
        }
        String role = "ines_" + database;
        server.sql(database, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw' IN ROLE defect_studio_inspector");

        startWorkstation(data, (project, detail, problem) -> Optional.empty());
        dialogs.folders.add(folder);
        // No password in the pgpass file for this role: the first try is refused and the window asks again.
        dialogs.logins.add(new Login(role, ""));
        dialogs.logins.add(new Login(role, "pw"));
        fx(() -> {
            workstation.openSharedProject();
            return null;
        });
        waitFor(30, () -> name.equals(vm().session().projectNameProperty().get())
                && "Shared project: live".equals(vm().shared().connectionProperty().get())
                && vm().canvas().mask().isPresent());
        assertEquals(2, dialogs.loginPrompts.size());
        assertTrue(dialogs.loginPrompts.get(1).contains("refused"), dialogs.loginPrompts.get(1));

        long classId = fx(() -> vm().classes().activeProperty().get().id());
        List<QueueEntry> open = fx(() -> vm().queue().entries()).stream()
                .filter(e -> !e.status().isSettled()).toList();
        QueueEntry onScreen = open.get(0);
        QueueEntry heldElsewhere = open.get(1);
        QueueEntry correctedElsewhere = open.get(2);
        fx(() -> {
            vm().editor().select(onScreen);
            return null;
        });
        waitFor(10, () -> current().imageId() == onScreen.imageId() && vm().canvas().mask().isPresent());

        try (Project other = Project.open(folder)) {
            waitFor(10, () -> !other.claims().heldByOthers("station-2").isEmpty());
            String holder = other.claims().claim(onScreen.imageId(), classId, "station-2").orElseThrow().station();
            assertTrue(holder.contains("@"), "the image on screen is claimed by this station: " + holder);

            other.claims().claim(heldElsewhere.imageId(), classId, "station-2");
            waitFor(5, () -> "station-2".equals(vm().queue().heldByOthers().get(heldElsewhere.imageId())));

            other.annotations().save(correctedElsewhere.imageId(), classId, AnnotationKind.CORRECTION, "ben",
                    blank(other.images().get(correctedElsewhere.imageId())));
            waitFor(5, () -> vm().queue().entries().stream()
                    .anyMatch(e -> e.imageId() == correctedElsewhere.imageId() && e.status() == ImageStatus.CORRECTED));

            fx(() -> {
                vm().decisions().accept();
                return null;
            });
            waitFor(10, () -> vm().session().messageProperty().get().startsWith("Accepted " + onScreen.name()));
            other.annotations().save(onScreen.imageId(), classId, AnnotationKind.CORRECTION, "ben",
                    blank(other.images().get(onScreen.imageId())));
            waitFor(5, () -> vm().session().messageProperty().get().startsWith("ben saved a newer mask of "
                    + onScreen.name()));
            // Also as a notification, which outlasts the next message.
            waitFor(5, () -> lookup(".notification-bar .title").tryQuery().isPresent()
                    && lookup(".notification-bar").queryAll().stream().anyMatch(n -> n.lookupAll(".label").stream()
                    .anyMatch(l -> ((javafx.scene.control.Label) l).getText().startsWith("ben saved a newer mask"))));
        }
    }

    private static BufferedImage blank(ImageRecord image) {
        return new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
    }
}
