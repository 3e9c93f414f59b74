package io.defectstudio.training.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Writes and reads named float32 tensors for checkpoints. Loading copies values into the block's existing parameter
 * arrays instead of replacing them: arrays decoded by DJL can share memory with a Java buffer that the garbage
 * collector later frees, which corrupted the native heap of resumed runs.
 */
final class TensorCodec {

    private TensorCodec() {
    }

    static void writeParameters(DataOutputStream out, Block block) throws IOException {
        List<Pair<String, Parameter>> parameters = block.getParameters().stream().toList();
        out.writeInt(parameters.size());
        for (Pair<String, Parameter> p : parameters) {
            write(out, p.getKey(), p.getValue().getArray());
        }
    }

    static void readParameters(DataInputStream in, Block block, String source) throws IOException {
        List<Pair<String, Parameter>> parameters = block.getParameters().stream().toList();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new CheckpointException(source + " holds " + count + " parameters, the model has "
                    + parameters.size());
        }
        for (Pair<String, Parameter> p : parameters) {
            String name = in.readUTF();
            long[] shape = readShape(in);
            NDArray target = p.getValue().getArray();
            if (!name.equals(p.getKey()) || !Arrays.equals(shape, target.getShape().getShape())) {
                throw new CheckpointException(source + " holds " + name + " " + Arrays.toString(shape)
                        + " where the model has " + p.getKey() + " " + target.getShape());
            }
            target.set(FloatBuffer.wrap(readValues(in, shape)));
        }
    }

    static void writeList(DataOutputStream out, NDList arrays) throws IOException {
        out.writeInt(arrays.size());
        for (NDArray a : arrays) {
            write(out, a.getName(), a);
        }
    }

    /** Reads arrays into fresh copies owned by the engine, attached to {@code manager}. */
    static NDList readList(DataInputStream in, NDManager manager) throws IOException {
        int count = in.readInt();
        NDList list = new NDList(count);
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            long[] shape = readShape(in);
            NDArray array = manager.zeros(new Shape(shape), DataType.FLOAT32);
            array.set(FloatBuffer.wrap(readValues(in, shape)));
            NDArray owned = array.duplicate();
            array.close();
            owned.setName(name);
            list.add(owned);
        }
        return list;
    }

    private static void write(DataOutputStream out, String name, NDArray array) throws IOException {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new CheckpointException(name + " is " + array.getDataType() + "; checkpoints hold float32");
        }
        out.writeUTF(name == null ? "" : name);
        long[] shape = array.getShape().getShape();
        out.writeInt(shape.length);
        for (long d : shape) {
            out.writeLong(d);
        }
        float[] values = array.toFloatArray();
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length);
        bytes.asFloatBuffer().put(values);
        out.write(bytes.array());
    }

    private static long[] readShape(DataInputStream in) throws IOException {
        long[] shape = new long[in.readInt()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readLong();
        }
        return shape;
    }

    private static float[] readValues(DataInputStream in, long[] shape) throws IOException {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        byte[] bytes = new byte[Math.toIntExact(4 * count)];
        in.readFully(bytes);
        float[] values = new float[(int) count];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return values;
    }
}
