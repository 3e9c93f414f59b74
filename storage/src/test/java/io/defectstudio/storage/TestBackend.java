package io.defectstudio.storage;

import java.nio.file.Path;

/**
 * The backend the portable storage tests run on: SQLite by default, PostgreSQL when the build runs the suite a second
 * time with {@code -Dds.test.backend=postgres} (a fresh database on {@link PostgresServer} per project).
 */
public final class TestBackend {
    private TestBackend() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("ds.test.backend"));
    }

    public static Project create(Path folder, String name) {
        return create(folder, name, ProjectOptions.defaults());
    }

    public static Project create(Path folder, String name, ProjectOptions options) {
        return postgres()
                ? Project.createShared(folder, PostgresServer.shared().newDatabase(), name, options)
                : Project.create(folder, name, options);
    }
}
