package io.defectstudio.app.models;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One registered model as the versions view lists it.
 *
 * @param trainingIou  the validation mIoU recorded when it was trained, if any
 * @param heldOutIou   mIoU on the comparison episode set, once compared
 * @param heldOutFbIou FB-IoU on the comparison episode set, once compared
 */
public record ModelVersion(long id, String name, String architecture, Instant createdAt, boolean active,
                           OptionalDouble trainingIou, OptionalDouble heldOutIou, OptionalDouble heldOutFbIou) {
    public ModelVersion withComparison(double miou, double fbIou) {
        return new ModelVersion(id, name, architecture, createdAt, active, trainingIou, OptionalDouble.of(miou),
                OptionalDouble.of(fbIou));
    }
}
