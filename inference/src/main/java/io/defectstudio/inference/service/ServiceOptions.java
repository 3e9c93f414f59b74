package io.defectstudio.inference.service;

/**
 * How the service runs queries.
 *
 * @param workers worker threads (each runs one batch at a time)
 * @param maxBatch most queries decoded in one network pass
 */
public record ServiceOptions(int workers, int maxBatch) {

    public ServiceOptions {
        if (workers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("workers and maxBatch must be >= 1");
        }
    }

    /**
     * Defaults for a device: on a GPU one worker with batches of 8 (a batch costs little more than one image);
     * on the CPU one worker without batching, since a batch there costs as much as its images one by one but delays
     * the first result, and the prioritised image should come back as soon as possible.
     */
    public static ServiceOptions forDevice(String device) {
        return device.startsWith("gpu") ? new ServiceOptions(1, 8) : new ServiceOptions(1, 1);
    }
}
