package org.commonweal.elections.model;

/** A scenario that does not fit the results or makes no sense, naming the field (e.g. {@code swings[1].party}). */
public final class ScenarioException extends IllegalArgumentException {
    public ScenarioException(String field, String problem) {
        super(field + ": " + problem);
    }
}
