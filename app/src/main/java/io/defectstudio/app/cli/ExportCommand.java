package io.defectstudio.app.cli;

import io.defectstudio.storage.Project;
import io.defectstudio.training.datasets.DatasetExporter;
import io.defectstudio.training.datasets.ExportFormat;
import io.defectstudio.training.datasets.ExportReport;
import io.defectstudio.training.datasets.ExportSelection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defect-studio export}: writes a curated selection of a project's masks as a dataset. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a project's masks as a dataset (sd4i, fssd12, coco, coco-polygon, png-masks, yolo-seg,"
                + " voc, labelme)"
                + " with a manifest of provenance and SHA-256 checksums. The same selection always gives"
                + " byte-identical files.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, description = "Project folder.")
    Path project;

    @Option(names = "--out", required = true, description = "Output folder (must not exist or be empty).")
    Path out;

    @Option(names = "--format", defaultValue = "sd4i",
            description = "sd4i, fssd12, coco, coco-polygon, png-masks, yolo-seg, voc or labelme (default:"
                    + " ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--approved-only", description = "Only masks whose latest review approves them.")
    boolean approvedOnly;

    @Option(names = "--class", split = ",", description = "Classes to export (default: all).")
    List<String> classes;

    @Option(names = "--from", description = "First annotation day to include (YYYY-MM-DD, UTC).")
    LocalDate from;

    @Option(names = "--to", description = "Last annotation day to include (YYYY-MM-DD, UTC).")
    LocalDate to;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        ExportFormat fmt = ProjectArgs.userInput(() -> ExportFormat.fromCliName(format));
        ExportSelection selection = approvedOnly ? ExportSelection.approved() : ExportSelection.all();
        if (classes != null && !classes.isEmpty()) {
            selection = selection.withClasses(new LinkedHashSet<>(classes));
        }
        if (from != null || to != null) {
            Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z")
                    : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            selection = selection.between(start, end);
        }
        ExportSelection chosen = selection;
        try (Project p = ProjectArgs.open(project)) {
            ExportReport report = ProjectArgs.userInput(() -> {
                try {
                    return DatasetExporter.export(p, chosen, fmt, out, ProjectArgs.progress(o));
                } catch (IOException e) {
                    throw new CliException(DefectStudioCli.FAILED, "cannot write " + out + ": " + e.getMessage(), e);
                }
            });
            o.printf("Exported %d item(s) as %s into %s: %d file(s), manifest sha256 %s%n", report.items(),
                    report.format().cliName(), report.outDir(), report.files(), report.manifestSha256());
        }
        return DefectStudioCli.OK;
    }
}
