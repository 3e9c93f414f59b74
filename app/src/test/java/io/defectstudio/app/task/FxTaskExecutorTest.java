package io.defectstudio.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Work handed to a closed executor (a late callback of a closed window) neither crashes nor vanishes unsaid. */
class FxTaskExecutorTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void afterCloseAReadIsDroppedAndAWriteReportsThatItWasNotSaved() throws Exception {
        FxTaskExecutor tasks = new FxTaskExecutor();
        tasks.close();
        tasks.execute(() -> "read", x -> { }, err -> { });
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        tasks.write(() -> "write", x -> failure.completeExceptionally(new AssertionError("ran after close")),
                failure::complete);
        Throwable reported = failure.get(10, TimeUnit.SECONDS);
        assertTrue(reported.getMessage().contains("not saved"), reported.getMessage());
        assertEquals(IllegalStateException.class, reported.getClass());
    }
}
