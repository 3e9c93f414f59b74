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
import java.util.concurrent.Callable;

/** {@code defect-studio project copy}: moves a project between SQLite and PostgreSQL, proving nothing was lost. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = "Copy a project into a new one (SQLite, or with --postgres a shared project), then check that"
                + " every table's count and checksum and every image match. The source is only read.")
public final class ProjectCopyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, description = "The project to copy.")
    Path from;

    @Option(names = "--to", required = true, description = "The new project's folder (for a shared project, the"
            + " folder every station mounts).")
    Path to;

    @Option(names = "--postgres", description = "JDBC URL of an empty PostgreSQL database for the copy.")
    String postgres;

    @Mixin
    LoginOptions login;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Project source = ProjectArgs.open(from, login.options());
             Project target = ProjectArgs.create(to, () -> postgres == null
                     ? Project.create(to, source.name())
                     : Project.createShared(to, postgres, source.name(), login.options()))) {
            ProjectCopy.Report report = ProjectCopy.copy(source, target, done -> {
                out.printf("  [%d/%d] tables copied%n", done, ProjectCopy.tableCount());
                out.flush();
            });
            out.printf("Copied '%s' to %s (%s): %d image files, checked%n", target.name(), target.folder(),
                    target.databaseDescription(), report.imageFiles());
            report.rows().forEach((table, rows) -> out.printf("  %-17s %8d  %s%n", table, rows,
                    report.checksums().get(table)));
        }
        return DefectStudioCli.OK;
    }
}
