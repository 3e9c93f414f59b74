package io.defectstudio.app.canvas;

/** The painting tools. */
public enum Tool {
    BRUSH("Brush"), ERASER("Eraser"), POLYGON("Polygon / lasso");

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
