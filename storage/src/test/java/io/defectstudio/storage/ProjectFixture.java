package io.defectstudio.storage;

import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.images.ImageRecord;

import java.io.IOException;
import java.nio.file.Path;

/** A project with one defect class and one imported image of the given size. */
public record ProjectFixture(Project project, DefectClass defectClass, ImageRecord image) implements AutoCloseable {

    public static ProjectFixture create(Path folder, int width, int height) throws IOException {
        return create(folder, width, height, ProjectOptions.defaults());
    }

    public static ProjectFixture create(Path folder, int width, int height, ProjectOptions options)
            throws IOException {
        Project project = TestBackend.create(folder.resolve("project"), "fixture", options);
        DefectClass scratch = project.classes().create("scratch", "#ff0000", "long thin marks");
        Path file = TestImages.write(folder.resolve("source/tile.png"), TestImages.grey16(width, height), "png");
        ImageRecord image = project.images().importFile(file).image();
        return new ProjectFixture(project, scratch, image);
    }

    @Override
    public void close() {
        project.close();
    }
}
