package io.defectstudio.inference.engine;

import java.awt.Dimension;

/**
 * Where an image is segmented: its working size and the network-input tiles that cover it.
 *
 * <p>The working scale is {@code s = min(1, detail / max(W, H))}: an image is shrunk until its longer side is the
 * detail, never enlarged past its native size, and then each side is raised to at least one tile (the network's input
 * size), as small images always were. An image no larger than the detail is thus segmented at its native resolution;
 * one whose working size is a single tile is squeezed into it exactly as without tiling. Tiles overlap by a quarter
 * of their size, so that every seam lies where both neighbours see context, and are spread evenly.
 */
public record TileLayout(int tileWidth, int tileHeight, int detail) {

    public TileLayout {
        if (tileWidth < 1 || tileHeight < 1 || detail < 1) {
            throw new IllegalArgumentException("tile " + tileWidth + "x" + tileHeight + " and detail " + detail
                    + " must be positive");
        }
    }

    /** The working size of a {@code width x height} image. */
    public Dimension workingSize(int width, int height) {
        double s = Math.min(1.0, (double) detail / Math.max(width, height));
        return new Dimension(Math.max(tileWidth, (int) Math.round(width * s)),
                Math.max(tileHeight, (int) Math.round(height * s)));
    }

    /** Tile origins along the x axis of a working image {@code length} pixels wide. */
    public int[] columns(int length) {
        return origins(length, tileWidth);
    }

    /** Tile origins along the y axis. */
    public int[] rows(int length) {
        return origins(length, tileHeight);
    }

    private static int[] origins(int length, int tile) {
        if (length <= tile) {
            return new int[] {0};
        }
        int stride = tile - tile / 4;
        int count = (int) Math.ceil((double) (length - tile) / stride) + 1;
        int[] origins = new int[count];
        for (int i = 0; i < count; i++) {
            origins[i] = (int) Math.round((double) i * (length - tile) / (count - 1));
        }
        return origins;
    }

    /**
     * Blending weight along one tile axis: rising linearly over the quarter-tile overlap from each edge, so that across
     * a seam each tile's say fades out as the neighbour's fades in. Never zero, so an edge seen by one tile only keeps
     * that tile's value.
     */
    static float[] ramp(int tile) {
        float[] w = new float[tile];
        float overlap = Math.max(1, tile / 4);
        for (int i = 0; i < tile; i++) {
            w[i] = Math.min(1f, (Math.min(i, tile - 1 - i) + 1) / overlap);
        }
        return w;
    }
}
