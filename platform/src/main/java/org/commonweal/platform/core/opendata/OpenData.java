package org.commonweal.platform.core.opendata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The catalogue of open datasets; each feature registers its own in its constructor. */
public final class OpenData {
    private final Map<String, OpenDataset> datasets = new ConcurrentSkipListMap<>();

    public void register(OpenDataset dataset) {
        if (datasets.putIfAbsent(dataset.name(), dataset) != null) throw new IllegalStateException("dataset registered twice: " + dataset.name());
    }

    public List<OpenDataset> all() {
        return List.copyOf(datasets.values());
    }

    public Optional<OpenDataset> find(String name) {
        return Optional.ofNullable(datasets.get(name));
    }
}
