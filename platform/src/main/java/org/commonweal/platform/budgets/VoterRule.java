package org.commonweal.platform.budgets;

/**
 * Who may vote online in a pot, set by the officer on the pot form: anyone who says they live in the pot's area (every
 * pot before this rule existed), residents whose home is verified (by a posted code or at a council desk), people on the
 * pot's voter register, or verified residents on the register. Holders of the council's posted voting codes vote
 * whatever the rule: the council sent each code to a person it knows. A register uploaded for a pot is always asked
 * for, so a pot with one counts as requiring it.
 */
public enum VoterRule {
    DECLARED("declared", false, false), VERIFIED("verified", true, false), REGISTER("register", false, true),
    VERIFIED_REGISTER("verified-register", true, true);

    private final String stored;
    private final boolean verified;
    private final boolean register;

    VoterRule(String stored, boolean verified, boolean register) {
        this.stored = stored;
        this.verified = verified;
        this.register = register;
    }

    public String stored() {
        return stored;
    }

    /** Online voters' homes must be verified. */
    public boolean verified() {
        return verified;
    }

    /** Online voters must be on the pot's voter register. */
    public boolean register() {
        return register;
    }

    /** The rule in force once a register is uploaded: a register is asked for whenever there is one. */
    public VoterRule withRegister(boolean hasRegister) {
        if (!hasRegister || register) return this;
        return verified ? VERIFIED_REGISTER : REGISTER;
    }

    public static VoterRule fromStored(String value) {
        for (VoterRule r : values()) if (r.stored.equals(value)) return r;
        throw new IllegalArgumentException("unknown voter rule '" + value + "'");
    }

    public static java.util.List<String> storedValues() {
        return java.util.Arrays.stream(values()).map(VoterRule::stored).toList();
    }
}
