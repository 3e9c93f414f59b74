package io.defectstudio.inference.engine;

import io.defectstudio.inference.nets.FewShotNet;

/** Builds an uninitialised network from the manifest's architecture and backbone names. */
@FunctionalInterface
public interface NetworkFactory {

    /** @throws IllegalArgumentException when a name is unknown */
    FewShotNet create(String architecture, String backbone);
}
