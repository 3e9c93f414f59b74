package io.defectstudio.training.episodes;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.reviews.Review;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.storage.reviews.ReviewRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Episodes from a project database, for the chosen classes: each image contributes the newest version of its mask per
 * class that a person made (painted, corrected, accepted or imported), unless a supervisor's current verdict rejected
 * it or sent it back for relabelling. A newest mask with defect pixels is a sample of its class; an empty one (an
 * inspector cleared the prediction) makes the image a defect-free example. Images and masks are read when an episode
 * needs them.
 */
public final class ProjectEpisodeSource extends GroupedEpisodeSource {

    /** @throws IllegalArgumentException for a class the project does not have */
    public ProjectEpisodeSource(Project project, List<String> classNames) {
        super(new LinkedHashMap<>());
        Map<String, Long> ids = new HashMap<>();
        for (DefectClass c : project.classes().list()) {
            ids.put(c.name(), c.id());
        }
        Map<String, Review> verdicts = new HashMap<>();
        for (Review r : project.reviews().list()) {
            if (r.role() == ReviewRole.SUPERVISOR) {
                verdicts.put(r.imageId() + "/" + r.classId(), r);
            }
        }
        Set<Long> normalImages = new LinkedHashSet<>();
        for (String name : classNames) {
            Long id = ids.get(name);
            if (id == null) {
                throw new IllegalArgumentException("The project has no class " + name);
            }
            List<Sample> samples = new ArrayList<>();
            for (Annotation a : project.annotations().latestForClass(id)) {
                if (!usable(a, verdicts.get(a.imageId() + "/" + a.classId()))) {
                    continue;
                }
                if (a.defectPixels() > 0) {
                    samples.add(new ProjectSample(project, a));
                } else if (normalImages.add(a.imageId())) {
                    normals.add(new ProjectSample(project, a));
                }
            }
            classes.put(name, samples);
        }
    }

    /** Every class of the project. */
    public static ProjectEpisodeSource allClasses(Project project) {
        return new ProjectEpisodeSource(project, project.classes().list().stream().map(DefectClass::name).toList());
    }

    /** A verdict older than the mask was about an earlier version; only a current reject or relabel excludes. */
    private static boolean usable(Annotation a, Review verdict) {
        return verdict == null || verdict.decision() == ReviewDecision.APPROVE
                || verdict.createdAt().isBefore(a.createdAt());
    }

    @Override
    protected String origin() {
        return "the project";
    }
}
