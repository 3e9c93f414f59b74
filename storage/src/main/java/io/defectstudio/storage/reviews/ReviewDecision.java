package io.defectstudio.storage.reviews;

/** An inspector's verdict on a mask: accept it, reject it, or send it back for relabelling. */
public enum ReviewDecision {
    APPROVE,
    REJECT,
    RELABEL
}
