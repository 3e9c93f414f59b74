package io.defectstudio.training.eval;

import java.time.Duration;

/**
 * Progress of an evaluation.
 *
 * @param phase "episodes" or "normal images"
 * @param done items scored in this phase
 * @param total items of this phase
 * @param elapsed time since the evaluation started
 * @param remaining estimate for this phase
 */
public record EvalProgress(String phase, int done, int total, Duration elapsed, Duration remaining) {
}
