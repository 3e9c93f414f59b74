package io.defectstudio.inference.engine;

import io.defectstudio.inference.nets.FewShotNet;

/** The networks a shipped bundle may name. */
final class StandardNetworks {

    private StandardNetworks() {}

    static FewShotNet create(String architecture, String backbone) {
        throw new IllegalArgumentException("no standard architectures are available yet (wanted " + architecture
                + "/" + backbone + ")");
    }
}
