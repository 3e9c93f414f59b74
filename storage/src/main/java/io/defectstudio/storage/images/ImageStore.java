package io.defectstudio.storage.images;

import io.defectstudio.storage.ReadOnlyProjectException;
import io.defectstudio.storage.StorageIoException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Content-addressed originals: {@code images/<first two hex digits>/<sha256>.<ext>}, bytes exactly as imported.
 * A file is copied into {@code images/.incoming} first, hashed on the way, checked, flushed to disk and only then
 * moved into place atomically, so a crash never leaves a half-written original under its final name.
 */
public final class ImageStore {
    public static final String FOLDER = "images";
    private static final String INCOMING = ".incoming";
    private static final Duration STALE_AFTER = Duration.ofHours(6);

    private final Path projectFolder;
    private final Path root;
    private final Path incoming;

    public ImageStore(Path projectFolder) {
        this.projectFolder = projectFolder;
        this.root = projectFolder.resolve(FOLDER);
        this.incoming = root.resolve(INCOMING);
    }

    /** A copy of an imported file waiting to be checked and committed. */
    public record Staged(Path file, String sha256, long size) {
    }

    public Staged stage(Path source) {
        createDirectories(incoming);
        Path target = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest)) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                size = in.transferTo(out);
            } catch (IOException e) {
                discardQuietly(target);
                throw writeFailure(target, e);
            }
        } catch (IOException e) {
            throw new StorageIoException(source + ": cannot read: " + e.getMessage(), e);
        }
        return new Staged(target, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Moves a checked copy to its content address and returns the path relative to the project folder. */
    public String commit(Staged staged, ImageFormat format) {
        String relative = FOLDER + "/" + staged.sha256().substring(0, 2) + "/" + staged.sha256() + "."
                + format.extension();
        Path target = projectFolder.resolve(relative);
        try {
            force(staged.file(), false);
            createDirectories(target.getParent());
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            force(target.getParent(), true);
        } catch (IOException e) {
            throw writeFailure(target, e);
        }
        return relative;
    }

    public Path resolve(String storePath) {
        return projectFolder.resolve(storePath);
    }

    public void discard(Staged staged) {
        discardQuietly(staged.file());
    }

    /**
     * Removes copies left behind by imports that were interrupted. Only old ones: a fresh copy may belong to an import
     * running right now in another process sharing the folder.
     */
    public void clearIncoming() {
        if (!Files.isDirectory(incoming)) {
            return;
        }
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(incoming, "*.part")) {
            for (Path leftover : leftovers) {
                if (modifiedBefore(leftover, cutoff)) {
                    discardQuietly(leftover);
                }
            }
        } catch (IOException e) {
            throw new StorageIoException(incoming + ": cannot list interrupted imports: " + e.getMessage(), e);
        }
    }

    private static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            // Gone already (another process finished or cleaned it up).
            return false;
        }
    }

    private static void force(Path path, boolean directory) throws IOException {
        try (FileChannel channel = FileChannel.open(path, directory
                ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // Some file systems cannot sync a directory; the file itself is already on disk.
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw writeFailure(dir, e);
        }
    }

    private static RuntimeException writeFailure(Path path, IOException e) {
        if (e instanceof AccessDeniedException
                || (e instanceof FileSystemException fse && String.valueOf(fse.getReason()).contains("Read-only"))) {
            return new ReadOnlyProjectException(path, "cannot write to the image store", e);
        }
        return new StorageIoException(path + ": cannot write to the image store: " + e.getMessage(), e);
    }

    private static void discardQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stale .part file is removed at the next open.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
