package io.defectstudio.training.episodes;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.classes.DefectClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Episodes from a project database: the inspectors' supports, corrections and imported masks. Each image contributes
 * the newest version of its mask per class; a newest mask with defect pixels is a sample of its class, an empty one
 * (an inspector cleared the prediction) makes the image a defect-free example.
 */
public final class ProjectEpisodeSource extends GroupedEpisodeSource {

    public ProjectEpisodeSource(Project project) {
        super(new LinkedHashMap<>());
        Set<Long> normalImages = new LinkedHashSet<>();
        for (DefectClass defectClass : project.classes().list()) {
            List<Sample> samples = new ArrayList<>();
            for (Annotation a : project.annotations().latestForClass(defectClass.id())) {
                if (a.defectPixels() > 0) {
                    samples.add(new ProjectSample(project, a));
                } else if (normalImages.add(a.imageId())) {
                    normals.add(new ProjectSample(project, a));
                }
            }
            if (!samples.isEmpty()) {
                classes.put(defectClass.name(), samples);
            }
        }
    }

    @Override
    protected String origin() {
        return "the project";
    }
}
