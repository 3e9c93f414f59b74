package io.defectstudio.inference.bundle;

import java.util.Arrays;

/** A tensor read from or written to a safetensors file, held as float32 whatever its stored dtype. */
public record NamedTensor(String name, long[] shape, float[] values) {

    public NamedTensor {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + count
                    + " values, got " + values.length);
        }
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }
}
