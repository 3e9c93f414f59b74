package io.defectstudio.app.queue;

/** Where an image stands in the few-shot flow, for one defect class. */
public enum ImageStatus {
    UNLABELLED("Unlabelled"),
    SUPPORT("Support"),
    PREDICTED("Predicted"),
    /** A prediction that found no defect: "Predicted 99 %" would read as a confident defect. */
    PREDICTED_CLEAN("No defect"),
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

    /** True for a model's prediction, with or without a defect in it. */
    public boolean isPrediction() {
        return this == PREDICTED || this == PREDICTED_CLEAN;
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
