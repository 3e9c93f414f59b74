package io.defectstudio.training.datasets.coco;

import java.util.ArrayList;
import java.util.List;

/**
 * COCO run-length encoding as pycocotools defines it (maskApi.c: rleEncode, rleToString, rleFrString).
 * <p>
 * Pixels are visited column-major (x outer, y inner, numpy Fortran order); counts alternate background and
 * defect runs and always start with a background run, which may be 0. The compressed string stores each count
 * as 5-bit groups, least significant first, in characters 48..111 with bit 0x20 meaning "more groups follow";
 * from the fourth count on (index > 2) a count is stored as the difference to the count two places earlier.
 */
public final class CocoRle {
    private CocoRle() {
    }

    /** Counts for a row-major defect array of the given size. */
    public static long[] counts(boolean[] rowMajor, int width, int height) {
        check(rowMajor.length, width, height);
        List<Long> runs = new ArrayList<>();
        boolean current = false;
        long run = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean v = rowMajor[y * width + x];
                if (v != current) {
                    runs.add(run);
                    run = 0;
                    current = v;
                }
                run++;
            }
        }
        runs.add(run);
        return runs.stream().mapToLong(Long::longValue).toArray();
    }

    /** Inverse of {@link #counts}: a row-major defect array. */
    public static boolean[] decode(long[] counts, int width, int height) {
        check(counts, width, height);
        boolean[] out = new boolean[width * height];
        int i = 0;
        boolean value = false;
        for (long c : counts) {
            for (long k = 0; k < c; k++, i++) {
                if (value) {
                    out[(i % height) * width + (i / height)] = true;
                }
            }
            value = !value;
        }
        return out;
    }

    /**
     * Checks that counts describe a {@code width x height} mask without decoding it, so that a broken annotation is
     * refused before anything is allocated.
     *
     * @throws IllegalArgumentException for a negative count or counts that do not sum to the pixel count
     */
    public static void check(long[] counts, int width, int height) {
        long total = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative RLE count " + c);
            }
            total += c;
        }
        if (total != (long) width * height) {
            throw new IllegalArgumentException("RLE counts sum to " + total + " but the mask has " + width + "x"
                    + height + " = " + (long) width * height + " pixels");
        }
    }

    /** rleToString: the compressed 'counts' string. */
    public static String toCompressedString(long[] counts) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) {
                x -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                int c = (int) (x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                s.append((char) (c + 48));
            }
        }
        return s.toString();
    }

    /** rleFrString: counts from a compressed 'counts' string. */
    public static long[] fromCompressedString(String s) {
        List<Long> counts = new ArrayList<>();
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= s.length()) {
                    throw new IllegalArgumentException("RLE string ends inside a count");
                }
                int c = s.charAt(p) - 48;
                if (c < 0 || c > 63) {
                    throw new IllegalArgumentException("invalid RLE character '" + s.charAt(p) + "'");
                }
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            int m = counts.size();
            if (m > 2) {
                x += counts.get(m - 2);
            }
            counts.add(x);
        }
        return counts.stream().mapToLong(Long::longValue).toArray();
    }

    private static void check(int length, int width, int height) {
        if (length != width * height) {
            throw new IllegalArgumentException("mask has " + length + " pixels, expected " + width + "x" + height);
        }
    }
}
