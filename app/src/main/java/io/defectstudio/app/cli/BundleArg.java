package io.defectstudio.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model bundle a command works on (eval, calibrate), declared once. */
final class BundleArg {
    @Option(names = "--model", required = true, description = "Model bundle (folder or .dsmodel file).")
    Path model;
}
