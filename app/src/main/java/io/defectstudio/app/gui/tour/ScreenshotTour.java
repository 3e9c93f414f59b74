package io.defectstudio.app.gui.tour;

import io.defectstudio.app.canvas.Tool;
import io.defectstudio.app.datasets.DatasetJob;
import io.defectstudio.app.datasets.DatasetJobWindow;
import io.defectstudio.app.engine.ShippedModel;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.queue.QueueOrder;
import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.shortcut.Command;
import io.defectstudio.app.task.FxTaskExecutor;
import io.defectstudio.app.workspace.EngineFactory;
import io.defectstudio.app.workspace.WorkspaceViewModel;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.training.datasets.ExportFormat;
import io.defectstudio.training.datasets.ImportFormat;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Takes the README screenshots from the real window: the demo project with predictions, painting, the help overlay,
 * the review window, the model versions and a dataset export. Each is a {@code Scene.snapshot} of the window as shown.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void run(AppSettings settings, EngineFactory engines, Path out, PrintWriter log) throws Exception {
        Files.createDirectories(out);
        try (FxSession s = FxSession.start(settings, engines, 1600, 960)) {
            WorkspaceViewModel vm = s.workstation().viewModel();
            FxSession.await(120, () -> vm.canvas().imageProperty().get() != null && !vm.queue().visible().isEmpty());
            log.println("project " + FxSession.onFx(() -> vm.session().projectNameProperty().get()) + ", model "
                    + FxSession.onFx(() -> vm.session().modelNameProperty().get()));
            log.flush();
            boolean segmented = FxSession.await(600, () -> vm.segmentation().totalProperty().get() > 0
                    && vm.segmentation().doneProperty().get() == vm.segmentation().totalProperty().get());
            log.println(segmented ? "segmentation finished" : "no segmentation finished (no model?)");
            log.flush();

            // 1: the queue sorted least confident first, a predicted image on screen
            FxSession.onFx(() -> {
                vm.queue().orderProperty().set(QueueOrder.CONFIDENCE);
                return null;
            });
            // the first class whose predictions paint a visible defect, so the overlay can be seen
            QueueEntry shown = null;
            for (var c : FxSession.onFx(() -> java.util.List.copyOf(vm.classes().classes()))) {
                FxSession.onFx(() -> {
                    vm.classes().activeProperty().set(c);
                    return null;
                });
                settle(vm);
                FxSession.await(600, () -> vm.segmentation().totalProperty().get() > 0
                        && vm.segmentation().doneProperty().get() == vm.segmentation().totalProperty().get());
                shown = firstVisiblePrediction(vm);
                if (shown != null) {
                    break;
                }
            }
            log.println(shown == null ? "no prediction with a visible defect" : "showing " + shown.name());
            snapshot(s, out.resolve("01-demo-predictions.png"), log);

            // 7: the same prediction re-cut more sensitively from its stored probabilities
            FxSession.onFx(() -> {
                vm.sensitivity().thresholdProperty().set(0.3);
                vm.sensitivity().settle();
                return null;
            });
            settle(vm);
            snapshot(s, out.resolve("07-sensitivity.png"), log);
            FxSession.onFx(() -> {
                vm.sensitivity().reset();
                return null;
            });

            // 2: correcting a prediction with the brush, cursor ring visible
            QueueEntry target = FxSession.onFx(() -> vm.queue().visible().stream()
                    .filter(e -> e.status() == ImageStatus.PREDICTED).reduce((a, b) -> b)
                    .orElse(vm.queue().visible().get(0)));
            FxSession.onFx(() -> {
                vm.editor().select(target);
                return null;
            });
            settle(vm);
            FxSession.onFx(() -> {
                var canvas = s.workstation().window().canvasView();
                vm.canvas().toolProperty().set(Tool.BRUSH);
                vm.canvas().brushRadiusProperty().set(10);
                int w = vm.canvas().imageProperty().get().width();
                int h = vm.canvas().imageProperty().get().height();
                StrokeDriver d = new StrokeDriver(canvas);
                d.press(w * 0.25, h * 0.55);
                for (int i = 1; i <= 40; i++) {
                    double t = i / 40.0;
                    d.drag(w * (0.25 + 0.45 * t), h * (0.55 + 0.12 * Math.sin(t * 6)));
                }
                d.release(w * 0.70, h * (0.55 + 0.12 * Math.sin(6)));
                javafx.event.Event.fireEvent(canvas, mouseMoved(canvas, canvas.imageToLocal(w * 0.72, h * 0.40)));
                return null;
            });
            settle(vm);
            snapshot(s, out.resolve("02-painting.png"), log);

            // 3: the F1 help overlay
            FxSession.onFx(() -> {
                s.workstation().window().run(Command.HELP);
                return null;
            });
            Thread.sleep(500);
            snapshot(s, out.resolve("03-help-overlay.png"), log);
            FxSession.onFx(() -> {
                s.workstation().window().run(Command.HELP);
                return null;
            });

            // 4: the supervisor's review, a part with its mask
            FxSession.onFx(() -> {
                s.workstation().openReview();
                return null;
            });
            FxSession.await(60, () -> s.workstation().reviewStage().isPresent());
            Stage review = FxSession.onFx(() -> s.workstation().reviewStage().orElseThrow());
            Thread.sleep(3000);
            snapshot(review, out.resolve("04-review.png"), log);
            FxSession.onFx(() -> {
                review.close();
                return null;
            });

            // 5: the model versions, the shipped model first, compared with a second version on held-out episodes,
            // once the inspector has accepted enough of the active class's predictions to hold some out
            for (int i = 0; i < 6; i++) {
                QueueEntry next = FxSession.onFx(() -> vm.queue().visible().stream()
                        .filter(e -> e.status() == ImageStatus.PREDICTED).findFirst().orElse(null));
                if (next == null) {
                    break;
                }
                FxSession.onFx(() -> {
                    vm.editor().select(next);
                    return null;
                });
                settle(vm);
                FxSession.onFx(() -> {
                    vm.decisions().accept();
                    return null;
                });
                FxSession.await(30, () -> vm.queue().entries().stream().noneMatch(
                        e -> e.imageId() == next.imageId() && e.status() == ImageStatus.PREDICTED));
            }
            registerSqueezedVersion(vm.projectFolder().orElseThrow());
            FxSession.onFx(() -> {
                s.workstation().openModels();
                return null;
            });
            FxSession.await(60, () -> window("Model versions - Defect Studio") != null);
            Stage models = FxSession.onFx(() -> window("Model versions - Defect Studio"));
            FxSession.await(30, () -> table(models).getItems().size() == 2);
            FxSession.onFx(() -> {
                table(models).getSelectionModel().selectAll();
                ((Button) models.getScene().lookup("#models-compare")).fire();
                return null;
            });
            boolean compared = FxSession.await(600, () -> ((Label) models.getScene().lookup("#models-message"))
                    .getText().startsWith("Compared"));
            log.println(compared ? "compared the versions" : "the comparison did not finish");
            Thread.sleep(500);
            snapshot(models, out.resolve("05-model-versions.png"), log);
            FxSession.onFx(() -> {
                models.close();
                return null;
            });

            // 6: a dataset export with its report
            Path export = Files.createTempDirectory("ds-tour").resolve("demo-sd4i");
            FxTaskExecutor jobTasks = new FxTaskExecutor();
            DatasetJob job = new DatasetJob(vm.projectFolder().orElseThrow(), ProjectOptions.defaults(), jobTasks,
                    () -> { });
            Stage jobStage = FxSession.onFx(() -> {
                Stage window = DatasetJobWindow.show(s.stage(), "Export dataset", job);
                job.exportTo(export, ExportFormat.SURFACE_DEFECT_4I, false);
                return window;
            });
            FxSession.await(120, () -> !job.runningProperty().get());
            Thread.sleep(500);
            snapshot(jobStage, out.resolve("06-dataset-export.png"), log);
            FxSession.onFx(() -> {
                jobStage.close();
                return null;
            });

            // 8: importing that export into the project again: every image is already there, and the report says so
            Stage importStage = FxSession.onFx(() -> {
                Stage window = DatasetJobWindow.show(s.stage(), "Import dataset", job);
                job.importFrom(export, ImportFormat.SURFACE_DEFECT_4I, "tour");
                return window;
            });
            FxSession.await(120, () -> !job.runningProperty().get());
            Thread.sleep(500);
            snapshot(importStage, out.resolve("08-dataset-import.png"), log);
            jobTasks.close();
        }
    }

    /**
     * A second version in the demo project: the shipped network squeezed into one 320-pixel tile (detail 320), so that
     * the comparison has a weaker candidate to advise against.
     */
    private static void registerSqueezedVersion(Path project) throws Exception {
        Path shipped = ShippedModel.extract(Files.createTempDirectory("ds-tour-shipped")).orElseThrow();
        ModelBundle bundle = ModelBundle.load(shipped);
        Path squeezed = project.resolve("models").resolve("squeezed-320");
        ModelBundle.write(squeezed, bundle.manifest().withDetail(320), bundle.readWeights());
        try (Project p = Project.open(project)) {
            p.models().register("shipped network, one 320 px tile", squeezed, bundle.manifest().architecture(),
                    "{\"validation_mIoU\": 0.2}");
        }
    }

    private static TableView<?> table(Stage stage) {
        return (TableView<?>) stage.getScene().lookup("#models-table");
    }

    private static Stage window(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage st && title.equals(st.getTitle()))
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    private static javafx.scene.input.MouseEvent mouseMoved(javafx.scene.Node node, javafx.geometry.Point2D local) {
        var scene = node.localToScene(local);
        return new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED, scene.getX(),
                scene.getY(), 0, 0, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false,
                false, true, false, false, null);
    }

    private static QueueEntry firstVisiblePrediction(WorkspaceViewModel vm) throws Exception {
        java.util.List<QueueEntry> predicted = FxSession.onFx(() -> vm.queue().visible().stream()
                .filter(e -> e.status() == ImageStatus.PREDICTED).toList());
        for (QueueEntry e : predicted) {
            FxSession.onFx(() -> {
                vm.editor().select(e);
                return null;
            });
            settle(vm);
            if (FxSession.onFx(() -> vm.canvas().mask().map(m -> m.countSet()).orElse(0L)) > 200) {
                return e;
            }
        }
        return null;
    }

    private static void settle(WorkspaceViewModel vm) throws Exception {
        Thread.sleep(800);
        FxSession.await(30, () -> vm.canvas().imageProperty().get() != null);
        Thread.sleep(400);
    }

    private static void snapshot(FxSession s, Path file, PrintWriter log) throws Exception {
        snapshot(s.stage(), file, log);
    }

    private static void snapshot(Stage stage, Path file, PrintWriter log) throws Exception {
        WritableImage img = FxSession.onFx(() -> stage.getScene().snapshot(null));
        try (OutputStream o = Files.newOutputStream(file)) {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", o);
        }
        log.println("wrote " + file);
        log.flush();
    }
}
