package io.defectstudio.training.eval;

/** Receives evaluation progress (the CLI and the app draw it as a progress bar). */
@FunctionalInterface
public interface EvalListener {

    EvalListener NONE = progress -> { };

    void onProgress(EvalProgress progress);
}
