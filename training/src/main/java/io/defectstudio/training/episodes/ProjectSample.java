package io.defectstudio.training.episodes;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import java.awt.image.BufferedImage;

/** One stored image with one version of its mask, read from the project when an episode needs it. */
public record ProjectSample(Project project, Annotation annotation) implements Sample {

    @Override
    public String id() {
        return "image-" + annotation.imageId() + "/class-" + annotation.classId() + "/v" + annotation.version();
    }

    @Override
    public BufferedImage image() {
        return project.images().read(annotation.imageId());
    }

    @Override
    public BufferedImage mask() {
        return project.annotations().readMask(annotation.id());
    }
}
