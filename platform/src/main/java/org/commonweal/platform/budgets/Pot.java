package org.commonweal.platform.budgets;

/**
 * A sum of money within a process that residents of one place (and the places within it) decide on,
 * with the ballot they fill in and the rule and tie-break that count it. amount is in minor units. No running totals
 * are shown while voting is open: watching them before and after a known person votes would reveal their ballot.
 * {@code voters} says who may vote online (see {@link VoterRule}).
 */
public record Pot(long id, long processId, long placeId, String placeName, String name, long amount, String currency,
                  BallotType ballotType, int minProjects, Integer maxProjects, Integer maxPoints,
                  String rule, String tieBreak, long tieSeed, VoterRule voters) {
    public String money(long minor) {
        return Money.format(minor, currency);
    }

    public String amountText() {
        return money(amount);
    }
}
