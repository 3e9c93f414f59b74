package io.defectstudio.app.dialog;

import io.defectstudio.app.workspace.ImportReport;
import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the window opens, behind one interface so tests can answer them without native choosers. */
public interface DialogService {
    Optional<Path> chooseFolder(String title);

    Optional<String> askText(String title, String prompt, String initial);

    /** A database login: the role, and a password that lives only in memory. */
    record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + "]";
        }
    }

    /** Asks for a database role and its password (the password field hides what is typed). */
    Optional<Login> askLogin(String title, String prompt, String initialUser);

    /** Asks a yes / no question; true when the user goes ahead. */
    boolean confirm(String title, String question);

    void showImportReport(ImportReport report);

    void showError(String title, String text);

    /** A failure in words: its message, or what it was when it has none (a dialog never says "null"). */
    default void showError(String title, Throwable failure) {
        String message = failure.getMessage();
        showError(title, message == null || message.isBlank()
                ? failure.getClass().getSimpleName() + " (no details; see the log)" : message);
    }

    /** A file to write; by default {@code suggestedName} in a chosen folder. */
    default Optional<Path> chooseSaveFile(String title, String suggestedName) {
        return chooseFolder(title).map(f -> f.resolve(suggestedName));
    }
}
