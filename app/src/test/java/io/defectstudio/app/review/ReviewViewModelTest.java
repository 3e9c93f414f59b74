package io.defectstudio.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.task.CurrentThreadTaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.storage.SteppingClock;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.reviews.ReviewRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewViewModelTest {
    @TempDir
    Path temp;

    private static ReviewItem find(ReviewViewModel vm, long image) {
        return vm.allItems().stream().filter(i -> i.imageId() == image).findFirst().orElseThrow();
    }

    private static ReviewViewModel open(Project p) {
        ReviewViewModel vm = new ReviewViewModel(new StorageReviewStore(p), new CurrentThreadTaskExecutor(),
                ZoneId.of("UTC"));
        vm.load();
        return vm;
    }

    @Test
    void itemsCarryAreaShareRegionsConfidenceInspectorAndTime() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        try (Project p = Project.open(fx.folder)) {
            ReviewViewModel vm = open(p);
            assertEquals(3, vm.visibleItems().size());

            ReviewItem predicted = find(vm, fx.predicted);
            assertEquals("scratch", predicted.className());
            assertEquals(20 + 20, predicted.measure().defectPixels());
            assertEquals(40.0 / (40 * 25), predicted.measure().share(), 1e-12);
            assertEquals(2, predicted.measure().regions());
            assertEquals(0.83, predicted.confidence().orElseThrow(), 1e-12);
            assertEquals("", predicted.inspector());
            assertTrue(predicted.predicted());
            assertFalse(predicted.flagged());
            assertEquals(ReviewStatus.PENDING, predicted.status());

            ReviewItem corrected = find(vm, fx.corrected);
            assertEquals(25, corrected.measure().defectPixels(), "the inspector's mask wins over the prediction");
            assertEquals(1, corrected.measure().regions());
            assertEquals("ines", corrected.inspector());
            assertEquals(0.41, corrected.confidence().orElseThrow(), 1e-12);

            ReviewItem flagged = find(vm, fx.flagged);
            assertTrue(flagged.flagged());
            assertEquals("olaf", flagged.inspector());
            assertTrue(flagged.confidence().isEmpty());
            assertEquals(List.of("ines", "olaf"), vm.inspectors());
        }
    }

    @Test
    void decisionsPersistWithWhoWhenAndCommentAcrossReopening() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        try (Project p = Project.open(fx.folder)) {
            ReviewViewModel vm = open(p);
            vm.selectedProperty().set(find(vm, fx.corrected));
            vm.supervisorProperty().set("  sam ");
            vm.commentProperty().set("edge is fine");
            vm.approve();
            vm.selectedProperty().set(find(vm, fx.predicted));
            vm.reject();
            vm.selectedProperty().set(find(vm, fx.flagged));
            vm.commentProperty().set("missed the second scratch");
            vm.relabel();
            assertEquals("", vm.commentProperty().get());
        }
        try (Project reopened = Project.open(fx.folder)) {
            ReviewViewModel vm = open(reopened);
            assertEquals(ReviewStatus.APPROVED, find(vm, fx.corrected).status());
            assertEquals(ReviewStatus.REJECTED, find(vm, fx.predicted).status());
            assertEquals(ReviewStatus.RELABEL, find(vm, fx.flagged).status());

            vm.selectedProperty().set(find(vm, fx.corrected));
            HistoryEntry last = vm.history().get(vm.history().size() - 1);
            assertEquals("Supervisor: Approved", last.what());
            assertEquals("sam", last.who());
            assertEquals("edge is fine", last.comment());
            assertEquals(List.of("lerenet-7", "ines", "sam"), vm.history().stream().map(HistoryEntry::who).toList());

            var stored = reopened.reviews().latest(fx.flagged, fx.scratch).orElseThrow();
            assertEquals(ReviewRole.SUPERVISOR, stored.role());
            assertEquals("missed the second scratch", stored.comment());
            assertTrue(stored.createdAt().toEpochMilli() > 0);
        }
    }

    @Test
    void theDecisionsCsvHasOneRowPerPartWithVerdictReviewerTimeAreaAndModel() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        try (Project p = Project.open(fx.folder)) {
            ReviewViewModel vm = open(p);
            vm.selectedProperty().set(find(vm, fx.corrected));
            vm.supervisorProperty().set("=sam");
            vm.approve();
            Path csv = temp.resolve("decisions.csv");
            vm.exportDecisionsCsv(csv);
            assertTrue(vm.messageProperty().get().contains("(3 rows)"), vm.messageProperty().get());

            List<String> lines = Files.readAllLines(csv);
            assertEquals("image,class,verdict,reviewer,reviewed_at,inspector,defect_area_px,defect_share,regions,"
                    + "flagged,model_version", lines.get(0));
            assertEquals(4, lines.size());
            ReviewItem approved = find(vm, fx.corrected);
            String row = lines.stream().filter(l -> l.startsWith(approved.imageName() + ",")).findFirst()
                    .orElseThrow();
            String reviewedAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(approved.decidedAt()
                    .atZone(ZoneId.of("UTC")));
            assertTrue(row.startsWith(approved.imageName() + "," + approved.className() + ",Approved,'=sam,"), row);
            assertTrue(row.contains(",ines,25,0.025000,1,false,lerenet-7"), row);
            assertEquals(reviewedAt, row.split(",")[4]);
            assertTrue(reviewedAt.endsWith("Z"), reviewedAt);
            ReviewItem pending = find(vm, fx.predicted);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(pending.imageName() + ",scratch,Pending,,,,40,")),
                    String.join("\n", lines));
        }
    }

    @Test
    void aDecisionNeedsASupervisorNameAndWritesNothingWithout() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        try (Project p = Project.open(fx.folder)) {
            ReviewViewModel vm = open(p);
            int before = p.reviews().list().size();
            vm.approve();
            assertTrue(vm.messageProperty().get().contains("supervisor"), vm.messageProperty().get());
            assertEquals(before, p.reviews().list().size());
        }
    }

    @Test
    void filtersNarrowTheListAndTheSummaryAndAVerdictMovesOn() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        try (Project p = Project.open(fx.folder)) {
            ReviewViewModel vm = open(p);
            ClassRef scratch = vm.classes().stream().filter(c -> c.name().equals("scratch")).findFirst().orElseThrow();
            vm.classFilter().setAll(scratch);
            vm.statusFilterProperty().set(ReviewStatus.PENDING);
            assertEquals(2, vm.visibleItems().size());
            assertEquals("2 of 3 parts shown", vm.messageProperty().get(), "the footer follows the filter");
            assertEquals(1, vm.summary().get(0).inspected(), "the model's prediction alone is not inspected");
            assertEquals(0, vm.summary().get(0).defective());
            assertEquals(0, vm.summary().get(1).inspected());

            vm.supervisorProperty().set("sam");
            ReviewItem first = vm.selectedProperty().get();
            vm.approve();
            assertEquals(1, vm.visibleItems().size(), "an approved part leaves the pending list");
            assertFalse(vm.selectedProperty().get().key().equals(first.key()));

            vm.inspectorFilterProperty().set("nobody");
            assertTrue(vm.visibleItems().isEmpty());
            vm.inspectorFilterProperty().set(null);
            vm.fromDateProperty().set(LocalDate.now(ZoneId.of("UTC")).plusDays(1));
            assertTrue(vm.visibleItems().isEmpty());
        }
    }

    @Test
    void aRelabelledPartIsPendingAgainOnceTheInspectorSavesANewMask() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        // Each record a second after the one before: the mask is newer than the verdict without waiting for it.
        SteppingClock clock = new SteppingClock(Instant.now().plus(Duration.ofHours(1)), Duration.ofSeconds(1));
        try (Project p = Project.open(fx.folder, ProjectOptions.defaults().withClock(clock))) {
            ReviewViewModel vm = open(p);
            vm.selectedProperty().set(find(vm, fx.corrected));
            vm.supervisorProperty().set("sam");
            vm.relabel();
            assertEquals(ReviewStatus.RELABEL, find(vm, fx.corrected).status());
            p.annotations().save(fx.corrected, fx.pit, AnnotationKind.CORRECTION, "ines",
                    ReviewProjectFixture.blobs(new int[][] {{1, 1, 3, 3}, {30, 20, 2, 2}}));
            vm.load();
            ReviewItem again = find(vm, fx.corrected);
            assertEquals(ReviewStatus.PENDING, again.status());
            assertEquals(2, again.measure().regions());
        }
    }

    @Test
    void summaryIsExportedAsCsv() throws Exception {
        ReviewProjectFixture fx = new ReviewProjectFixture(temp);
        try (Project p = Project.open(fx.folder)) {
            ReviewViewModel vm = open(p);
            Path csv = temp.resolve("summary.csv");
            vm.exportCsv(csv);
            List<String> lines = Files.readAllLines(csv);
            assertEquals(3, lines.size());
            assertTrue(lines.get(1).startsWith("scratch,1,0,0.0000,0,"), "only the flag counts: " + lines.get(1));
            assertTrue(lines.get(2).startsWith("pit,1,1,1.0000,25,"), lines.get(2));
        }
    }
}
