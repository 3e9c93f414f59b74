package io.defectstudio.app.dialog;

import io.defectstudio.app.workspace.ImportReport;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
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
    public Optional<Login> askLogin(String title, String prompt, String initialUser) {
        Dialog<Login> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(prompt);
        d.initOwner(owner);
        TextField user = new TextField(initialUser);
        user.setId("login-user");
        PasswordField password = new PasswordField();
        password.setId("login-password");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Database user:"), user);
        grid.addRow(1, new Label("Password:"), password);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().setPrefWidth(520);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setOnShown(e -> (initialUser == null || initialUser.isBlank() ? user : password).requestFocus());
        d.setResultConverter(b -> b == ButtonType.OK && !user.getText().isBlank()
                ? new Login(user.getText().strip(), password.getText()) : null);
        return d.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
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
