package io.defectstudio.app.models;

import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.eval.EvalReport;
import java.nio.file.Path;
import java.util.List;

/** Scores one model bundle on an episode set. */
@FunctionalInterface
public interface ModelEvaluator {
    EvalReport evaluate(Path bundle, List<Episode> episodes);
}
