package io.defectstudio.app.models;

import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.training.adapt.BundleOpener;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.eval.EvalListener;
import io.defectstudio.training.eval.EvalReport;
import io.defectstudio.training.eval.Evaluator;
import java.nio.file.Path;
import java.util.List;

/** Scores a bundle with the training module's {@link Evaluator} through the shipped segmenter (benchmark rules). */
public final class BenchmarkModelEvaluator implements ModelEvaluator {
    @Override
    public EvalReport evaluate(Path bundle, List<Episode> episodes) {
        try (Segmenter segmenter = BundleOpener.open(ModelBundle.load(bundle), InferenceOptions.defaults())) {
            return Evaluator.evaluate(segmenter, episodes, 0, List.of(), List.of(), EvalListener.NONE);
        }
    }
}
