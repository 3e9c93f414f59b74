package io.defectstudio.app.workspace;

import io.defectstudio.app.canvas.CanvasViewModel;
import io.defectstudio.app.task.TaskExecutor;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workstation's state, as small view-models that the views bind to: the {@link WorkspaceSession} (project,
 * model, messages), the {@link ClassList}, the {@link ImageQueue}, the {@link ImageEditor} (the image on screen and
 * its edits), the inspector's {@link Decisions}, the {@link SegmentationLoop}, the {@link FolderImport} and the
 * {@link SharedStation} (other stations' work, on a shared project). This
 * facade only creates them and wires what one does to the next. Every store call runs through the task executor
 * (reads in the background, writes on the one writer thread); results come back on the UI thread. Knows no nodes.
 */
public final class WorkspaceViewModel implements AutoCloseable {

    private final WorkspaceSession session;
    private final ClassList classes;
    private final ImageQueue queue;
    private final SegmentationLoop segmentation;
    private final ImageEditor editor;
    private final Decisions decisions;
    private final FolderImport folderImport;
    private final SharedStation shared;
    private final Sensitivity sensitivity = new Sensitivity();

    public WorkspaceViewModel(TaskExecutor tasks) {
        session = new WorkspaceSession(tasks);
        classes = new ClassList(session);
        queue = new ImageQueue(session);
        segmentation = new SegmentationLoop(session, queue, classes, sensitivity);
        shared = new SharedStation(session, queue, classes);
        editor = new ImageEditor(session, queue, classes, segmentation, shared, sensitivity);
        decisions = new Decisions(session, queue, classes, editor, segmentation);
        folderImport = new FolderImport(session);

        segmentation.setSink(editor::showPrediction);
        classes.setOnActiveRecoloured(editor::restyle);
        queue.setCutAt(sensitivity::cutAt);
        sensitivity.setOnSettled(() -> queue.load(classes.active(), () -> { }));
        classes.activeProperty().addListener((o, a, b) -> {
            if (b != null && (a == null || a.id() != b.id())) {
                sensitivity.classChanged(b.id());
                reloadQueue();
            }
        });
        folderImport.setOnImported(this::reloadQueue);
    }

    /** Shows {@code project} (closing the previous one) and segments with {@code segmentation} (may be null). */
    public void open(ProjectStore project, SegmentationPort engine) {
        closeProject();
        session.open(project, engine);
        sensitivity.modelOpened(engine);
        segmentation.attach();
        shared.attach();
        session.read(project::classes, list -> {
            classes.setAll(list);
            if (list.isEmpty()) {
                reloadQueue();
            }
        });
    }

    /** Re-reads every image's status for the active class, shows the current image again, then segments. */
    public void reloadQueue() {
        queue.load(classes.active(), () -> {
            editor.reshow();
            segmentation.resegment();
        });
    }

    public Optional<Path> projectFolder() {
        return Optional.ofNullable(session.store()).map(ProjectStore::folder);
    }

    private void closeProject() {
        shared.detach();
        session.close();
        // Nothing of the previous project may survive: class ids restart at 1 in every project, so a kept active
        // class would look unchanged to the new one (no queue load) or not exist in it (saving fails).
        classes.clear();
        queue.clear();
        segmentation.clear();
        editor.clear();
    }

    @Override
    public void close() {
        closeProject();
    }

    public WorkspaceSession session() {
        return session;
    }

    public ClassList classes() {
        return classes;
    }

    public ImageQueue queue() {
        return queue;
    }

    public ImageEditor editor() {
        return editor;
    }

    public Decisions decisions() {
        return decisions;
    }

    public SegmentationLoop segmentation() {
        return segmentation;
    }

    public FolderImport folderImport() {
        return folderImport;
    }

    /** The shared project's live updates and claims (inert on a single station's project). */
    public SharedStation shared() {
        return shared;
    }

    /** The threshold the active class's predictions are cut at. */
    public Sensitivity sensitivity() {
        return sensitivity;
    }

    /** The canvas of the image on screen. */
    public CanvasViewModel canvas() {
        return editor.canvas();
    }
}
