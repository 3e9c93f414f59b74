package io.defectstudio.app.models;

import io.defectstudio.inference.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.io.file.PathUtils;

/**
 * Copies a model bundle built elsewhere (by {@code defect-studio train} or {@code build-matcher}, on another machine)
 * into a project's models folder, so that the project holds every model it can activate. The copy is complete or
 * absent ({@link ModelBundle#write}).
 */
final class BundleCopy {

    private BundleCopy() {
    }

    /** Writes a checked bundle (a folder or a .zip / .dsmodel file) to a new entry of {@code models}. */
    static Path into(Path models, ModelBundle bundle) throws IOException {
        String name = bundle.location().getFileName().toString();
        String extension = Files.isDirectory(bundle.location()) || name.lastIndexOf('.') < 0 ? ""
                : name.substring(name.lastIndexOf('.'));
        Files.createDirectories(models);
        Path target = freeName(models, fileName(bundle.manifest().name()), extension);
        ModelBundle.write(target, bundle.manifest(), bundle.readWeights());
        return target;
    }

    /** Removes a copy again (its registration failed). */
    static void delete(Path path) throws IOException {
        PathUtils.delete(path);
    }

    /** A model name as a portable file name: letters, digits, '.', '-' and '_' ('+' of a backbone pair too). */
    static String fileName(String modelName) {
        String safe = modelName.replaceAll("[^A-Za-z0-9._+-]", "_").replaceAll("^[.]+", "");
        return safe.isEmpty() ? "model" : safe.toLowerCase(Locale.ROOT);
    }

    private static Path freeName(Path models, String base, String extension) {
        Path candidate = models.resolve("added-" + base + extension);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = models.resolve("added-" + base + "-" + n + extension);
        }
        return candidate;
    }
}
