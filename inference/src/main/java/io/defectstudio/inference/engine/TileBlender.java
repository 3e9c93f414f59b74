package io.defectstudio.inference.engine;

/** Accumulates tile probabilities into one working-size map, weighted by {@link TileLayout#ramp} at the seams. */
final class TileBlender {

    private final int width;
    private final int height;
    private final float[] sum;
    private final float[] weight;
    private final float[] rampX;
    private final float[] rampY;

    TileBlender(int width, int height, int tileWidth, int tileHeight) {
        this.width = width;
        this.height = height;
        this.sum = new float[width * height];
        this.weight = new float[width * height];
        this.rampX = TileLayout.ramp(tileWidth);
        this.rampY = TileLayout.ramp(tileHeight);
    }

    /** Adds one tile's row-major probabilities at origin {@code (x0, y0)}; parts outside the image are dropped. */
    void add(float[] tile, int offset, int x0, int y0) {
        int tw = rampX.length;
        for (int y = 0; y < rampY.length && y0 + y < height; y++) {
            int row = (y0 + y) * width + x0;
            for (int x = 0; x < tw && x0 + x < width; x++) {
                float w = rampY[y] * rampX[x];
                sum[row + x] += w * tile[offset + y * tw + x];
                weight[row + x] += w;
            }
        }
    }

    /** The blended map, row-major, {@code width x height}. */
    float[] probability() {
        float[] p = new float[sum.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weight[i] > 0 ? sum[i] / weight[i] : 0f;
        }
        return p;
    }
}
