package io.defectstudio.training.datasets.imports;

import java.io.IOException;
import java.nio.file.Path;

/** Finds the image/mask entries of one layout; reads structure only, decoding is left to the validator. */
public interface DatasetReader {
    Candidates read(Path source) throws IOException;
}
