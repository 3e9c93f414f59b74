package io.defectstudio.storage.classes;

import java.time.Instant;

/** A kind of defect, with the colour it is painted in ({@code #rrggbb}). */
public record DefectClass(long id, String name, String colourHex, String description, Instant createdAt) {
}
