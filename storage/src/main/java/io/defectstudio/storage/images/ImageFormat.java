package io.defectstudio.storage.images;

import java.util.Optional;

/** The image formats the store accepts, recognised by their magic bytes rather than by file name. */
public enum ImageFormat {
    PNG("png", "png"),
    JPEG("jpeg", "jpg"),
    BMP("bmp", "bmp"),
    TIFF("tiff", "tif");

    /** Bytes needed to recognise every format. */
    public static final int SIGNATURE_LENGTH = 8;

    private final String imageIoName;
    private final String extension;

    ImageFormat(String imageIoName, String extension) {
        this.imageIoName = imageIoName;
        this.extension = extension;
    }

    public String imageIoName() {
        return imageIoName;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ImageFormat> sniff(byte[] head, int length) {
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 'B', 'M')) {
            return Optional.of(BMP);
        }
        if (startsWith(head, length, 'I', 'I', 42, 0) || startsWith(head, length, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
