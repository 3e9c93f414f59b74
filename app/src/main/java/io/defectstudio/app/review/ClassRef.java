package io.defectstudio.app.review;

/** A defect class as review filters and charts need it: its charts use its colour, as the workstation does. */
public record ClassRef(long id, String name, String colourHex) {

    /** A class shown in the neutral grey of charts without a class colour. */
    public ClassRef(long id, String name) {
        this(id, name, "#7F8C8D");
    }

    @Override
    public String toString() {
        return name;
    }
}
