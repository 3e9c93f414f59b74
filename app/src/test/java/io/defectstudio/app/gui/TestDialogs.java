package io.defectstudio.app.gui;

import io.defectstudio.app.dialog.FxDialogService;
import io.defectstudio.app.workspace.ImportReport;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers the window's dialogs from prepared values (native choosers cannot run headless) and records reports. */
public final class TestDialogs extends FxDialogService {
    final Deque<Path> folders = new ArrayDeque<>();
    final Deque<String> texts = new ArrayDeque<>();
    final List<ImportReport> reports = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final Deque<Login> logins = new ArrayDeque<>();
    /** The prompts of the login dialogs the window asked, in order. */
    final List<String> loginPrompts = new ArrayList<>();

    /** The errors the window reported, as "title: text". */
    public List<String> errors() {
        return errors;
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.ofNullable(folders.poll());
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        return Optional.ofNullable(texts.poll());
    }

    /** The answers to confirmation questions, in order (none left: cancel). */
    final Deque<Boolean> confirmations = new ArrayDeque<>();
    final List<String> questions = new ArrayList<>();

    /** The folders the folder chooser answers with, in order (none left: cancelled). */
    public Deque<Path> folders() {
        return folders;
    }

    public Deque<Boolean> confirmations() {
        return confirmations;
    }

    public List<String> questions() {
        return questions;
    }

    @Override
    public boolean confirm(String title, String question) {
        questions.add(question);
        return Boolean.TRUE.equals(confirmations.poll());
    }

    @Override
    public Optional<Login> askLogin(String title, String prompt, String initialUser) {
        loginPrompts.add(prompt);
        return Optional.ofNullable(logins.poll());
    }

    @Override
    public void showImportReport(ImportReport report) {
        reports.add(report);
        super.showImportReport(report);
    }

    @Override
    public void showError(String title, String text) {
        errors.add(title + ": " + text);
    }
}
