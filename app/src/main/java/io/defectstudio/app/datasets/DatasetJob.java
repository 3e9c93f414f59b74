package io.defectstudio.app.datasets;

import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.training.datasets.DatasetExporter;
import io.defectstudio.training.datasets.DatasetImporter;
import io.defectstudio.training.datasets.ExportFormat;
import io.defectstudio.training.datasets.ExportReport;
import io.defectstudio.training.datasets.ExportSelection;
import io.defectstudio.training.datasets.ImportFormat;
import io.defectstudio.training.datasets.ImportReport;
import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.SkippedEntry;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A dataset import into the open project, or an export out of it, as a background job the user watches and may
 * cancel: progress, the current step, then the report (what went in or out, and every skipped entry with its
 * reason). A cancelled or failed import stores nothing (the importer checks everything first and stores in one
 * transaction); a cancelled export leaves no folder behind. The same services as {@code defect-studio import} and
 * {@code export}.
 */
public final class DatasetJob {
    private final Path projectFolder;
    private final ProjectOptions login;
    private final TaskExecutor tasks;
    private final Runnable onImported;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> skipped = FXCollections.observableArrayList();

    /** @param onImported runs on the UI thread after an import stored something (the workstation reloads) */
    public DatasetJob(Path projectFolder, ProjectOptions login, TaskExecutor tasks, Runnable onImported) {
        this.projectFolder = projectFolder;
        this.login = login;
        this.tasks = tasks;
        this.onImported = onImported;
    }

    /** Imports a dataset folder (layout detected with {@link ImportFormat#AUTO}), recording {@code author}. */
    public void importFrom(Path source, ImportFormat format, String author) {
        begin("Checking " + source.getFileName() + "…");
        tasks.execute(() -> {
            try (Project project = Project.open(projectFolder, login)) {
                return DatasetImporter.importInto(project, source, format, author, listener());
            }
        }, this::imported, this::failed);
    }

    /** Exports the project's latest masks into {@code target}, which must not exist or be empty. */
    public void exportTo(Path target, ExportFormat format, boolean approvedOnly) {
        begin("Exporting to " + target.getFileName() + "…");
        ExportSelection selection = approvedOnly ? ExportSelection.approved() : ExportSelection.all();
        tasks.execute(() -> {
            try (Project project = Project.open(projectFolder, login)) {
                return DatasetExporter.export(project, selection, format, target, listener());
            }
        }, this::exported, this::failed);
    }

    /** Stops the job at its next step. */
    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
            message.set("Cancelling…");
        }
    }

    private void begin(String text) {
        cancelled.set(false);
        skipped.clear();
        progress.set(0);
        running.set(true);
        message.set(text);
    }

    private ProgressListener listener() {
        return (done, total, step) -> {
            if (cancelled.get()) {
                throw new CancellationException("cancelled");
            }
            tasks.runOnUi(() -> {
                progress.set(total == 0 ? 0 : (double) done / total);
                message.set(step);
            });
        };
    }

    private void imported(ImportReport report) {
        running.set(false);
        progress.set(1);
        report.skipped().forEach(s -> skipped.add(describe(s)));
        report.keptCorrections().forEach(s -> skipped.add("kept a person's correction: " + describe(s)));
        int kept = report.keptCorrections().size();
        message.set("Imported " + report.imported() + " mask(s) as " + report.format().cliName() + "; skipped "
                + report.skipped().size() + (kept == 0 ? "" : "; kept " + kept + " mask(s) a person had corrected"));
        if (report.imported() > 0) {
            onImported.run();
        }
    }

    private void exported(ExportReport report) {
        running.set(false);
        progress.set(1);
        message.set("Exported " + report.items() + " item(s), " + report.files() + " file(s), to " + report.outDir());
    }

    private static String describe(SkippedEntry s) {
        return s.entry() + ": " + s.reason();
    }

    private void failed(Throwable t) {
        running.set(false);
        message.set(t instanceof CancellationException || t.getCause() instanceof CancellationException
                ? "Cancelled: nothing was stored or written"
                : "Failed: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The entries the last job skipped, each with its reason. */
    public ObservableList<String> skipped() {
        return skipped;
    }
}
