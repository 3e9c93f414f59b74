package io.defectstudio.training.episodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed list of test episodes in the benchmark's TSV format: a header, then
 * {@code episode, class, query_image, query_mask, support_images, support_masks}, paths relative to the data
 * directory, several supports joined by {@code |}.
 */
public final class EpisodeList {

    private static final String HEADER = "episode\tclass\tquery_image\tquery_mask\tsupport_images\tsupport_masks";

    private EpisodeList() {
    }

    /** Reads all episodes; fails with {@link EpisodeDataException} naming the line for malformed rows. */
    public static List<Episode> read(Path tsv, Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv);
        } catch (IOException e) {
            throw new EpisodeDataException("Cannot read episode list " + tsv + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new EpisodeDataException(tsv + " does not start with the header: " + HEADER.replace('\t', ','));
        }
        List<Episode> episodes = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 6) {
                throw new EpisodeDataException(tsv + " line " + (i + 1) + ": expected 6 columns, got " + cols.length);
            }
            String[] supportImages = cols[4].split("\\|");
            String[] supportMasks = cols[5].split("\\|");
            if (supportImages.length != supportMasks.length) {
                throw new EpisodeDataException(tsv + " line " + (i + 1) + ": " + supportImages.length
                        + " support images but " + supportMasks.length + " masks");
            }
            List<Sample> supports = new ArrayList<>();
            for (int k = 0; k < supportImages.length; k++) {
                supports.add(sample(dataDir, supportImages[k], supportMasks[k]));
            }
            episodes.add(new Episode(cols[1], supports, sample(dataDir, cols[2], cols[3])));
        }
        return episodes;
    }

    private static Sample sample(Path dataDir, String image, String mask) {
        return new FileSample(image, dataDir.resolve(image), dataDir.resolve(mask));
    }
}
