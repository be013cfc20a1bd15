package org.commonweal.platform.core.subjects;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Where features meet without touching each other's tables. A feature that owns a kind of subject registers
 * how to look one up; features that comment on, follow or notify about subjects ask here. Changes are
 * announced here after their transaction commits, and whoever listens (notifications) hears them.
 */
public final class Subjects {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Subjects.class);
    private final Map<String, LongFunction<Optional<SubjectInfo>>> finders = new ConcurrentHashMap<>();
    private final List<Consumer<SubjectChange>> listeners = new CopyOnWriteArrayList<>();

    /** Registers the owner of a kind; a kind has exactly one owner. */
    public void register(String kind, LongFunction<Optional<SubjectInfo>> finder) {
        new Subject(kind, 1); // validates the kind's spelling
        if (finders.putIfAbsent(kind, finder) != null) throw new IllegalStateException("subject kind registered twice: " + kind);
    }

    /** The subject, if its kind is known and it exists (hidden or deleted ones are empty, as their owner decides). */
    public Optional<SubjectInfo> find(Subject subject) {
        var finder = finders.get(subject.kind());
        return finder == null ? Optional.empty() : finder.apply(subject.id());
    }

    /** The registered kinds, alphabetically (search offers them as filters). */
    public List<String> kinds() {
        return finders.keySet().stream().sorted().toList();
    }

    public boolean knows(String kind) {
        return finders.containsKey(kind);
    }

    public void listen(Consumer<SubjectChange> listener) {
        listeners.add(listener);
    }

    /**
     * Tells every listener. Call it after the change has committed: a listener's failure is logged and does
     * not undo the change or stop the other listeners (a missed notification is better than a lost change).
     */
    public void announce(SubjectChange change) {
        for (Consumer<SubjectChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.error("listener failed for {} {}", change.subject(), change.messageKey(), e);
            }
        }
    }
}
