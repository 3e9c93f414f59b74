package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** Project > Quit with Supervision > Model versions open shuts down in order, with no failure on the way. */
class QuitWindowTest extends WorkstationFixture {

    @Test
    void quitWithASecondWindowOpenClosesItFirst() throws Exception {
        startWorkstation(data, TestModels.none());
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = fx(() -> Thread.currentThread().getUncaughtExceptionHandler());
        fx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> failures.add(e));
            workstation.openModels();
            return null;
        });
        try {
            waitFor(30, () -> fx(() -> Window.getWindows().stream().filter(Window::isShowing).count()) == 2);
            fx(() -> {
                workstation.quit();
                return null;
            });
            waitFor(10, () -> fx(() -> Window.getWindows().stream().noneMatch(Window::isShowing)));
            fx(() -> null);
            assertEquals(List.of(), failures, "nothing may fail while quitting");
            assertTrue(dialogs.errors().isEmpty(), dialogs.errors().toString());
        } finally {
            fx(() -> {
                Thread.currentThread().setUncaughtExceptionHandler(previous);
                return null;
            });
        }
    }
}
