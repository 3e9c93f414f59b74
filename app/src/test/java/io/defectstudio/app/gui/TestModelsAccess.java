package io.defectstudio.app.gui;

import java.nio.file.Path;

/** Lets tests outside this package use {@link TestModels}. */
public final class TestModelsAccess {
    private TestModelsAccess() {
    }

    public static Path bundle(Path dir) throws Exception {
        return TestModels.bundle(dir);
    }
}
