package io.defectstudio.app.models;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.reviews.Review;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.storage.reviews.ReviewRole;
import io.defectstudio.training.episodes.EpisodeSource;
import io.defectstudio.training.episodes.ProjectSample;
import io.defectstudio.training.episodes.Sample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Episodes from a project: for each chosen class, the images whose latest mask a person made (painted, corrected,
 * accepted or imported), minus the parts a supervisor rejected or sent back for relabelling. Images and masks are
 * read when an episode needs them.
 */
public final class AcceptedMasksSource implements EpisodeSource {
    private final List<String> classNames;
    private final Map<String, List<Sample>> samples = new HashMap<>();

    public AcceptedMasksSource(Project project, List<String> classNames) {
        this.classNames = List.copyOf(classNames);
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
        for (String name : this.classNames) {
            Long id = ids.get(name);
            if (id == null) {
                throw new IllegalArgumentException("The project has no class " + name);
            }
            List<Sample> list = project.annotations().latestForClass(id).stream()
                    .filter(a -> usable(a, verdicts.get(a.imageId() + "/" + a.classId())))
                    .map(a -> (Sample) new ProjectSample(project, a))
                    .toList();
            samples.put(name, list);
        }
    }

    /** A verdict older than the mask was about an earlier version; only a current reject or relabel excludes. */
    private static boolean usable(Annotation a, Review verdict) {
        return verdict == null || verdict.decision() == ReviewDecision.APPROVE
                || verdict.createdAt().isBefore(a.createdAt());
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public List<Sample> samples(String className) {
        return samples.getOrDefault(className, List.of());
    }

    @Override
    public List<Sample> normalSamples() {
        return List.of();
    }
}
