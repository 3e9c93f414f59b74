package io.defectstudio.app.cli;

import io.defectstudio.inference.DeviceChoice;
import picocli.CommandLine.Option;

/** Where the engine runs, declared once for every command that runs it (eval, bench). */
final class EngineArgs {
    @Option(names = "--device", defaultValue = "AUTO", description = "AUTO, CPU or GPU.")
    DeviceChoice device;

    @Option(names = "--threads", defaultValue = "0", description = "Engine intra-op threads (0 = engine default).")
    int threads;
}
