package io.defectstudio.app.queue;

/**
 * The stored facts about one image and class that decide its status.
 *
 * @param support   the latest annotation is a support annotation
 * @param accepted  the inspector accepted a mask
 * @param corrected the accepted mask was painted by the inspector rather than taken as predicted
 * @param predicted a prediction for the current support set exists
 * @param flagged   the latest review flags the image
 */
public record StatusFacts(boolean support, boolean accepted, boolean corrected, boolean predicted, boolean flagged) {
    public static final StatusFacts NONE = new StatusFacts(false, false, false, false, false);
}
