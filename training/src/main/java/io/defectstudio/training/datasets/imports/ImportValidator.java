package io.defectstudio.training.datasets.imports;

import io.defectstudio.training.datasets.DatasetItem;
import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.Provenance;
import io.defectstudio.training.datasets.SkippedEntry;
import io.defectstudio.training.datasets.io.ImageFiles;
import io.defectstudio.training.datasets.io.InvalidEntryException;
import io.defectstudio.training.datasets.io.Sha256;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every candidate before anything is stored: the image decodes completely, the mask decodes (or
 * rasterises) at the image's size, the class name is not blank, and the same image is not given two masks for one
 * class. Bad entries become {@link SkippedEntry}s; good ones become items whose masks are already checked and
 * binarised.
 */
public final class ImportValidator {
    private ImportValidator() {
    }

    public record Result(List<DatasetItem> items, List<SkippedEntry> skipped) {
    }

    public static Result validate(List<ImportCandidate> candidates, String author, ProgressListener progress) {
        Map<Path, List<ImportCandidate>> byImage = new LinkedHashMap<>();
        candidates.forEach(c -> byImage.computeIfAbsent(c.imageFile(), k -> new ArrayList<>()).add(c));
        List<DatasetItem> items = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        int done = 0;
        for (Map.Entry<Path, List<ImportCandidate>> group : byImage.entrySet()) {
            Path imageFile = group.getKey();
            BufferedImage image;
            String sha;
            try {
                image = ImageFiles.decode(imageFile);
                sha = Sha256.of(imageFile);
            } catch (InvalidEntryException | IOException e) {
                for (ImportCandidate c : group.getValue()) {
                    skipped.add(new SkippedEntry(c.entry(), e.getMessage()));
                }
                done += group.getValue().size();
                progress.progress(done, candidates.size(), "checked " + imageFile.getFileName());
                continue;
            }
            for (ImportCandidate c : group.getValue()) {
                // Projects keep class names stripped and refuse blank ones; " Pit " must meet "Pit" here already.
                String className = c.className().strip();
                if (className.isEmpty()) {
                    skipped.add(new SkippedEntry(c.entry(), "class name '" + c.className() + "' is blank"));
                    continue;
                }
                String key = className + "\n" + sha;
                String first = seen.putIfAbsent(key, c.entry());
                if (first != null) {
                    skipped.add(new SkippedEntry(c.entry(), "same image and class as " + first));
                    continue;
                }
                try {
                    PackedMask mask = PackedMask.of(c.mask().load(image.getWidth(), image.getHeight()));
                    items.add(new DatasetItem(className, imageFile.getFileName().toString(), imageFile,
                            mask::toImage, Provenance.imported(author)));
                } catch (InvalidEntryException | RuntimeException e) {
                    seen.remove(key);
                    skipped.add(new SkippedEntry(c.entry(), e.getMessage()));
                }
            }
            done += group.getValue().size();
            progress.progress(done, candidates.size(), "checked " + imageFile.getFileName());
        }
        return new Result(items, skipped);
    }
}
