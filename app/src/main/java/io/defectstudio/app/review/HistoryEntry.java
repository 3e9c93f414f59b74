package io.defectstudio.app.review;

import java.time.Instant;

/**
 * One event in a part's history: a prediction, a mask version, an inspector's decision or a supervisor's verdict.
 *
 * @param who     the model version, inspector or supervisor
 * @param what    what happened, readable
 * @param comment the decision's comment; empty for masks and predictions
 */
public record HistoryEntry(Instant time, String who, String what, String comment) {
}
