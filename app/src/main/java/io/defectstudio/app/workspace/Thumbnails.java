package io.defectstudio.app.workspace;

import io.defectstudio.inference.IntensityScale;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small previews for the queue, scaled once and kept in a bounded LRU cache. Pure Java; call off the UI thread. */
public final class Thumbnails {
    public static final int SIZE = 64;
    private static final int CAPACITY = 512;

    private final Map<Long, BufferedImage> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BufferedImage> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized BufferedImage get(ProjectStore store, long imageId) {
        BufferedImage t = cache.get(imageId);
        if (t == null) {
            t = scale(store.readImage(imageId));
            cache.put(imageId, t);
        }
        return t;
    }

    /** Scales so the longer side is {@link #SIZE}; deeper images are first read in 8 bits by {@link IntensityScale}. */
    static BufferedImage scale(BufferedImage src) {
        double f = (double) SIZE / Math.max(src.getWidth(), src.getHeight());
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(IntensityScale.toEightBit(src), 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
