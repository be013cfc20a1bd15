package org.commonweal.platform.core.opendata;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A table of public data a feature publishes under the Open Government Licence: a file name
 * ("problems"), a title and description (message keys), its columns, and its rows, streamed so that a large
 * table never sits in memory. Cell values are strings, numbers, booleans, dates/times or null. A dataset holds
 * only what the feature already shows publicly (never a voter, an email address or a hidden item).
 */
public record OpenDataset(String name, String titleKey, String descriptionKey, List<String> columns, Rows rows) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,60}");

    /** Pushes every row, in a stable order (ids ascending), to the sink. */
    @FunctionalInterface
    public interface Rows {
        void each(Consumer<List<Object>> sink);
    }

    public OpenDataset {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("dataset name must be lower-case words with dashes: " + name);
        columns = List.copyOf(columns);
    }
}
