package io.defectstudio.storage;

import java.nio.file.Path;

/** The image header declares more pixels than the project's configured limit; no pixel was decoded. */
public class ImageTooLargeException extends StorageException {
    private final Path file;
    private final long width;
    private final long height;
    private final long limitPixels;

    public ImageTooLargeException(Path file, long width, long height, long limitPixels) {
        super(String.format("%s: image is %d x %d = %d pixels, above the limit of %d pixels",
                file, width, height, width * height, limitPixels));
        this.file = file;
        this.width = width;
        this.height = height;
        this.limitPixels = limitPixels;
    }

    public Path file() {
        return file;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }

    public long limitPixels() {
        return limitPixels;
    }
}
