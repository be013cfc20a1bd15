package org.commonweal.elections.apportionment;

/** One party (or list) and its votes, as handed to an apportionment method. */
public record PartyVotes(String party, long votes) {
    /** Above any electorate on Earth, and small enough that votes times any divisor or seat count fits a long. */
    public static final long MAX_VOTES = 10_000_000_000L;

    public PartyVotes {
        if (party == null || party.isBlank()) throw new IllegalArgumentException("party name must not be blank");
        if (votes < 0 || votes > MAX_VOTES) {
            throw new IllegalArgumentException("votes of " + party + " must be a whole number from 0 to " + MAX_VOTES + ", was " + votes);
        }
    }
}
