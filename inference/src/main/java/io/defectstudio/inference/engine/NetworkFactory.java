package io.defectstudio.inference.engine;

import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.FewShotNet;

/** Builds an uninitialised network from the manifest's architecture and backbone names. */
@FunctionalInterface
public interface NetworkFactory {

    /** @throws IllegalArgumentException when a name is unknown */
    FewShotNet create(String architecture, String backbone);

    /** The shipped networks: {@link Architectures#create(String, String)}. */
    static NetworkFactory standard() {
        return Architectures::create;
    }
}
