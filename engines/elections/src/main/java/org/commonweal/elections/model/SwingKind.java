package org.commonweal.elections.model;

/** How a swing changes a party's vote in each constituency. */
public enum SwingKind {
    /** Add {@code amount} percentage points of the constituency's valid vote (the Butler uniform swing). */
    UNIFORM("uniform"),
    /** Multiply the party's votes by {@code amount} (a ratio: 1.1 is a tenth more). */
    PROPORTIONAL("proportional");

    private final String jsonName;

    SwingKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static SwingKind fromJson(String name) {
        for (SwingKind k : values()) if (k.jsonName.equals(name)) return k;
        return null;
    }
}
