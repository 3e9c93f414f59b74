package io.defectstudio.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.shortcut.Command;
import io.defectstudio.app.shortcut.KeyChord;
import io.defectstudio.app.shortcut.Shortcuts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewShortcutsTest {
    private final Shortcuts shortcuts = Shortcuts.defaults();

    @Test
    void reviewKeysLiveInTheirOwnScopeOfTheOneTable() {
        assertEquals(Optional.of(Command.REVIEW_APPROVE), shortcuts.lookup(Shortcuts.Scope.REVIEW, KeyChord.of("A")));
        assertEquals(Optional.of(Command.REVIEW_REJECT), shortcuts.lookup(Shortcuts.Scope.REVIEW, KeyChord.of("R")));
        assertEquals(Optional.of(Command.REVIEW_RELABEL), shortcuts.lookup(Shortcuts.Scope.REVIEW, KeyChord.of("F")));
        // The labelling meanings of A, F and R are their own.
        assertEquals(Optional.of(Command.ACCEPT), shortcuts.lookup(KeyChord.of("A")));
        assertEquals(Optional.of(Command.FLAG), shortcuts.lookup(KeyChord.of("F")));
        assertEquals(Optional.of(Command.NO_DEFECT), shortcuts.lookup(KeyChord.of("R")), "R rejects while labelling");
        assertTrue(shortcuts.bindings().stream().anyMatch(b -> b.description().equals("Review: reject")),
                "the F1 overlay lists the review keys");
    }
}
