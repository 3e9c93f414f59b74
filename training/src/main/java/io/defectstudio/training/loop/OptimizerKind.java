package io.defectstudio.training.loop;

/** The optimizers training offers: SGD with momentum (LERENet, EAMNet) or Adam. */
public enum OptimizerKind {
    SGD,
    ADAM
}
