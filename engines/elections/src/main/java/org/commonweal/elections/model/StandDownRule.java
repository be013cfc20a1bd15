package org.commonweal.elections.model;

/** Where a party withdraws its candidates. */
public enum StandDownRule {
    /** In every constituency. */
    ALL("all"),
    /** In the constituencies listed by id or name. */
    LISTED("listed"),
    /** Wherever another alliance party is best placed (has the most votes among alliance parties after swing). */
    ALLY_BEST_PLACED("ally-best-placed"),
    /** Wherever one named alliance party (the beneficiary) is the best-placed ally. */
    BENEFICIARY_BEST_PLACED("beneficiary-best-placed");

    private final String jsonName;

    StandDownRule(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static StandDownRule fromJson(String name) {
        for (StandDownRule r : values()) if (r.jsonName.equals(name)) return r;
        return null;
    }
}
