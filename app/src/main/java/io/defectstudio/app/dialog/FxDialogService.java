package io.defectstudio.app.dialog;

import io.defectstudio.app.workspace.ImportReport;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Dialogs with JavaFX choosers and alerts. */
public class FxDialogService implements DialogService {
    private Window owner;
    private final ChooserStart start = new ChooserStart(Path.of(System.getProperty("user.home")));

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        c.setInitialDirectory(start.folder().toFile());
        Optional<Path> chosen = Optional.ofNullable(c.showDialog(owner)).map(File::toPath);
        chosen.ifPresent(start::chose);
        return chosen;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle(title);
        c.setInitialFileName(suggestedName);
        c.setInitialDirectory(start.folder().toFile());
        Optional<Path> chosen = Optional.ofNullable(c.showSaveDialog(owner)).map(File::toPath);
        chosen.ifPresent(start::chose);
        return chosen;
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setTitle(title);
        // The question goes in the header, which wraps: as content text a long prompt made the dialog wider than
        // the screen.
        d.setHeaderText(prompt);
        d.setGraphic(null);
        d.getDialogPane().setPrefWidth(520);
        d.initOwner(owner);
        return d.showAndWait().filter(s -> !s.isBlank());
    }

    @Override
    public void showImportReport(ImportReport report) {
        Alert a = new Alert(report.skipped().isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        a.initOwner(owner);
        a.setTitle("Import report");
        a.setHeaderText(report.summary());
        if (!report.skipped().isEmpty()) {
            ListView<String> list = new ListView<>();
            list.setId("import-skipped");
            report.skipped().forEach(s -> list.getItems().add(s.file().getFileName() + ": " + s.reason()));
            list.setPrefHeight(Math.min(300, 30 + 26 * report.skipped().size()));
            a.getDialogPane().setContent(list);
        }
        a.show();
    }

    @Override
    public void showError(String title, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text);
        a.initOwner(owner);
        a.setTitle(title);
        a.show();
    }
}
