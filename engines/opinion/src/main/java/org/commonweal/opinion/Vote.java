package org.commonweal.opinion;

/**
 * A participant's answer to one statement. The engine's sign convention is agree = +1, disagree = −1, pass = 0
 * (the openData CSV convention); Polis stores agree as −1 internally, which only flips the sign of the principal
 * components and projections, never a group, a repness or a consensus figure.
 */
public enum Vote {
    AGREE(1), DISAGREE(-1), PASS(0);

    private final int value;

    Vote(int value) {
        this.value = value;
    }

    /** +1, −1 or 0. */
    public int value() {
        return value;
    }

    /** @throws IllegalArgumentException unless {@code value} is −1, 0 or 1 */
    public static Vote of(int value) {
        return switch (value) {
            case 1 -> AGREE;
            case -1 -> DISAGREE;
            case 0 -> PASS;
            default -> throw new IllegalArgumentException("a vote is 1 (agree), -1 (disagree) or 0 (pass), not " + value);
        };
    }
}
