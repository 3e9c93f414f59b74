package io.defectstudio.storage.images;

import java.time.Instant;

/**
 * One imported image. {@code bitDepth} (8 or 16) and {@code channels} (1 grey, 3 RGB) describe what
 * {@link ImageRepository#read(long)} returns; {@code storePath} is relative to the project folder.
 */
public record ImageRecord(long id, String sha256, String storePath, ImageFormat format, int width, int height,
                          int bitDepth, int channels, long byteSize, String originalFileName, Instant importedAt) {
}
