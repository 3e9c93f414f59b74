package io.defectstudio.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The file in a shared project's folder that says which PostgreSQL database holds the project. It holds the JDBC URL
 * and nothing secret: each station's password comes from its own {@code ~/.pgpass} or a prompt.
 */
public record SharedProjectFile(Path file, String jdbcUrl) {
    public static final String NAME = "shared-project.properties";
    private static final String URL_KEY = "jdbc-url";

    public SharedProjectFile {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("a shared project needs the database's JDBC URL");
        }
    }

    public static Path in(Path folder) {
        return folder.resolve(NAME);
    }

    public static SharedProjectFile read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageIoException(file + ": cannot read the shared project's description: " + e.getMessage(), e);
        }
        String url = properties.getProperty(URL_KEY);
        if (url == null || url.isBlank()) {
            throw new ProjectFolderException(file, "names no database (" + URL_KEY + " is missing)");
        }
        return new SharedProjectFile(file, url.strip());
    }

    /** Writes the file atomically, so that a station never reads half of it. */
    public void write() {
        Properties properties = new Properties();
        properties.setProperty(URL_KEY, jdbcUrl);
        Path temporary = file.resolveSibling(NAME + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "Defect Studio shared project: the database that holds it (no password here;"
                        + " each station keeps its own in ~/.pgpass)");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AccessDeniedException e) {
            throw new ReadOnlyProjectException(file, "cannot describe the shared project", e);
        } catch (IOException e) {
            throw new StorageIoException(file + ": cannot describe the shared project: " + e.getMessage(), e);
        }
    }
}
