package org.commonweal.pb;

import java.util.Map;

/**
 * A project on the ballot. {@code cost} is in the instance's scaled units (see {@link Instance#costScale()}),
 * so arithmetic stays exact in integers. {@code columns} keeps every PROJECTS column of the source file
 * as written (including project_id and cost), in file order, so a round trip is lossless.
 */
public record Project(String id, long cost, Map<String, String> columns) {
    public Project {
        columns = Columns.copyOf(columns);
    }

    public String name() {
        return columns.getOrDefault("name", id);
    }
}
