package io.defectstudio.storage.reviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectFixture;
import io.defectstudio.storage.TestImages;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.predictions.Prediction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewRolesTest {
    @TempDir
    Path temp;

    @Test
    void supervisorDecisionsAreStoredWithTheirRoleNextToInspectorOnes() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp.resolve("p"), 24, 16);
        long image = fx.image().id();
        long cls = fx.defectClass().id();
        try (Project project = fx.project()) {
            Review flagged = project.reviews().record(image, cls, ReviewDecision.RELABEL, "ines", "edge?");
            Review approved = project.reviews().record(image, cls, ReviewDecision.APPROVE, "sam", "ok",
                    ReviewRole.SUPERVISOR);

            assertEquals(ReviewRole.INSPECTOR, flagged.role());
            assertEquals(ReviewRole.SUPERVISOR, approved.role());
            assertEquals(List.of(flagged, approved), project.reviews().list());
            assertEquals(List.of(flagged, approved), project.reviews().history(image));
            assertThrows(NullPointerException.class, () -> project.reviews().record(image, cls,
                    ReviewDecision.REJECT, "sam", "", null));
        }
        try (Project reopened = Project.open(temp.resolve("p").resolve("project"))) {
            Review last = reopened.reviews().latest(image, cls).orElseThrow();
            assertEquals(ReviewRole.SUPERVISOR, last.role());
            assertEquals("sam", last.reviewer());
            assertEquals("ok", last.comment());
        }
    }

    @Test
    void latestAllGivesTheNewestPredictionAndAnnotationOfEachImageAndClass() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp.resolve("q"), 24, 16);
        long image = fx.image().id();
        long cls = fx.defectClass().id();
        try (Project project = fx.project()) {
            long other = project.classes().create("pit", "#00aa11", "").id();
            project.predictions().save(image, cls, "m1", TestImages.mask(24, 16, 1), 0.4, 3);
            Prediction newest = project.predictions().save(image, cls, "m2", TestImages.mask(24, 16, 2), 0.9, 3);
            Prediction pit = project.predictions().save(image, other, "m2", TestImages.mask(24, 16, 3), 0.7, 3);
            project.annotations().save(image, cls, AnnotationKind.SUPPORT, "ines", TestImages.mask(24, 16, 4));
            Annotation v2 = project.annotations().save(image, cls, AnnotationKind.CORRECTION, "ines",
                    TestImages.mask(24, 16, 5));

            assertEquals(List.of(newest, pit), project.predictions().latestAll());
            assertEquals(List.of(v2), project.annotations().latestAll());
        }
    }

    @Test
    void activationsAreLoggedSoTheEarlierModelCanBeFound() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp.resolve("m"), 24, 16);
        try (Project project = fx.project()) {
            var a = project.models().register("a", temp.resolve("a"), "lerenet", "{}");
            var b = project.models().register("b", temp.resolve("b"), "lerenet", "{}");
            assertEquals(java.util.Optional.empty(), project.models().previouslyActive());
            project.models().activate(a.id());
            assertEquals(java.util.Optional.empty(), project.models().previouslyActive());
            project.models().activate(b.id());
            assertEquals(a.id(), project.models().previouslyActive().orElseThrow().id());
            project.models().activate(a.id());
            assertEquals(b.id(), project.models().previouslyActive().orElseThrow().id());
        }
    }

    @Test
    @Tag("sqlite")
    void versionOneDatabaseIsUpgradedAndItsReviewsBecomeInspectorReviews() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp.resolve("old"), 24, 16);
        long image = fx.image().id();
        long cls = fx.defectClass().id();
        fx.project().close();
        Path folder = fx.project().folder();
        Path db = folder.resolve(Project.DATABASE_FILE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP INDEX review_by_class");
            s.execute("ALTER TABLE review DROP COLUMN role");
            s.execute("DROP TABLE model_activation");
            s.execute("DROP TABLE image_claim");
            s.execute("ALTER TABLE prediction DROP COLUMN probability_png");
            s.execute("ALTER TABLE prediction DROP COLUMN peak");
            s.execute("INSERT INTO review (image_id, class_id, decision, reviewer, comment, created_at) VALUES ("
                    + image + ", " + cls + ", 'APPROVE', 'ines', 'from v1', 5)");
            s.execute("PRAGMA user_version = 1");
        }
        try (Project project = Project.open(folder)) {
            assertEquals(4, project.schemaVersion());
            Review old = project.reviews().latest(image, cls).orElseThrow();
            assertEquals(ReviewRole.INSPECTOR, old.role());
            assertEquals("from v1", old.comment());
        }
    }
}
