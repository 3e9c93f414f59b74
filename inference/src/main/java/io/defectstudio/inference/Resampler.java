package io.defectstudio.inference;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Separable resampling of a rectangle of a source to an output size, axis by axis: exact area averaging along an axis
 * that shrinks (no aliasing), bilinear with half-pixel centres along one that grows (PyTorch's
 * {@code align_corners=false}). The source is read one row at a time, so only the output is ever held as floats: a
 * 100-megapixel image shrinks to a working size without a 400 MB float copy of it. Images on their way into the
 * network and probability maps on their way back (also {@link ProbabilityMap}'s re-cut masks) all go through it.
 */
public final class Resampler {

    private Resampler() {}

    /** A source read row by row. */
    public interface Rows {
        int channels();

        /** Fills {@code out} with channel {@code c} of row {@code y}, columns {@code x0 .. x0 + out.length - 1}. */
        void read(int y, int c, int x0, float[] out);
    }

    /** Channel-major output {@code (channels, outHeight, outWidth)} of {@code region} of {@code rows}. */
    public static float[] resample(Rows rows, Rectangle region, int outWidth, int outHeight) {
        Axis ax = Axis.of(region.width, outWidth);
        Axis ay = Axis.of(region.height, outHeight);
        Axis byRow = ay.inverse(region.height);
        int channels = rows.channels();
        int plane = outWidth * outHeight;
        float[] out = new float[channels * plane];
        float[] src = new float[region.width];
        float[] row = new float[outWidth];
        for (int y = 0; y < region.height; y++) {
            int[] targets = byRow.index[y];
            if (targets.length == 0) {
                continue;
            }
            float[] weights = byRow.weight[y];
            for (int c = 0; c < channels; c++) {
                rows.read(region.y + y, c, region.x, src);
                ax.apply(src, row);
                for (int t = 0; t < targets.length; t++) {
                    int base = c * plane + targets[t] * outWidth;
                    float w = weights[t];
                    for (int x = 0; x < outWidth; x++) {
                        out[base + x] += w * row[x];
                    }
                }
            }
        }
        return out;
    }

    /** Receives the output rows of {@link #resampleRows}; {@code row} is reused for the next row. */
    public interface RowSink {
        void accept(int y, float[] row);
    }

    /**
     * {@link #resample} of a whole one-channel map, handed out one output row at a time, with the same sums in the
     * same order (so the same values): an enlarged map is never held whole. Each source row is widened once.
     */
    public static void resampleRows(float[] values, int width, int height, int outWidth, int outHeight, RowSink sink) {
        Axis ax = Axis.of(width, outWidth);
        Axis ay = Axis.of(height, outHeight);
        float[][] wide = new float[height][outWidth];
        float[] src = new float[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(values, y * width, src, 0, width);
            ax.apply(src, wide[y]);
        }
        float[] row = new float[outWidth];
        for (int y = 0; y < outHeight; y++) {
            int[] sources = ay.index[y];
            float[] weights = ay.weight[y];
            Arrays.fill(row, 0f);
            for (int k = 0; k < sources.length; k++) {
                float[] w = wide[sources[k]];
                float weight = weights[k];
                for (int x = 0; x < outWidth; x++) {
                    row[x] += weight * w[x];
                }
            }
            sink.accept(y, row);
        }
    }

    /** An image's intensities by {@link IntensityScale}: 1 channel for grey, 3 for colour. */
    public static Rows intensities(BufferedImage image) {
        Raster raster = image.getRaster();
        if (IntensityScale.isDirect(image)) {
            float scale = 1f / IntensityScale.fullScale(image);
            int channels = IntensityScale.colourBands(image);
            return new Rows() {
                private int[] samples = new int[0];

                @Override
                public int channels() {
                    return channels;
                }

                @Override
                public void read(int y, int c, int x0, float[] out) {
                    if (samples.length != out.length) {
                        samples = new int[out.length];
                    }
                    raster.getSamples(x0, y, out.length, 1, c, samples);
                    for (int x = 0; x < out.length; x++) {
                        out[x] = samples[x] * scale;
                    }
                }
            };
        }
        return new Rows() {
            private int[] argb = new int[0];

            @Override
            public int channels() {
                return 3;
            }

            @Override
            public void read(int y, int c, int x0, float[] out) {
                if (argb.length != out.length) {
                    argb = new int[out.length];
                }
                image.getRGB(x0, y, out.length, 1, argb, 0, out.length);
                int shift = 16 - 8 * c;
                for (int x = 0; x < out.length; x++) {
                    out[x] = ((argb[x] >> shift) & 0xff) / 255f;
                }
            }
        };
    }

    /** A mask's defect flags (1 = defect) by {@link Masks#readRow}. */
    public static Rows defect(BufferedImage mask) {
        return new Rows() {
            private final byte[] flags = new byte[mask.getWidth()];

            @Override
            public int channels() {
                return 1;
            }

            @Override
            public void read(int y, int c, int x0, float[] out) {
                Masks.readRow(mask, y, flags);
                for (int x = 0; x < out.length; x++) {
                    out[x] = flags[x0 + x];
                }
            }
        };
    }

    /** One channel of floats, row-major. */
    public static Rows plane(float[] values, int width) {
        return new Rows() {
            @Override
            public int channels() {
                return 1;
            }

            @Override
            public void read(int y, int c, int x0, float[] out) {
                System.arraycopy(values, y * width + x0, out, 0, out.length);
            }
        };
    }

    /** One axis: output {@code i} is the sum over {@code k} of {@code weight[i][k] * source[index[i][k]]}. */
    record Axis(int[][] index, float[][] weight) {

        static Axis of(int sourceLength, int outLength) {
            int[][] index = new int[outLength][];
            float[][] weight = new float[outLength][];
            double scale = (double) sourceLength / outLength;
            for (int i = 0; i < outLength; i++) {
                if (sourceLength == outLength) {
                    index[i] = new int[] {i};
                    weight[i] = new float[] {1f};
                } else if (sourceLength > outLength) {
                    double from = i * scale;
                    double to = (i + 1) * scale;
                    int first = (int) Math.floor(from);
                    int last = Math.min(sourceLength, (int) Math.ceil(to));
                    index[i] = new int[last - first];
                    weight[i] = new float[last - first];
                    for (int k = first; k < last; k++) {
                        index[i][k - first] = k;
                        weight[i][k - first] = (float) ((Math.min(k + 1, to) - Math.max(k, from)) / scale);
                    }
                } else {
                    // In float, as PyTorch computes it, so that enlarged inputs match training's to the last bit.
                    float centre = Math.max(0f, (float) sourceLength / outLength * (i + 0.5f) - 0.5f);
                    int i0 = (int) centre;
                    int i1 = Math.min(i0 + 1, sourceLength - 1);
                    float l = (float) (centre - i0);
                    index[i] = i1 == i0 ? new int[] {i0} : new int[] {i0, i1};
                    weight[i] = i1 == i0 ? new float[] {1f} : new float[] {1 - l, l};
                }
            }
            return new Axis(index, weight);
        }

        void apply(float[] source, float[] out) {
            for (int i = 0; i < out.length; i++) {
                int[] idx = index[i];
                float[] w = weight[i];
                float sum = 0;
                for (int k = 0; k < idx.length; k++) {
                    sum += w[k] * source[idx[k]];
                }
                out[i] = sum;
            }
        }

        /** The same weights listed by source position: which outputs each source element feeds. */
        Axis inverse(int sourceLength) {
            int[] count = new int[sourceLength];
            for (int[] idx : index) {
                for (int s : idx) {
                    count[s]++;
                }
            }
            int[][] outIndex = new int[sourceLength][];
            float[][] outWeight = new float[sourceLength][];
            for (int s = 0; s < sourceLength; s++) {
                outIndex[s] = new int[count[s]];
                outWeight[s] = new float[count[s]];
            }
            Arrays.fill(count, 0);
            for (int i = 0; i < index.length; i++) {
                for (int k = 0; k < index[i].length; k++) {
                    int s = index[i][k];
                    outIndex[s][count[s]] = i;
                    outWeight[s][count[s]++] = weight[i][k];
                }
            }
            return new Axis(outIndex, outWeight);
        }
    }
}
