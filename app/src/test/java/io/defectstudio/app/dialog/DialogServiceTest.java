package io.defectstudio.app.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.defectstudio.app.gui.TestDialogs;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogServiceTest {

    @Test
    void aFailureWithoutAMessageIsNamedNeverNull() {
        TestDialogs dialogs = new TestDialogs();
        dialogs.showError("Review", new NullPointerException());
        dialogs.showError("Review", new IllegalStateException("the project is read-only"));
        assertEquals(List.of("Review: NullPointerException (no details; see the log)",
                "Review: the project is read-only"), dialogs.errors());
    }
}
