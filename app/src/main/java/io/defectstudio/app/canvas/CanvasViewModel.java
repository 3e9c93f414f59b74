package io.defectstudio.app.canvas;

import io.defectstudio.app.paint.DirtyRect;
import io.defectstudio.app.paint.MaskLayer;
import io.defectstudio.app.paint.UndoStack;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State and editing logic of the canvas: the image on screen, its editable mask, the tool, undo history and display
 * settings. Knows no nodes; the view renders what it announces (dirty rectangles) and the workspace persists what it
 * commits (one mask per finished stroke, undo or redo).
 */
public final class CanvasViewModel {
    public static final double MIN_RADIUS = 1;
    public static final double MAX_RADIUS = 400;

    private final ReadOnlyObjectWrapper<DisplayImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MaskStyle> style = new ReadOnlyObjectWrapper<>(MaskStyle.prediction());
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.BRUSH);
    private final DoubleProperty brushRadius = new SimpleDoubleProperty(12);
    private final BooleanProperty overlayVisible = new SimpleBooleanProperty(true);
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.55);
    private final DoubleProperty brightness = new SimpleDoubleProperty(0);
    private final DoubleProperty contrast = new SimpleDoubleProperty(1);
    private final ReadOnlyObjectWrapper<WindowLevel> window = new ReadOnlyObjectWrapper<>(WindowLevel.full(8));
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();

    private WindowLevel baseWindow = WindowLevel.full(8);
    private MaskLayer mask;
    private UndoStack undo = new UndoStack();
    private double lastX;
    private double lastY;
    private boolean strokeErases;
    private Consumer<DirtyRect> maskChanged = r -> { };
    private Consumer<MaskCommit> maskCommitted = m -> { };

    public CanvasViewModel() {
        brightness.addListener((o, a, b) -> updateWindow());
        contrast.addListener((o, a, b) -> updateWindow());
        opacity.addListener((o, a, b) -> fullRedraw());
        brushRadius.addListener((o, a, b) -> {
            double r = b.doubleValue();
            if (r < MIN_RADIUS || r > MAX_RADIUS) {
                brushRadius.set(Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, r)));
            }
        });
    }

    /** Called with each region of the mask that changed and must be redrawn. */
    public void setOnMaskChanged(Consumer<DirtyRect> listener) {
        this.maskChanged = listener;
    }

    /** Called on the UI thread with a copy of the mask after each finished stroke, undo or redo. */
    public void setOnMaskCommitted(Consumer<MaskCommit> listener) {
        this.maskCommitted = listener;
    }

    /** Shows a new image with its mask (may be empty) in {@code maskStyle}; clears the undo history. */
    public void show(DisplayImage img, MaskLayer layer, MaskStyle maskStyle) {
        if (img.width() != layer.width() || img.height() != layer.height()) {
            throw new IllegalArgumentException("mask and image sizes differ");
        }
        undo = new UndoStack();
        mask = layer;
        baseWindow = img.defaultWindow();
        style.set(maskStyle);
        updateWindow();
        // the view renders image and mask when the image changes
        image.set(img);
        editable.set(true);
        refreshUndo();
    }

    /** Shows an image with its mask to look at, not to edit: strokes and fills do nothing. */
    public void showReadOnly(DisplayImage img, MaskLayer layer, MaskStyle maskStyle) {
        show(img, layer, maskStyle);
        editable.set(false);
    }

    /** Replaces the mask content (a new prediction arrived) without touching the image; clears undo. */
    public void replaceMask(BufferedImage newMask, MaskStyle maskStyle) {
        if (mask == null || mask.inStroke()) {
            return;
        }
        mask.load(newMask);
        undo.clear();
        style.set(maskStyle);
        refreshUndo();
        fullRedraw();
    }

    public void setStyle(MaskStyle maskStyle) {
        style.set(maskStyle);
        fullRedraw();
    }

    public void clear() {
        mask = null;
        image.set(null);
        editable.set(false);
        undo.clear();
        refreshUndo();
    }

    public Optional<MaskLayer> mask() {
        return Optional.ofNullable(mask);
    }

    // --- painting -------------------------------------------------------------------------------------------------

    /** Starts a brush or eraser stroke at image coordinates (x, y). */
    public void beginStroke(double x, double y) {
        if (mask == null || !editable.get() || tool.get() == Tool.POLYGON || mask.inStroke()) {
            return;
        }
        strokeErases = tool.get() == Tool.ERASER;
        mask.beginStroke();
        lastX = x;
        lastY = y;
        maskChanged.accept(mask.stampDisc(x, y, brushRadius.get(), !strokeErases));
    }

    public void strokeTo(double x, double y) {
        if (mask == null || !mask.inStroke()) {
            return;
        }
        DirtyRect r = mask.strokeSegment(lastX, lastY, x, y, brushRadius.get(), !strokeErases);
        lastX = x;
        lastY = y;
        maskChanged.accept(r);
    }

    public void endStroke() {
        if (mask == null || !mask.inStroke()) {
            return;
        }
        var delta = mask.endStroke();
        if (!delta.isEmpty()) {
            undo.push(delta);
            refreshUndo();
            maskCommitted.accept(new MaskCommit(mask.toImage(), false));
        }
    }

    /** Fills (or with {@code erase} clears) a polygon given in image coordinates, as one undoable step. */
    public void fillPolygon(double[] xs, double[] ys, boolean erase) {
        if (mask == null || !editable.get() || mask.inStroke() || xs.length < 3) {
            return;
        }
        mask.beginStroke();
        maskChanged.accept(mask.fillPolygon(xs, ys, !erase));
        endStroke();
    }

    public void undo() {
        if (mask != null && !mask.inStroke()) {
            undo.undo(mask).ifPresent(this::afterHistoryStep);
        }
    }

    public void redo() {
        if (mask != null && !mask.inStroke()) {
            undo.redo(mask).ifPresent(this::afterHistoryStep);
        }
    }

    private void afterHistoryStep(DirtyRect r) {
        maskChanged.accept(r);
        refreshUndo();
        maskCommitted.accept(new MaskCommit(mask.toImage(), !undo.canUndo()));
    }

    public void brushSmaller() {
        brushRadius.set(Math.max(MIN_RADIUS, Math.round(brushRadius.get() / 1.25)));
    }

    public void brushLarger() {
        brushRadius.set(Math.min(MAX_RADIUS, Math.max(brushRadius.get() + 1, Math.round(brushRadius.get() * 1.25))));
    }

    private void refreshUndo() {
        canUndo.set(undo.canUndo());
        canRedo.set(undo.canRedo());
    }

    private void fullRedraw() {
        if (mask != null) {
            maskChanged.accept(new DirtyRect(0, 0, mask.width(), mask.height()));
        }
    }

    private void updateWindow() {
        window.set(new WindowLevel(baseWindow.low(), baseWindow.high(), brightness.get(), contrast.get()));
    }

    // --- properties -----------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<DisplayImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MaskStyle> styleProperty() {
        return style.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WindowLevel> windowProperty() {
        return window.getReadOnlyProperty();
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    public DoubleProperty brushRadiusProperty() {
        return brushRadius;
    }

    public BooleanProperty overlayVisibleProperty() {
        return overlayVisible;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public DoubleProperty brightnessProperty() {
        return brightness;
    }

    public DoubleProperty contrastProperty() {
        return contrast;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }
}
