package io.defectstudio.app.workspace;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Project > Import folder…: a {@link FolderImporter} run on the writer thread, with its progress and its report. */
public final class FolderImport {

    private final WorkspaceSession session;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyObjectWrapper<ImportReport> lastReport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Runnable onImported = () -> { };

    FolderImport(WorkspaceSession session) {
        this.session = session;
    }

    void setOnImported(Runnable action) {
        onImported = action;
    }

    /** Imports every file of {@code folder}; bad files are listed in {@link #lastReportProperty()}. */
    public void run(Path folder) {
        ProjectStore s = session.store();
        if (s == null) {
            return;
        }
        progress.set(0);
        busy.set(true);
        session.say("Importing " + folder);
        session.write(() -> new FolderImporter(s).importFiles(FolderImporter.listFiles(folder),
                (done, total) -> session.runOnUi(() -> progress.set((double) done / total))), report -> {
                    finish();
                    lastReport.set(report);
                    session.say("Import: " + report.summary());
                    onImported.run();
                }, this::finish);
    }

    private void finish() {
        progress.set(-1);
        busy.set(false);
    }

    /** Import progress 0..1, or -1 when no import runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
