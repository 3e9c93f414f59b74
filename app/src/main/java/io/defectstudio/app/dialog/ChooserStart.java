package io.defectstudio.app.dialog;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a file or folder chooser opens: the folder of the user's last choice while it still exists, else their home
 * folder (GTK's choosers otherwise open in the program's working folder).
 */
final class ChooserStart {
    private final Path home;
    private Path last;

    ChooserStart(Path home) {
        this.home = home;
    }

    Path folder() {
        if (last != null && Files.isDirectory(last)) {
            return last;
        }
        return home;
    }

    /** Remembers a choice: a folder itself, or the folder a chosen file is in. */
    void chose(Path chosen) {
        Path folder = Files.isDirectory(chosen) ? chosen : chosen.toAbsolutePath().getParent();
        if (folder != null) {
            last = folder;
        }
    }
}
