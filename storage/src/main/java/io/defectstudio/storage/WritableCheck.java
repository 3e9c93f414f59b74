package io.defectstudio.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Refuses project paths that cannot, or must not, be written. A path counts as read-only when the operating system
 * says so or when its owner has no write permission: the latter also holds for root, who could write anyway, so a
 * folder an administrator marked read-only is respected rather than silently modified.
 */
final class WritableCheck {
    private WritableCheck() {
    }

    static void requireWritable(Path path, String role) {
        if (!Files.exists(path)) {
            return;
        }
        if (!Files.isWritable(path)) {
            throw new ReadOnlyProjectException(path, role + " cannot be written (permission or file system)", null);
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix == null) {
            return;
        }
        try {
            if (!posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE)) {
                throw new ReadOnlyProjectException(path, role + " is marked read-only (no owner write permission)",
                        null);
            }
        } catch (IOException e) {
            throw new StorageIoException(path + ": cannot read permissions: " + e.getMessage(), e);
        }
    }
}
