package io.defectstudio.app.review;

/** Where a part stands in supervision: awaiting a decision, or the supervisor's latest verdict. */
public enum ReviewStatus {
    PENDING("Pending"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    RELABEL("Relabel");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ReviewStatus of(Verdict v) {
        return switch (v) {
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case RELABEL -> RELABEL;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
