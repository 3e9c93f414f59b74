package io.defectstudio.app.canvas;

import java.awt.image.BufferedImage;

/**
 * A finished edit of the mask on screen.
 *
 * @param mask a copy of the mask after the edit
 * @param asShown whether undo has brought it back to the mask the image was shown with, so the edits since then can
 *     be taken back rather than stored
 */
public record MaskCommit(BufferedImage mask, boolean asShown) {}
