package io.defectstudio.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code defect-studio project}: create, inspect and copy projects, on one station or shared on PostgreSQL. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Create, inspect and copy projects (a folder with SQLite, or shared by several stations on a"
                + " PostgreSQL server).",
        subcommands = {ProjectCreateCommand.class, ProjectInfoCommand.class, ProjectCopyCommand.class,
                CommandLine.HelpCommand.class})
public final class ProjectCommand {
}
