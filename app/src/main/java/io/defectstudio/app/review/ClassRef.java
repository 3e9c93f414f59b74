package io.defectstudio.app.review;

/** A defect class as review filters and charts need it. */
public record ClassRef(long id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
