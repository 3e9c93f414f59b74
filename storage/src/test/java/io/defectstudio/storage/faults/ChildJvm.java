package io.defectstudio.storage.faults;

import io.defectstudio.storage.PostgresServer;
import io.defectstudio.storage.TestBackend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a test main class in a separate JVM on this JVM's class path: a real second process. */
final class ChildJvm {
    private ChildJvm() {
    }

    static Process start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(PostgresServer.childJvmArguments());
        if (TestBackend.postgres()) {
            command.add("-Dds.test.backend=postgres");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
