package io.defectstudio.app.cli;

import io.defectstudio.storage.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code defect-studio project create}: a new, empty project. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an empty project: in a folder (SQLite), or with --postgres in an empty PostgreSQL"
                + " database that several stations share, its images in a folder every station mounts.")
public final class ProjectCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"--images", "--folder"}, required = true, description = "The project folder; for a shared"
            + " project, the folder every station mounts, which holds the images.")
    Path folder;

    @Option(names = "--name", required = true, description = "The project's name.")
    String name;

    @Option(names = "--postgres", description = "JDBC URL of an empty PostgreSQL database, without a password,"
            + " e.g. jdbc:postgresql://db.line3/defects.")
    String postgres;

    @Mixin
    LoginOptions login;

    @Override
    public Integer call() {
        try (Project project = ProjectArgs.create(folder, () -> postgres == null
                ? Project.create(folder, name)
                : Project.createShared(folder, postgres, name, login.options()))) {
            spec.commandLine().getOut().printf("Created project '%s' in %s (%s)%n", project.name(), project.folder(),
                    project.databaseDescription());
        }
        return DefectStudioCli.OK;
    }
}
