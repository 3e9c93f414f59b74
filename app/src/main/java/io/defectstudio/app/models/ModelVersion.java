package io.defectstudio.app.models;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One model as the versions view lists it: a registered version, or the model shipped with the application (which
 * the workstation uses whenever no version is active).
 *
 * @param id           the registered model's id, or {@link #SHIPPED} for the shipped model
 * @param trainingIou  the validation mIoU recorded when it was trained, if any
 * @param heldOutIou   mIoU on the comparison episode set, once compared
 * @param heldOutFbIou FB-IoU on the comparison episode set, once compared
 * @param advice       why activating it is not recommended, or empty
 */
public record ModelVersion(long id, String name, String architecture, Instant createdAt, boolean active,
                           OptionalDouble trainingIou, OptionalDouble heldOutIou, OptionalDouble heldOutFbIou,
                           String advice) {
    public static final long SHIPPED = 0;

    public boolean shipped() {
        return id == SHIPPED;
    }

    ModelVersion withAdvice(String why) {
        return new ModelVersion(id, name, architecture, createdAt, active, trainingIou, heldOutIou, heldOutFbIou,
                why);
    }
}
