package io.defectstudio.inference;

/** Where the network runs. {@link #AUTO} picks the first GPU the engine sees, else the CPU. */
public enum DeviceChoice {
    AUTO,
    CPU,
    GPU
}
