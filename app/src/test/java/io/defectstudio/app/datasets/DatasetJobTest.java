package io.defectstudio.app.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.app.task.CurrentThreadTaskExecutor;
import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.training.datasets.ExportFormat;
import io.defectstudio.training.datasets.ImportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset jobs on real projects: an export, a cancelled import that stores nothing, then the import itself. */
class DatasetJobTest {
    @TempDir
    Path temp;

    @Test
    void aCancelledImportStoresNothingAndACancelledExportLeavesNoFolder() throws Exception {
        Path demo = DemoProject.install(temp.resolve("demo"));
        AtomicInteger reloads = new AtomicInteger();
        DatasetJob export = new DatasetJob(demo, ProjectOptions.defaults(), new CurrentThreadTaskExecutor(),
                reloads::incrementAndGet);
        Path out = temp.resolve("out");
        export.exportTo(out, ExportFormat.PNG_MASKS, false);
        assertTrue(export.messageProperty().get().startsWith("Exported 10 item(s)"), export.messageProperty().get());
        assertFalse(export.runningProperty().get());

        Path target = temp.resolve("target");
        Project.create(target, "target").close();
        AtomicReference<DatasetJob> job = new AtomicReference<>();
        job.set(new DatasetJob(target, ProjectOptions.defaults(), cancellingAtFirstStep(job),
                reloads::incrementAndGet));
        job.get().importFrom(out, ImportFormat.AUTO, "data-team");
        assertEquals("Cancelled: nothing was stored or written", job.get().messageProperty().get());
        try (Project p = Project.open(target)) {
            assertEquals(0, p.annotations().count());
            assertEquals(0, p.images().list().size());
        }

        AtomicReference<DatasetJob> cancelledExport = new AtomicReference<>();
        cancelledExport.set(new DatasetJob(demo, ProjectOptions.defaults(), cancellingAtFirstStep(cancelledExport),
                () -> { }));
        cancelledExport.get().exportTo(temp.resolve("gone"), ExportFormat.COCO, false);
        assertEquals("Cancelled: nothing was stored or written", cancelledExport.get().messageProperty().get());
        assertFalse(Files.exists(temp.resolve("gone")));
        assertFalse(Files.exists(temp.resolve("gone.partial")));

        DatasetJob imported = new DatasetJob(target, ProjectOptions.defaults(), new CurrentThreadTaskExecutor(),
                reloads::incrementAndGet);
        imported.importFrom(out, ImportFormat.AUTO, "data-team");
        assertEquals("Imported 10 mask(s) as png-masks; skipped 0", imported.messageProperty().get());
        assertEquals(1.0, imported.progressProperty().get());
        assertEquals(1, reloads.get(), "the workstation reloads after the import that stored something");
        try (Project p = Project.open(target)) {
            assertEquals(10, p.annotations().count());
        }

        // Back into the demo, whose supports a person painted: they are kept, and the report says so.
        DatasetJob back = new DatasetJob(demo, ProjectOptions.defaults(), new CurrentThreadTaskExecutor(), () -> { });
        back.importFrom(out, ImportFormat.AUTO, "data-team");
        assertEquals("Imported 0 mask(s) as png-masks; skipped 0; kept 10 mask(s) a person had corrected",
                back.messageProperty().get());
        assertEquals(10, back.skipped().stream().filter(e -> e.startsWith("kept a person's correction")).count());
    }

    /** Runs everything on this thread, and cancels the job at its first progress report. */
    private static TaskExecutor cancellingAtFirstStep(AtomicReference<DatasetJob> job) {
        TaskExecutor now = new CurrentThreadTaskExecutor();
        return new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                now.execute(work, onSuccess, onFailure);
            }

            @Override
            public void runOnUi(Runnable action) {
                action.run();
                job.get().cancel();
            }

            @Override
            public <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                now.write(work, onSuccess, onFailure);
            }

            @Override
            public java.util.concurrent.Executor writer() {
                return now.writer();
            }

            @Override
            public void flushWrites() {
            }

            @Override
            public void close() {
            }
        };
    }
}
