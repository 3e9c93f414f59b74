package io.defectstudio.app.cli;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code defect-studio project info}: where a project lives and what it holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a project's name, database, schema version and row counts.")
public final class ProjectInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, description = "Project folder.")
    Path folder;

    @Option(names = "--checksums", description = "Also print a SHA-256 per table (to compare two copies).")
    boolean checksums;

    @Mixin
    LoginOptions login;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Project project = ProjectArgs.open(folder, login.options())) {
            out.printf("Project '%s'%n  folder    %s%n  database  %s%s%n  schema    version %d%n", project.name(),
                    project.folder(), project.databaseDescription(), project.isShared() ? " (shared)" : "",
                    project.schemaVersion());
            Map<String, String> sums = checksums ? ProjectCopy.checksums(project) : Map.of();
            ProjectCopy.counts(project).forEach((table, rows) -> out.printf("  %-17s %8d%s%n", table, rows,
                    sums.containsKey(table) ? "  " + sums.get(table) : ""));
        }
        return DefectStudioCli.OK;
    }
}
