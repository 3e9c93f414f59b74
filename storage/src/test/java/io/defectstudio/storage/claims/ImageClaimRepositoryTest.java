package io.defectstudio.storage.claims;

import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.ProjectFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageClaimRepositoryTest {
    @TempDir
    Path temp;

    @Test
    void aClaimHoldsTheImageForItsStationUntilReleased() throws Exception {
        try (ProjectFixture fx = ProjectFixture.create(temp, 8, 8)) {
            ImageClaimRepository claims = fx.project().claims();
            long image = fx.image().id();
            long cls = fx.defectClass().id();
            assertEquals(Optional.empty(), claims.claim(image, cls, "east"));
            assertEquals(Optional.empty(), claims.claim(image, cls, "east"), "claiming again renews");
            ImageClaim held = claims.claim(image, cls, "west").orElseThrow();
            assertEquals("east", held.station());
            assertEquals(List.of(held), claims.heldByOthers("west"));
            assertEquals(List.of(), claims.heldByOthers("east"));

            claims.release(image, cls, "west");
            assertEquals(List.of(held), claims.heldByOthers("west"), "west cannot release east's claim");
            claims.releaseAll("east");
            assertEquals(Optional.empty(), claims.claim(image, cls, "west"));
            assertThrows(NotFoundException.class, () -> claims.claim(image + 99, cls, "west"));
        }
    }
}
