package org.commonweal.platform.core.feature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services features publish for each other, by type. A feature publishes in its constructor and looks up what the
 * features before it in the list published; asking for one that is not there names it, so a feature listed before
 * the one it needs fails at start-up, not at the first request.
 */
public final class Services {
    private final Map<Class<?>, Object> published = new LinkedHashMap<>();

    public synchronized <T> void publish(Class<T> type, T service) {
        if (published.putIfAbsent(type, service) != null) throw new IllegalStateException(type.getName() + " is published twice");
    }

    public synchronized <T> T get(Class<T> type) {
        Object s = published.get(type);
        if (s == null) {
            throw new IllegalStateException("no feature before this one in the feature list publishes " + type.getName()
                    + " (published so far: " + published.keySet().stream().map(Class::getSimpleName).toList() + ")");
        }
        return type.cast(s);
    }
}
