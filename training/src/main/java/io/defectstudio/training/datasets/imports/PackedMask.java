package io.defectstudio.training.datasets.imports;

import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.util.BitSet;

/** A checked binary mask kept at one bit per pixel until it is stored, so big imports fit in memory. */
public record PackedMask(int width, int height, BitSet defects) {

    public static PackedMask of(BufferedImage mask) {
        boolean[] d = MaskImages.defects(mask);
        BitSet bits = new BitSet(d.length);
        for (int i = 0; i < d.length; i++) {
            if (d[i]) {
                bits.set(i);
            }
        }
        return new PackedMask(mask.getWidth(), mask.getHeight(), bits);
    }

    public BufferedImage toImage() {
        boolean[] d = new boolean[width * height];
        for (int i = defects.nextSetBit(0); i >= 0; i = defects.nextSetBit(i + 1)) {
            d[i] = true;
        }
        return MaskImages.fromDefects(d, width, height);
    }
}
