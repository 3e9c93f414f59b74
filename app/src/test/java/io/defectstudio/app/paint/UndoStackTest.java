package io.defectstudio.app.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UndoStackTest {
    private static StrokeDelta stroke(MaskLayer m, double y) {
        m.beginStroke();
        m.strokeSegment(10, y, 90, y, 2, true);
        return m.endStroke();
    }

    @Test
    void undoRestoresExactPixelsAndRedoReappliesThem() {
        MaskLayer m = new MaskLayer(100, 100);
        UndoStack undo = new UndoStack();
        undo.push(stroke(m, 20));
        long afterFirst = m.countSet();
        undo.push(stroke(m, 60));
        long afterSecond = m.countSet();
        assertTrue(afterSecond > afterFirst);

        undo.undo(m);
        assertEquals(afterFirst, m.countSet());
        assertFalse(m.isSet(50, 60));
        undo.undo(m);
        assertEquals(0, m.countSet());
        assertFalse(undo.canUndo());

        undo.redo(m);
        undo.redo(m);
        assertEquals(afterSecond, m.countSet());
        assertTrue(m.isSet(50, 60));
    }

    @Test
    void aNewStrokeClearsRedo() {
        MaskLayer m = new MaskLayer(100, 100);
        UndoStack undo = new UndoStack();
        undo.push(stroke(m, 20));
        undo.undo(m);
        assertTrue(undo.canRedo());
        undo.push(stroke(m, 40));
        assertFalse(undo.canRedo());
    }

    @Test
    void holdsAtLeastFiftyStepsAndDropsTheOldestPastItsDepth() {
        MaskLayer m = new MaskLayer(200, 200);
        UndoStack undo = new UndoStack(60);
        for (int i = 0; i < 70; i++) {
            undo.push(stroke(m, 2 + i * 2.5));
        }
        assertEquals(60, undo.undoSize());
        int undone = 0;
        while (undo.undo(m).isPresent()) {
            undone++;
        }
        assertEquals(60, undone);
        // the ten oldest strokes stay: they fell off the history
        assertTrue(m.isSet(50, 2));
        assertFalse(m.isSet(50, (int) (2 + 69 * 2.5)));
    }

    @Test
    void deltaStoresTouchedTilesNotTheWholeImage() {
        MaskLayer m = new MaskLayer(4096, 4096);
        StrokeDelta d = stroke(m, 100);
        assertTrue(d.sizeBytes() < 2L * 4 * 64 * 64 + 1, "bytes " + d.sizeBytes());
        assertTrue(d.bounds().width() <= 128);
    }

    @Test
    void strokeThatChangesNothingIsNotRecorded() {
        MaskLayer m = new MaskLayer(50, 50);
        UndoStack undo = new UndoStack();
        m.beginStroke();
        m.stampDisc(10, 10, 3, false);
        undo.push(m.endStroke());
        assertFalse(undo.canUndo());
    }
}
