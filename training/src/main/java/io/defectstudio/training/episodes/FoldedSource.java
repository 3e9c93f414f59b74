package io.defectstudio.training.episodes;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data set folder opened in whichever layout it has, with one fold's class split.
 *
 * @param source the episodes' images
 * @param split the fold's train and test classes
 */
public record FoldedSource(EpisodeSource source, FoldSplit split) {

    /**
     * Opens {@code dataDir}: the Defect-8i layout (magnetic-tile/, sd-saliency-900/) with the benchmark's folds, or
     * the Surface Defect-4i / FSSD-12 layout with the folds of its {@code data_list}.
     */
    public static FoldedSource open(Path dataDir, int fold) {
        if (Files.isDirectory(dataDir.resolve("magnetic-tile"))
                || Files.isDirectory(dataDir.resolve("sd-saliency-900"))) {
            return new FoldedSource(Defect8iSource.open(dataDir), FoldSplit.defect8i(fold));
        }
        if (!Files.isDirectory(dataDir)) {
            throw new EpisodeDataException("No data directory " + dataDir);
        }
        SurfaceDefectLayoutSource source = SurfaceDefectLayoutSource.open(dataDir);
        return new FoldedSource(source, source.foldSplit(fold));
    }
}
