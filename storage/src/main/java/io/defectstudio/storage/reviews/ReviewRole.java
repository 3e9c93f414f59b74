package io.defectstudio.storage.reviews;

/** Who made a review decision: the inspector working the queue, or a line supervisor checking the inspection. */
public enum ReviewRole {
    INSPECTOR,
    SUPERVISOR
}
