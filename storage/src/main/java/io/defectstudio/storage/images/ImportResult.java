package io.defectstudio.storage.images;

/** The stored image, and whether identical bytes had been imported before (then nothing new was stored). */
public record ImportResult(ImageRecord image, boolean duplicate) {
}
