package io.defectstudio.app.queue;

/** Where an image stands in the few-shot flow, for one defect class. */
public enum ImageStatus {
    UNLABELLED("Unlabelled"),
    SUPPORT("Support"),
    PREDICTED("Predicted"),
    ACCEPTED("Accepted"),
    CORRECTED("Corrected"),
    FLAGGED("Flagged");

    private final String label;

    ImageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the image's mask is settled by a person and must not be re-segmented. */
    public boolean isSettled() {
        return this == SUPPORT || this == ACCEPTED || this == CORRECTED;
    }

    /**
     * Derives the status from stored facts. A flag wins (an inspector asked for attention); then the support role;
     * then the inspector's decision; then a model prediction.
     */
    public static ImageStatus derive(StatusFacts f) {
        if (f.flagged()) {
            return FLAGGED;
        }
        if (f.support()) {
            return SUPPORT;
        }
        if (f.accepted()) {
            return f.corrected() ? CORRECTED : ACCEPTED;
        }
        if (f.predicted()) {
            return PREDICTED;
        }
        return UNLABELLED;
    }
}
