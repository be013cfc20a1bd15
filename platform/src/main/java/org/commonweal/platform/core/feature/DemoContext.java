package org.commonweal.platform.core.feature;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a feature's demo data is made with: the demo accounts by role (the places tree is already loaded), the shared
 * data folder when there is one, and where to say something to the person starting the demo.
 */
public record DemoContext(long adminId, long officerId, long moderatorId, long organiserId, List<Long> residentIds,
                          Optional<Path> sharedData, Consumer<String> say) {
    public DemoContext {
        residentIds = List.copyOf(residentIds);
    }
}
