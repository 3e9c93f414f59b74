package io.defectstudio.storage;

/** A mask's size differs from the size of the image it belongs to. */
public class MaskSizeMismatchException extends StorageException {
    public MaskSizeMismatchException(long imageId, String imageFile, int imageWidth, int imageHeight,
                                     int maskWidth, int maskHeight) {
        super(String.format("mask is %d x %d but image %d (%s) is %d x %d",
                maskWidth, maskHeight, imageId, imageFile, imageWidth, imageHeight));
    }
}
