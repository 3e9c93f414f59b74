package io.defectstudio.inference.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.commons.io.file.PathUtils;

/**
 * A trained model on disk: a folder, or one zip file (any extension, {@code .dsmodel} by convention), holding
 * {@code model.json} and the weights file it names.
 *
 * <p>{@link #load} checks everything that can be checked without the native engine: manifest fields and format
 * version, presence and size of the weights, their SHA-256, and that the weights header matches the manifest's
 * architecture, backbone and precision. {@link #readWeights} repeats the size and checksum checks, so weights changed
 * on disk after loading are caught too.
 *
 * <p>{@link #write} never leaves a moment without a model: the new bundle is completed beside the old one
 * ({@code NAME.writing}), the old one is renamed to {@code NAME.old}, the new one takes its name, and only then is the
 * old one deleted. {@link #load} finishes or undoes a replacement a kill interrupted.
 */
public final class ModelBundle {

    public static final String MANIFEST_FILE = "model.json";
    public static final String DEFAULT_WEIGHTS_FILE = "weights.safetensors";
    private static final long MAX_WEIGHTS_BYTES = 2L << 30;
    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    private static final String WRITING = ".writing";
    private static final String OLD = ".old";

    private final Path location;
    private final Manifest manifest;

    private ModelBundle(Path location, Manifest manifest) {
        this.location = location;
        this.manifest = manifest;
    }

    /**
     * Loads and validates a bundle folder or bundle zip file.
     *
     * @throws ModelBundleException naming the file and the problem
     */
    public static ModelBundle load(Path dirOrFile) {
        Path location = dirOrFile.toAbsolutePath().normalize();
        recover(location);
        if (!Files.exists(location)) {
            throw new ModelBundleException("model bundle " + location + " does not exist");
        }
        return read(location);
    }

    /** Parses the manifest and checks the weights against it. */
    private static ModelBundle read(Path location) {
        Manifest manifest = ManifestCodec.parse(
                new String(readEntry(location, MANIFEST_FILE, MAX_MANIFEST_BYTES), StandardCharsets.UTF_8),
                describe(location, MANIFEST_FILE));
        ModelBundle bundle = new ModelBundle(location, manifest);
        bundle.readWeights();
        return bundle;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The folder or zip file the bundle was loaded from. */
    public Path location() {
        return location;
    }

    /** Reads the weights again, checking size, checksum and header against the manifest. */
    public WeightsFile readWeights() {
        Manifest.Weights expected = manifest.weights();
        String source = describe(location, expected.file());
        if (expected.bytes() > MAX_WEIGHTS_BYTES) {
            throw new ModelBundleException(describe(location, MANIFEST_FILE) + ": weights.bytes " + expected.bytes()
                    + " exceeds the " + MAX_WEIGHTS_BYTES + "-byte limit");
        }
        byte[] bytes = readEntry(location, expected.file(), (int) expected.bytes() + 1);
        if (bytes.length != expected.bytes()) {
            throw new ModelBundleException(source + " is " + bytes.length + " bytes but model.json says "
                    + expected.bytes() + (bytes.length < expected.bytes() ? " (truncated)" : ""));
        }
        String actual = sha256(bytes);
        if (!actual.equals(expected.sha256())) {
            throw new ModelBundleException(source + ": checksum mismatch (SHA-256 is " + actual
                    + ", model.json says " + expected.sha256() + "); the file is corrupt or belongs to another model");
        }
        WeightsFile weights = WeightsFile.parse(bytes, source);
        if (!weights.architecture().equals(manifest.architecture())
                || !weights.backbone().equals(manifest.backbone())) {
            throw new ModelBundleException(source + ": architecture mismatch: the weights are for "
                    + weights.architecture() + "/" + weights.backbone() + " but model.json says "
                    + manifest.architecture() + "/" + manifest.backbone());
        }
        if (weights.precision() != expected.precision()) {
            throw new ModelBundleException(source + ": weights are stored as " + weights.precision().key()
                    + " but model.json says " + expected.precision().key());
        }
        return weights;
    }

    /**
     * Writes a bundle: a folder, or a single zip file when {@code target} ends in {@code .zip} or {@code .dsmodel}.
     * The manifest's weights entry is filled in from {@code weights}. An existing target is replaced only once the new
     * bundle is complete.
     *
     * @return the manifest as written
     */
    public static Manifest write(Path target, Manifest manifest, WeightsFile weights) throws IOException {
        if (!weights.architecture().equals(manifest.architecture())
                || !weights.backbone().equals(manifest.backbone())) {
            throw new IllegalArgumentException("weights are for " + weights.architecture() + "/" + weights.backbone()
                    + " but the manifest says " + manifest.architecture() + "/" + manifest.backbone());
        }
        byte[] data = weights.toBytes();
        Manifest complete = manifest.withWeights(
                new Manifest.Weights(DEFAULT_WEIGHTS_FILE, data.length, weights.precision(), sha256(data)));
        byte[] json = ManifestCodec.toJson(complete).getBytes(StandardCharsets.UTF_8);
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        Path temp = sibling(absolute, WRITING);
        PathUtils.delete(temp);
        if (isArchiveName(absolute)) {
            try (OutputStream file = Files.newOutputStream(temp);
                    ZipOutputStream zip = new ZipOutputStream(file)) {
                zip.putNextEntry(new ZipEntry(MANIFEST_FILE));
                zip.write(json);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(DEFAULT_WEIGHTS_FILE));
                zip.write(data);
                zip.closeEntry();
            }
        } else {
            Files.createDirectories(temp);
            Files.write(temp.resolve(DEFAULT_WEIGHTS_FILE), data);
            Files.write(temp.resolve(MANIFEST_FILE), json);
        }
        Path old = sibling(absolute, OLD);
        PathUtils.delete(old);
        if (Files.exists(absolute)) {
            move(absolute, old);
        }
        move(temp, absolute);
        PathUtils.delete(old);
        return complete;
    }

