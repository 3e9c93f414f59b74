package io.defectstudio.app.engine;

import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ManifestCodec;
import io.defectstudio.inference.bundle.ModelBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/** The model bundle shipped in the resources module, copied out of the class path into the user data folder. */
public final class ShippedModel {
    public static final String RESOURCE = "/io/defectstudio/resources/models/default/";

    private ShippedModel() {
    }

    /**
     * Copies the bundle to {@code target} unless an identical copy is there already (the same manifest, and weights of
     * its size and checksum: a damaged copy is extracted again); empty when not shipped.
     */
    public static Optional<Path> extract(Path target) throws IOException {
        byte[] manifestBytes;
        try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE + ModelBundle.MANIFEST_FILE)) {
            if (in == null) {
                return Optional.empty();
            }
            manifestBytes = in.readAllBytes();
        }
        Manifest manifest = ManifestCodec.parse(new String(manifestBytes, StandardCharsets.UTF_8),
                "class path " + RESOURCE + ModelBundle.MANIFEST_FILE);
        Path manifestFile = target.resolve(ModelBundle.MANIFEST_FILE);
        Path weightsFile = target.resolve(manifest.weights().file());
        if (Files.isRegularFile(manifestFile) && Files.isRegularFile(weightsFile)
                && java.util.Arrays.equals(Files.readAllBytes(manifestFile), manifestBytes)
                && Files.size(weightsFile) == manifest.weights().bytes()
                && ModelBundle.sha256(Files.readAllBytes(weightsFile)).equals(manifest.weights().sha256())) {
            return Optional.of(target);
        }
        Files.createDirectories(target);
        try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE + manifest.weights().file())) {
            if (in == null) {
                throw new IOException("the shipped model's weights " + manifest.weights().file() + " are missing");
            }
            Path tmp = target.resolve(manifest.weights().file() + ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, weightsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        // the manifest last: its presence marks a complete copy
        Files.write(manifestFile, manifestBytes);
        removeStaleWeights(target, weightsFile);
        return Optional.of(target);
    }

    /** An earlier release's weights (another file name, another format) would otherwise stay beside the new ones. */
    private static void removeStaleWeights(Path target, Path current) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("weights.") && !file.equals(current) && Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }
}
