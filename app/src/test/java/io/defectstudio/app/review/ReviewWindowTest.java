package io.defectstudio.app.review;

import static io.defectstudio.app.gui.WorkstationFixture.fx;
import static io.defectstudio.app.gui.WorkstationFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.gui.TestDialogs;
import io.defectstudio.app.task.FxTaskExecutor;
import io.defectstudio.storage.PostgresServer;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectCopy;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.reviews.Review;
import io.defectstudio.storage.reviews.ReviewRole;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The real review window on a real project: keys decide, and the decision is there after reopening. */
class ReviewWindowTest extends FxRobot {
    @TempDir
    Path temp;

    private final TestDialogs dialogs = new TestDialogs();
    private FxTaskExecutor tasks;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (tasks != null) {
            tasks.close();
        }
    }

    private Stage openWindow(Path folder) throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<Stage> shown = new AtomicReference<>();
        FxToolkit.setupFixture(() -> ReviewWindow.open(null, folder, ProjectOptions.defaults(), "", tasks, dialogs,
                shown::set));
        waitFor(20, () -> shown.get() != null && !table().getItems().isEmpty());
        return shown.get();
    }

    @SuppressWarnings("unchecked")
    private TableView<ReviewItem> table() {
        return lookup("#review-table").tryQuery().map(n -> (TableView<ReviewItem>) n).orElse(new TableView<>());
    }

    @Test
    void onASharedProjectTheListFillsAsAnotherStationSaves() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        Path shared = temp.resolve("shared");
        try (Project source = Project.open(fx.folder);
             Project target = Project.createShared(shared, PostgresServer.shared().newDatabase(), "copy",
                     ProjectOptions.defaults())) {
            ProjectCopy.copy(source, target, done -> { });
        }
        tasks = new FxTaskExecutor();
        openWindow(shared);
        assertEquals(3, (int) fx(() -> table().getItems().size()));
        try (Project station = Project.open(shared)) {
            station.annotations().save(fx.predicted, fx.pit, AnnotationKind.CORRECTION, "ines",
                    new java.awt.image.BufferedImage(ReviewProjectFixture.W, ReviewProjectFixture.H,
                            java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
        }
        waitFor(5, () -> fx(() -> table().getItems().size()) == 4);
    }

    /** The class filter takes several classes (ControlsFX's CheckComboBox), and a reload keeps what is checked. */
    @Test
    void theClassFilterTakesSeveralClassesAndSurvivesAReload() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        tasks = new FxTaskExecutor();
        openWindow(fx.folder);
        @SuppressWarnings("unchecked")
        CheckComboBox<ClassRef> classes = lookup("#review-class").queryAs(CheckComboBox.class);
        assertEquals(3, (int) fx(() -> table().getItems().size()));
        fx(() -> {
            classes.getCheckModel().check(classRef(classes, "pit"));
            return null;
        });
        waitFor(5, () -> fx(() -> table().getItems().size()) == 1);
        fx(() -> {
            classes.getCheckModel().check(classRef(classes, "scratch"));
            return null;
        });
        waitFor(5, () -> fx(() -> table().getItems().size()) == 3);
        fx(() -> {
            classes.getCheckModel().clearCheck(classRef(classes, "pit"));
            return null;
        });
        waitFor(5, () -> fx(() -> table().getItems().size()) == 2);
        assertTrue(fx(() -> table().getItems().stream().allMatch(i -> i.classId() == fx.scratch)));

        try (Project p = Project.open(fx.folder)) {
            p.predictions().save(fx.corrected, fx.scratch, "lerenet-7", new java.awt.image.BufferedImage(
                    ReviewProjectFixture.W, ReviewProjectFixture.H, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                    0.3, 9);
        }
        clickOn("Reload");
        waitFor(5, () -> fx(() -> table().getItems().size()) == 3);
        assertTrue(fx(() -> table().getItems().stream().allMatch(i -> i.classId() == fx.scratch)),
                "the reload kept the filter");
        assertEquals(1, (int) fx(() -> classes.getCheckModel().getCheckedItems().size()));
    }

    private static ClassRef classRef(CheckComboBox<ClassRef> box, String name) {
        return box.getItems().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theExportsAreOnScreenNotInAnOverflowMenu() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        tasks = new FxTaskExecutor();
        Stage stage = openWindow(fx.folder);
        for (String id : new String[] {"#review-export", "#review-export-decisions", "#review-flagged"}) {
            javafx.scene.Node node = lookup(id).query();
            javafx.geometry.Bounds b = fx(() -> node.localToScene(node.getBoundsInLocal()));
            assertTrue(fx(() -> node.getScene() != null && node.isVisible()), id + " is hidden");
            assertTrue(b.getMaxX() <= fx(() -> stage.getScene().getWidth()) + 1, id + " is cut off: " + b);
        }
    }

    @Test
    void theSelectedPartIsShownWithItsMaskAndCannotBePaintedOn() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        tasks = new FxTaskExecutor();
        openWindow(fx.folder);
        ReviewItem target = fx(() -> table().getItems().stream()
                .filter(i -> i.measure().defectPixels() > 0).findFirst().orElseThrow());
        fx(() -> {
            table().getSelectionModel().select(target);
            return null;
        });
        io.defectstudio.app.canvas.CanvasView preview = lookup("#review-preview")
                .queryAs(io.defectstudio.app.canvas.CanvasView.class);
        io.defectstudio.app.canvas.CanvasViewModel shown = fx(() -> preview.viewModel());
        waitFor(20, () -> fx(() -> shown.mask().isPresent()
                && shown.mask().get().countSet() == target.measure().defectPixels()));
        assertEquals(false, fx(() -> shown.editableProperty().get()), "the supervisor judges; painting is off");
        fx(() -> {
            shown.beginStroke(1, 1);
            shown.endStroke();
            return null;
        });
        assertEquals(target.measure().defectPixels(), fx(() -> shown.mask().get().countSet()));
    }

    @Test
    void summaryBarsWearTheirClassColours() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        tasks = new FxTaskExecutor();
        openWindow(fx.folder);
        String colour;
        try (Project p = Project.open(fx.folder)) {
            colour = p.classes().list().get(0).colourHex();
        }
        clickOn("Summary");
        @SuppressWarnings("unchecked")
        javafx.scene.chart.BarChart<String, Number> share = lookup("#summary-share")
                .queryAs(javafx.scene.chart.BarChart.class);
        waitFor(10, () -> fx(() -> share.getData().get(0).getData().get(0).getNode() != null));
        String style = fx(() -> share.getData().get(0).getData().get(0).getNode().getStyle());
        assertTrue(style.contains(colour), style + " should use " + colour);
    }

    @Test
    void theFlaggedFilterShowsWhatInspectorsFlagged() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        tasks = new FxTaskExecutor();
        openWindow(fx.folder);
        clickOn("#review-flagged");
        waitFor(10, () -> fx(() -> table().getItems().size()) == 1);
        assertEquals(fx.flagged, (long) fx(() -> table().getItems().get(0).imageId()));
        assertEquals("1 of 3 parts shown", fx(() -> lookup("#review-message")
                .queryAs(javafx.scene.control.Label.class).getText()));
    }

    @Test
    void keysDecideWithACommentAndTheDecisionSurvivesReopening() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        tasks = new FxTaskExecutor();
        Stage stage = openWindow(fx.folder);
        assertEquals(3, fx(() -> table().getItems().size()));

        clickOn("#review-supervisor").write("sam");
        ReviewItem target = fx(() -> table().getItems().stream()
                .filter(i -> i.imageId() == fx.flagged).findFirst().orElseThrow());
        fx(() -> {
            table().getSelectionModel().select(target);
            return null;
        });
        clickOn("#review-comment").write("second scratch missed");
        type(KeyCode.ENTER);
        type(KeyCode.F);
        waitFor(10, () -> table().getItems().stream()
                .anyMatch(i -> i.imageId() == fx.flagged && i.status() == ReviewStatus.RELABEL));
        assertEquals("", fx(() -> lookup("#review-comment").queryAs(TextArea.class).getText()));
        assertEquals("sam", fx(() -> lookup("#review-supervisor").queryAs(TextField.class).getText()));

        fx(() -> {
            table().getSelectionModel().select(table().getItems().stream()
                    .filter(i -> i.imageId() == fx.predicted).findFirst().orElseThrow());
            table().requestFocus();
            return null;
        });
        type(KeyCode.R);
        waitFor(10, () -> table().getItems().stream()
                .anyMatch(i -> i.imageId() == fx.predicted && i.status() == ReviewStatus.REJECTED));

        fx(() -> {
            stage.hide();
            return null;
        });
        tasks.flushWrites();
        assertTrue(dialogs.errors().isEmpty(), dialogs.errors().toString());

        try (Project p = Project.open(fx.folder)) {
            Review r = p.reviews().latest(fx.flagged, fx.scratch).orElseThrow();
            assertEquals(ReviewRole.SUPERVISOR, r.role());
            assertEquals("sam", r.reviewer());
            assertEquals("second scratch missed", r.comment());
        }

        openWindow(fx.folder);
        waitFor(10, () -> table().getItems().stream()
                .anyMatch(i -> i.imageId() == fx.flagged && i.status() == ReviewStatus.RELABEL));
        assertEquals(ReviewStatus.REJECTED, fx(() -> table().getItems().stream()
                .filter(i -> i.imageId() == fx.predicted).findFirst().orElseThrow().status()));
        assertEquals(ReviewStatus.PENDING, fx(() -> table().getItems().stream()
                .filter(i -> i.imageId() == fx.corrected).findFirst().orElseThrow().status()));
    }
}
