package io.defectstudio.app.canvas;

import io.defectstudio.app.paint.DirtyRect;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A large image as a grid of 256x256 WritableImages. Prism re-uploads a whole texture when an image changes, so a
 * single 4096x4096 overlay would move 64 MB per frame while painting; with tiles only the touched ones are updated
 * and only their screen area is redrawn.
 */
final class TiledImage {
    static final int TILE = 256;

    private final Group group = new Group();
    private final List<WritableImage> tiles = new ArrayList<>();
    private int width;
    private int height;
    private int cols;

    TiledImage() {
        group.setAutoSizeChildren(false);
        group.setManaged(false);
    }

    Group node() {
        return group;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Starts over with transparent tiles covering width x height. */
    void reset(int w, int h) {
        width = w;
        height = h;
        cols = (w + TILE - 1) / TILE;
        int rows = (h + TILE - 1) / TILE;
        tiles.clear();
        List<ImageView> views = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                WritableImage img = new WritableImage(Math.min(TILE, w - c * TILE), Math.min(TILE, h - r * TILE));
                tiles.add(img);
                ImageView v = new ImageView(img);
                v.setSmooth(false);
                views.add(v);
            }
        }
        group.getChildren().setAll(views);
    }

    /**
     * Places the tiles for image-to-screen scale {@code s} and translation (tx, ty). Tile edges are snapped to whole
     * screen pixels so neighbouring tiles meet without an anti-aliased seam.
     */
    void place(double s, double tx, double ty) {
        for (int i = 0; i < group.getChildren().size(); i++) {
            ImageView v = (ImageView) group.getChildren().get(i);
            int c = i % cols;
            int r = i / cols;
            double x0 = Math.round(tx + c * TILE * s);
            double y0 = Math.round(ty + r * TILE * s);
            double x1 = Math.round(tx + (c * TILE + v.getImage().getWidth()) * s);
            double y1 = Math.round(ty + (r * TILE + v.getImage().getHeight()) * s);
            v.setLayoutX(x0);
            v.setLayoutY(y0);
            v.setFitWidth(Math.max(1, x1 - x0));
            v.setFitHeight(Math.max(1, y1 - y0));
        }
    }

    void clear() {
        width = 0;
        height = 0;
        tiles.clear();
        group.getChildren().clear();
    }

    /** Writes premultiplied BGRA pixels of {@code rect} (row stride rect.width*4) into the tiles it covers. */
    void write(DirtyRect rect, byte[] bgra) {
        if (tiles.isEmpty() || rect.isEmpty()) {
            return;
        }
        int c0 = rect.x() / TILE;
        int c1 = (rect.maxX() - 1) / TILE;
        int r0 = rect.y() / TILE;
        int r1 = (rect.maxY() - 1) / TILE;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int x0 = Math.max(rect.x(), c * TILE);
                int y0 = Math.max(rect.y(), r * TILE);
                int x1 = Math.min(rect.maxX(), Math.min(width, (c + 1) * TILE));
                int y1 = Math.min(rect.maxY(), Math.min(height, (r + 1) * TILE));
                if (x1 <= x0 || y1 <= y0) {
                    continue;
                }
                int offset = ((y0 - rect.y()) * rect.width() + (x0 - rect.x())) * 4;
                tiles.get(r * cols + c).getPixelWriter().setPixels(x0 - c * TILE, y0 - r * TILE, x1 - x0, y1 - y0,
                        PixelFormat.getByteBgraPreInstance(), bgra, offset, rect.width() * 4);
            }
        }
    }
}
