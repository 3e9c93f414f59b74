package io.defectstudio.app.canvas;

import io.defectstudio.app.paint.DirtyRect;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;

/**
 * The image and mask overlay with zoom, pan, brush, eraser and polygon/lasso input. Image and overlay are tiled
 * WritableImages; the overlay's pixels are rewritten only inside each dirty rectangle the view-model reports.
 */
public final class CanvasView extends Region {
    private static final double LASSO_MIN_STEP = 2;

    private final CanvasViewModel vm;
    private final Viewport viewport = new Viewport();
    private final TiledImage base = new TiledImage();
    private final TiledImage overlay = new TiledImage();
    private final Circle cursorRing = new Circle();
    private final Polyline polygon = new Polyline();
    private final OverlayRenderer renderer = new OverlayRenderer();
    private final List<Double> polyPoints = new ArrayList<>();
    private byte[] buffer;
    private boolean spaceDown;
    private boolean panning;
    private boolean lassoDragged;
    private double panX;
    private double panY;

    public CanvasView(CanvasViewModel vm) {
        this.vm = vm;
        setId("canvas");
        setStyle("-fx-background-color: #1e1f22;");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        javafx.scene.Group images = new javafx.scene.Group(base.node(), overlay.node());
        images.setManaged(false);
        images.setMouseTransparent(true);
        overlay.node().visibleProperty().bind(vm.overlayVisibleProperty());
        cursorRing.setFill(Color.TRANSPARENT);
        cursorRing.setStroke(Color.WHITE);
        cursorRing.setStrokeWidth(1.5);
        cursorRing.getStrokeDashArray().setAll(4.0, 3.0);
        cursorRing.setMouseTransparent(true);
        cursorRing.setVisible(false);
        cursorRing.setId("cursor-ring");
        polygon.setStroke(Color.YELLOW);
        polygon.setStrokeWidth(1.5);
        polygon.setMouseTransparent(true);
        getChildren().addAll(images, polygon, cursorRing);
        setFocusTraversable(true);

        vm.imageProperty().addListener((o, a, img) -> onImage(img));
        vm.windowProperty().addListener((o, a, w) -> renderBase());
        vm.setOnMaskChanged(this::renderOverlay);
        vm.brushRadiusProperty().addListener((o, a, b) -> updateRing());
        vm.toolProperty().addListener((o, a, b) -> {
            cancelPolygon();
            updateRing();
        });

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> moveRing(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> cursorRing.setVisible(false));
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> moveRing(e.getX(), e.getY()));
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        widthProperty().addListener((o, a, b) -> fitIfFresh());
        heightProperty().addListener((o, a, b) -> fitIfFresh());
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Space held: left drag pans instead of painting. */
    public void setSpaceDown(boolean down) {
        spaceDown = down;
        setCursor(down ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    /** The view-model this view renders. */
    public CanvasViewModel viewModel() {
        return vm;
    }

    public void zoomFit() {
        DisplayImage img = vm.imageProperty().get();
        if (img != null) {
            viewport.fit(getWidth(), getHeight(), img.width(), img.height());
            applyViewport();
        }
    }

    public void zoomOneToOne() {
        DisplayImage img = vm.imageProperty().get();
        if (img != null) {
            viewport.oneToOne(getWidth(), getHeight(), img.width(), img.height());
            applyViewport();
        }
    }

    public void zoomBy(double factor) {
        viewport.zoomAt(factor, getWidth() / 2, getHeight() / 2);
        applyViewport();
    }

    /** Screen position (in this node) of an image pixel centre; used by tests to aim the robot. */
    public Point2D imageToLocal(double ix, double iy) {
        return new Point2D(viewport.toScreenX(ix), viewport.toScreenY(iy));
    }

    private boolean fitted;

    private void fitIfFresh() {
        if (!fitted && getWidth() > 0 && getHeight() > 0 && vm.imageProperty().get() != null) {
            fitted = true;
            zoomFit();
        }
    }

    private void onImage(DisplayImage img) {
        cancelPolygon();
        if (img == null) {
            base.clear();
            overlay.clear();
            return;
        }
        base.reset(img.width(), img.height());
        overlay.reset(img.width(), img.height());
        applyViewport();
        renderBase();
        if (vm.mask().isPresent()) {
            renderOverlay(new DirtyRect(0, 0, img.width(), img.height()));
        }
        fitted = false;
        fitIfFresh();
    }

    private void renderBase() {
        DisplayImage img = vm.imageProperty().get();
        if (img == null) {
            return;
        }
        if (base.width() != img.width() || base.height() != img.height()) {
            base.reset(img.width(), img.height());
        }
        base.write(new DirtyRect(0, 0, img.width(), img.height()), img.renderBgra(vm.windowProperty().get()));
    }

    private void renderOverlay(DirtyRect rect) {
        if (overlay.width() == 0 || vm.mask().isEmpty() || vm.mask().get().width() != overlay.width()
                || vm.mask().get().height() != overlay.height()) {
            return;
        }
        DirtyRect r = rect.clip(overlay.width(), overlay.height());
        if (r.isEmpty()) {
            return;
        }
        buffer = renderer.render(vm.mask().get(), r, vm.styleProperty().get(), vm.opacityProperty().get(), buffer);
        overlay.write(r, buffer);
    }

    private void applyViewport() {
        base.place(viewport.scale(), viewport.translateX(), viewport.translateY());
        overlay.place(viewport.scale(), viewport.translateX(), viewport.translateY());
        redrawPolygon();
        updateRing();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            panning = true;
            panX = e.getX();
            panY = e.getY();
            setCursor(Cursor.CLOSED_HAND);
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY || vm.imageProperty().get() == null) {
            return;
        }
        double ix = viewport.toImageX(e.getX());
        double iy = viewport.toImageY(e.getY());
        if (vm.toolProperty().get() == Tool.POLYGON) {
            if (e.getClickCount() >= 2 && polyPoints.size() >= 6) {
                closePolygon(e.isShiftDown());
            } else {
                lassoDragged = false;
                addPolyPoint(ix, iy);
            }
        } else {
            vm.beginStroke(ix, iy);
        }
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        moveRing(e.getX(), e.getY());
        if (panning) {
            viewport.pan(e.getX() - panX, e.getY() - panY);
            panX = e.getX();
            panY = e.getY();
            applyViewport();
            return;
        }
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        double ix = viewport.toImageX(e.getX());
        double iy = viewport.toImageY(e.getY());
        if (vm.toolProperty().get() == Tool.POLYGON) {
            int n = polyPoints.size();
            if (n >= 2 && Math.hypot(ix - polyPoints.get(n - 2), iy - polyPoints.get(n - 1))
                    * viewport.scale() >= LASSO_MIN_STEP) {
                lassoDragged = true;
                addPolyPoint(ix, iy);
            }
        } else {
            vm.strokeTo(ix, iy);
        }
    }

    private void onReleased(MouseEvent e) {
        if (panning) {
            panning = false;
            setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (vm.toolProperty().get() == Tool.POLYGON) {
            if (lassoDragged) {
                closePolygon(e.isShiftDown());
            }
        } else {
            vm.endStroke();
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        viewport.zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        applyViewport();
        e.consume();
    }

    private void addPolyPoint(double ix, double iy) {
        polyPoints.add(ix);
        polyPoints.add(iy);
        redrawPolygon();
    }

    /** Closes the polygon in progress and fills it (Shift: clears it). */
    public void closePolygon(boolean erase) {
        int n = polyPoints.size() / 2;
        if (n >= 3) {
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = polyPoints.get(2 * i);
                ys[i] = polyPoints.get(2 * i + 1);
            }
            vm.fillPolygon(xs, ys, erase);
        }
        cancelPolygon();
    }

    public void cancelPolygon() {
        polyPoints.clear();
        lassoDragged = false;
        polygon.getPoints().clear();
    }

    private void redrawPolygon() {
        polygon.getPoints().clear();
        for (int i = 0; i + 1 < polyPoints.size(); i += 2) {
            polygon.getPoints().addAll(viewport.toScreenX(polyPoints.get(i)), viewport.toScreenY(polyPoints.get(i
                    + 1)));
        }
    }

    private void moveRing(double x, double y) {
        cursorRing.setCenterX(x);
        cursorRing.setCenterY(y);
        updateRing();
        cursorRing.setVisible(vm.imageProperty().get() != null && vm.toolProperty().get() != Tool.POLYGON);
    }

    private void updateRing() {
        cursorRing.setRadius(Math.max(1, vm.brushRadiusProperty().get() * viewport.scale()));
        cursorRing.setStroke(vm.toolProperty().get() == Tool.ERASER ? Color.web("#ff6b6b") : Color.WHITE);
        if (vm.toolProperty().get() == Tool.POLYGON) {
            cursorRing.setVisible(false);
        }
    }

    @Override
    protected void layoutChildren() {
        // children are positioned by the viewport, not by layout
    }
}
