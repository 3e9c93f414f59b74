package io.defectstudio.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * SGD with momentum or Adam over a block's trainable parameters, with its state (momentum, moments) held by name so
 * that a checkpoint can save and restore it exactly. DJL's own optimizers keep that state private, which would make a
 * resumed run diverge from an uninterrupted one.
 */
public final class ParameterOptimizer implements AutoCloseable {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final OptimizerKind kind;
    private final float momentum;
    private final float weightDecay;
    private final NDManager stateManager;
    private final Map<String, NDArray> state = new LinkedHashMap<>();

    public ParameterOptimizer(OptimizerKind kind, float momentum, float weightDecay, NDManager parent) {
        this.kind = kind;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.stateManager = parent.newSubManager();
    }

    /** The parameters that receive gradients (frozen ones excluded), by their block path name. */
    public static List<Pair<String, Parameter>> trainable(Block block) {
        List<Pair<String, Parameter>> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient() && p.getValue().isInitialized()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Applies one update with the gradients accumulated by the last backward pass, then clears them. Where any
     * gradient is not finite (NaN or infinite) nothing is updated, so one bad batch cannot poison the weights or the
     * optimizer state; the gradients are cleared all the same.
     *
     * @param step 0-based index of this update (Adam's bias correction)
     * @return whether the update was applied
     */
    public boolean step(List<Pair<String, Parameter>> parameters, float learningRate, long step) {
        boolean finite = parameters.stream().allMatch(p -> withGradient(p.getValue(),
                (weight, grad) -> !grad.isNaN().any().getBoolean() && !grad.isInfinite().any().getBoolean()));
        if (!finite) {
            clearGradients(parameters);
            return false;
        }
        for (Pair<String, Parameter> p : parameters) {
            withGradient(p.getValue(), (weight, grad) -> {
                NDArray g = weightDecay == 0 ? grad.duplicate() : grad.add(weight.mul(weightDecay));
                NDArray delta = kind == OptimizerKind.SGD ? sgd(p.getKey(), g) : adam(p.getKey(), g, step);
                weight.subi(delta.muli(learningRate));
                return zero(grad);
            });
        }
        return true;
    }

    /** Zeroes every gradient without updating anything (for a step whose loss was already not finite). */
    public void clearGradients(List<Pair<String, Parameter>> parameters) {
        for (Pair<String, Parameter> p : parameters) {
            withGradient(p.getValue(), (weight, grad) -> zero(grad));
        }
    }

    /** Clears a gradient in place with a fill, because multiplying by zero keeps NaN. */
    private static boolean zero(NDArray grad) {
        grad.set(new NDIndex("..."), 0f);
        return true;
    }

    /** Applies {@code action} to a parameter's weight and gradient in a scope that frees every temporary it makes. */
    private <T> T withGradient(Parameter parameter, BiFunction<NDArray, NDArray, T> action) {
        NDArray weight = parameter.getArray();
        try (NDManager scope = stateManager.newSubManager()) {
            // Every temporary derives from an array attached to the scope, so it is freed with the scope.
            scope.tempAttachAll(weight);
            NDArray grad = weight.getGradient();
            grad.attach(scope);
            return action.apply(weight, grad);
        }
    }

    // v <- mu * v + g ; delta = v (PyTorch's SGD momentum convention).
    private NDArray sgd(String name, NDArray g) {
        NDArray v = state(name + ".v", g);
        v.muli(momentum).addi(g);
        g.getManager().tempAttachAll(v);
        return v.duplicate();
    }

    // m <- b1 m + (1-b1) g ; s <- b2 s + (1-b2) g^2 ; delta = m_hat / (sqrt(s_hat) + eps) (Kingma & Ba, Alg. 1).
    private NDArray adam(String name, NDArray g, long step) {
        NDArray m = state(name + ".m", g);
        NDArray s = state(name + ".s", g);
        m.muli(BETA1).addi(g.mul(1 - BETA1));
        s.muli(BETA2).addi(g.square().muli(1 - BETA2));
        double t = step + 1;
        float c1 = (float) (1 - Math.pow(BETA1, t));
        float c2 = (float) (1 - Math.pow(BETA2, t));
        g.getManager().tempAttachAll(m, s);
        return m.div(c1).divi(s.div(c2).sqrt().addi(EPSILON));
    }

    private NDArray state(String key, NDArray like) {
        return state.computeIfAbsent(key, k -> {
            NDArray zeros = stateManager.zeros(like.getShape(), like.getDataType(), like.getDevice());
            zeros.setName(k);
            return zeros;
        });
    }

    /** A copy of the state arrays, named, for a checkpoint. */
    public NDList exportState() {
        NDList out = new NDList();
        state.values().forEach(out::add);
        return out;
    }

    /** Replaces the state with arrays previously returned by {@link #exportState}. */
    public void importState(NDList arrays) {
        state.values().forEach(NDArray::close);
        state.clear();
        for (NDArray a : arrays) {
            NDArray copy = a.toDevice(stateManager.getDevice(), true);
            copy.attach(stateManager);
            copy.setName(a.getName());
            state.put(a.getName(), copy);
        }
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
