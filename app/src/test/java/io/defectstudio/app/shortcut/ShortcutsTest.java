package io.defectstudio.app.shortcut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortcutsTest {
    private final Shortcuts shortcuts = Shortcuts.defaults();

    @Test
    void requiredKeysMapToTheirCommands() {
        assertEquals(Optional.of(Command.NEXT_IMAGE), shortcuts.lookup(KeyChord.of("N")));
        assertEquals(Optional.of(Command.PREVIOUS_IMAGE), shortcuts.lookup(KeyChord.of("P")));
        assertEquals(Optional.of(Command.ACCEPT), shortcuts.lookup(KeyChord.of("A")));
        assertEquals(Optional.of(Command.ACCEPT), shortcuts.lookup(KeyChord.of("ENTER")));
        assertEquals(Optional.of(Command.MARK_SUPPORT), shortcuts.lookup(KeyChord.of("S")));
        assertEquals(Optional.of(Command.BRUSH), shortcuts.lookup(KeyChord.of("B")));
        assertEquals(Optional.of(Command.ERASER), shortcuts.lookup(KeyChord.of("E")));
        assertEquals(Optional.of(Command.TOGGLE_OVERLAY), shortcuts.lookup(KeyChord.of("H")));
        assertEquals(Optional.of(Command.UNDO), shortcuts.lookup(KeyChord.ctrl("Z")));
        assertEquals(Optional.of(Command.REDO), shortcuts.lookup(KeyChord.ctrlShift("Z")));
        assertEquals(Optional.of(Command.HELP), shortcuts.lookup(KeyChord.of("F1")));
        assertEquals(Optional.empty(), shortcuts.lookup(KeyChord.ctrl("N")));
    }

    @Test
    void everyCommandHasABindingShownInTheOverlay() {
        EnumSet<Command> bound = EnumSet.noneOf(Command.class);
        shortcuts.bindings().forEach(b -> bound.add(b.command()));
        assertEquals(EnumSet.allOf(Command.class), bound);
        assertTrue(shortcuts.bindings().stream().anyMatch(b -> b.keysDisplay().equals("A / Enter")));
        assertTrue(shortcuts.bindings().stream().anyMatch(b -> b.keysDisplay().equals("[")));
        assertTrue(shortcuts.bindings().stream().anyMatch(b -> b.command() == Command.SELECT_CLASS
                && b.keysDisplay().equals("1-9")));
    }

    @Test
    void numberKeysPickClassesAndCtrlOneZoomsOneToOne() {
        for (int d = 1; d <= 9; d++) {
            assertEquals(Optional.of(Command.SELECT_CLASS), shortcuts.lookup(KeyChord.of("DIGIT" + d)));
            assertEquals(d, KeyChord.of("DIGIT" + d).digit());
        }
        assertEquals(Optional.of(Command.ZOOM_ONE_TO_ONE), shortcuts.lookup(KeyChord.ctrl("DIGIT1")));
        assertEquals(Optional.of(Command.ZOOM_FIT), shortcuts.lookup(KeyChord.of("DIGIT0")));
        assertEquals(-1, KeyChord.of("A").digit());
    }

    @Test
    void rejectsAChordBoundTwice() {
        assertThrows(IllegalArgumentException.class, () -> new Shortcuts(List.of(
                new Shortcuts.Binding(Command.BRUSH, List.of(KeyChord.of("B")), "x"),
                new Shortcuts.Binding(Command.ERASER, Arrays.asList(KeyChord.of("B")), "y"))));
    }
}
