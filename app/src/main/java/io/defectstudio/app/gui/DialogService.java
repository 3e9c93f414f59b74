package io.defectstudio.app.gui;

import io.defectstudio.app.workspace.ImportReport;
import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the window opens, behind one interface so tests can answer them without native choosers. */
public interface DialogService {
    Optional<Path> chooseFolder(String title);

    Optional<String> askText(String title, String prompt, String initial);

    void showImportReport(ImportReport report);

    void showError(String title, String text);

    /** A file to write; by default {@code suggestedName} in a chosen folder. */
    default Optional<Path> chooseSaveFile(String title, String suggestedName) {
        return chooseFolder(title).map(f -> f.resolve(suggestedName));
    }
}
