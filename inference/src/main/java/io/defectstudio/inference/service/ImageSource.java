package io.defectstudio.inference.service;

import java.awt.image.BufferedImage;

/** Supplies a query image when a worker gets to it, so a long queue does not hold every decoded image. */
@FunctionalInterface
public interface ImageSource {

    BufferedImage load() throws Exception;
}
