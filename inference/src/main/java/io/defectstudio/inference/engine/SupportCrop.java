package io.defectstudio.inference.engine;

import io.defectstudio.inference.Masks;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * The part of a support image that is encoded: a tile-sized window of the working image, centred on the painted
 * defect, so that the support is seen at the same scale as the query tiles rather than squeezed whole. A defect
 * larger than a tile (with a margin of an eighth on each side) widens the window, which is then shrunk into the tile.
 * A support whose working size is one tile is encoded whole, as without tiling.
 */
final class SupportCrop {

    private SupportCrop() {}

    /** The window in the original image's pixels. */
    static Rectangle of(BufferedImage mask, TileLayout layout) {
        int width = mask.getWidth();
        int height = mask.getHeight();
        Dimension work = layout.workingSize(width, height);
        double sx = (double) work.width / width;
        double sy = (double) work.height / height;
        Rectangle box = defectBounds(mask);
        if (box.isEmpty()) {
            return new Rectangle(0, 0, width, height);
        }
        double side = Math.max(box.width * sx, box.height * sy) * 1.25;
        double cropW = Math.min(work.width, Math.max(layout.tileWidth(), side));
        double cropH = Math.min(work.height, Math.max(layout.tileHeight(), side));
        double cx = (box.x + box.width / 2.0) * sx;
        double cy = (box.y + box.height / 2.0) * sy;
        double x0 = Math.max(0, Math.min(work.width - cropW, cx - cropW / 2));
        double y0 = Math.max(0, Math.min(work.height - cropH, cy - cropH / 2));
        int left = (int) Math.floor(x0 / sx);
        int top = (int) Math.floor(y0 / sy);
        int right = Math.min(width, (int) Math.ceil((x0 + cropW) / sx));
        int bottom = Math.min(height, (int) Math.ceil((y0 + cropH) / sy));
        return new Rectangle(left, top, right - left, bottom - top);
    }

    /** The bounding box of the defect pixels; empty when there are none. */
    static Rectangle defectBounds(BufferedImage mask) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        byte[] row = new byte[mask.getWidth()];
        for (int y = 0; y < mask.getHeight(); y++) {
            Masks.readRow(mask, y, row);
            for (int x = 0; x < row.length; x++) {
                if (row[x] != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        return maxX < 0 ? new Rectangle() : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
