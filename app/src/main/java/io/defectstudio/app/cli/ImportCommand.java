package io.defectstudio.app.cli;

import io.defectstudio.storage.Project;
import io.defectstudio.training.datasets.DatasetImporter;
import io.defectstudio.training.datasets.ImportFormat;
import io.defectstudio.training.datasets.ImportReport;
import io.defectstudio.training.datasets.SkippedEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defect-studio import}: brings a labelled dataset into a project; bad entries are listed and skipped. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a dataset folder (auto, sd4i, fssd12, coco, png-masks, pairs, labelme, yolo-seg, voc)"
                + " into a project. "
                + "Everything is checked first; bad entries are reported and skipped, and a failure stores nothing.")
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, description = "Project folder.")
    Path project;

    @Option(names = "--create", paramLabel = "NAME",
            description = "Create the project (SQLite) with this name first if the folder holds none.")
    String create;

    @Option(names = "--source", required = true, description = "Dataset folder to import.")
    Path source;

    @Option(names = "--format", defaultValue = "auto", description = "Layout (default: ${DEFAULT-VALUE}, detected).")
    String format;

    @Option(names = "--author", defaultValue = "${sys:user.name}", description = "Author recorded on the masks.")
    String author;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        ImportFormat fmt = ProjectArgs.userInput(() -> ImportFormat.fromCliName(format));
        try (Project p = create != null && !Project.exists(project)
                ? ProjectArgs.create(project, () -> Project.create(project, create)) : ProjectArgs.open(project)) {
            ImportReport report = ProjectArgs.userInput(() -> {
                try {
                    return DatasetImporter.importInto(p, source, fmt, author, ProjectArgs.progress(o));
                } catch (IOException e) {
                    throw new CliException(DefectStudioCli.BAD_INPUT, "cannot read " + source + ": " + e.getMessage(),
                            e);
                }
            });
            o.printf("Imported %d entr%s as %s; skipped %d%n", report.imported(), report.imported() == 1 ? "y" : "ies",
                    report.format().cliName(), report.skipped().size());
            for (SkippedEntry s : report.skipped()) {
                o.println("  skipped " + s);
            }
            for (SkippedEntry s : report.keptCorrections()) {
                o.println("  kept a correction: " + s);
            }
        }
        return DefectStudioCli.OK;
    }
}
