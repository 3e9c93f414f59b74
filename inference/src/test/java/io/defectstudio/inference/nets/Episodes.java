package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Small random episodes for network tests. */
final class Episodes {

    static final int SIZE = 64;

    private Episodes() {}

    static NDArray queries(NDManager manager, int batch) {
        return manager.randomNormal(new Shape(batch, 3, SIZE, SIZE));
    }

    /** {@code [supportImages (B,K,3,S,S), supportMasks (B,K,1,S,S)]} with a different rectangle per shot. */
    static NDList support(NDManager manager, int batch, int shots) {
        NDArray images = manager.randomNormal(new Shape(batch, shots, 3, SIZE, SIZE));
        NDArray masks = manager.zeros(new Shape(batch, shots, 1, SIZE, SIZE), DataType.FLOAT32);
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < shots; k++) {
                int top = 4 + 5 * k + 3 * b;
                int left = 8 + 4 * k;
                masks.set(new NDIndex("{}, {}, :, {}:{}, {}:{}", b, k, top, top + 20, left, left + 24), 1f);
            }
        }
        return new NDList(images, masks);
    }
}
