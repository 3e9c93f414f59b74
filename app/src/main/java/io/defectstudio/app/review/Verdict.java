package io.defectstudio.app.review;

/** A line supervisor's decision on an inspected part. */
public enum Verdict {
    APPROVE("Approved"),
    REJECT("Rejected"),
    RELABEL("Relabel");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
