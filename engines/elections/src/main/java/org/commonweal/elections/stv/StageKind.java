package org.commonweal.elections.stv;

/** What happened at one stage of a count. */
public enum StageKind {
    FIRST_PREFERENCES("first preferences"),
    SURPLUS("transfer of surplus"),
    EXCLUSION("exclusion"),
    KEEP_FACTORS("keep factors recalculated");

    private final String label;

    StageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
