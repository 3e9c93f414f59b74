package io.defectstudio.storage.masks;

import io.defectstudio.storage.MaskSizeMismatchException;
import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.db.Jdbc;

import java.awt.image.BufferedImage;
import java.sql.Connection;
import java.sql.SQLException;

/** A mask normalised and PNG-encoded ahead of the write transaction, with the size it must match. */
public record EncodedMask(int width, int height, long defectPixels, byte[] png) {

    public static EncodedMask of(BufferedImage mask) {
        if (mask == null) {
            throw new IllegalArgumentException("mask must not be null");
        }
        BufferedImage normalised = MaskCodec.normalise(mask);
        return new EncodedMask(normalised.getWidth(), normalised.getHeight(), MaskCodec.defectPixels(normalised),
                MaskCodec.encode(normalised));
    }

    /** Checks the mask against the stored size of image {@code imageId}, inside the caller's transaction. */
    public void requireSizeOf(Connection c, long imageId) throws SQLException {
        record Size(int width, int height, String file) {
        }
        Size size = Jdbc.one(c, "SELECT width, height, original_name FROM image WHERE id = ?",
                rs -> new Size(rs.getInt(1), rs.getInt(2), rs.getString(3)), imageId)
                .orElseThrow(() -> new NotFoundException("image", imageId));
        if (size.width() != width || size.height() != height) {
            throw new MaskSizeMismatchException(imageId, size.file(), size.width(), size.height(), width, height);
        }
    }
}