    /**
     * Puts an interrupted replacement right: with the bundle gone, its backup comes back (the kill fell between the two
     * renames), else a complete new bundle takes its place; leftovers beside a bundle in place are deleted.
     */
    private static void recover(Path location) {
        Path old = sibling(location, OLD);
        Path writing = sibling(location, WRITING);
        try {
            if (!Files.exists(location)) {
                if (Files.exists(old)) {
                    move(old, location);
                } else if (Files.exists(writing) && isComplete(writing)) {
                    move(writing, location);
                }
            }
            if (Files.exists(location)) {
                PathUtils.delete(old);
                PathUtils.delete(writing);
            }
        } catch (IOException e) {
            throw new ModelBundleException("cannot finish the interrupted replacement of " + location + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isComplete(Path bundle) {
        try {
            read(bundle);
            return true;
        } catch (ModelBundleException e) {
            return false;
        }
    }

    private static Path sibling(Path bundle, String suffix) {
        return bundle.resolveSibling(bundle.getFileName() + suffix);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isArchiveName(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".zip") || name.endsWith(".dsmodel");
    }

    private static String describe(Path location, String entry) {
        return location.resolve(entry).toString();
    }

    /** Reads one bundle entry, refusing more than {@code limit} bytes; errors name the entry. */
    private static byte[] readEntry(Path location, String entry, int limit) {
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve(entry);
                if (!Files.isRegularFile(file)) {
                    throw new ModelBundleException("model bundle " + location + " has no " + entry);
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return in.readNBytes(limit);
                }
            }
            try (ZipFile zip = new ZipFile(location.toFile())) {
                ZipEntry e = zip.getEntry(entry);
                if (e == null) {
                    throw new ModelBundleException("model bundle " + location + " has no " + entry);
                }
                try (InputStream in = zip.getInputStream(e)) {
                    return in.readNBytes(limit);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ModelBundleException("model bundle " + location + " has no " + entry, e);
        } catch (ZipException e) {
            throw new ModelBundleException(location + " is neither a bundle folder nor a readable bundle zip file ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelBundleException("cannot read " + describe(location, entry) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ModelBundle[" + location + ", " + manifest.architecture() + "/" + manifest.backbone() + "]";
    }
}
