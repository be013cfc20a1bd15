package org.commonweal.elections.apportionment;

/** One party (or list) and its votes, as handed to an apportionment method. */
public record PartyVotes(String party, long votes) {
    public PartyVotes {
        if (party == null || party.isBlank()) throw new IllegalArgumentException("party name must not be blank");
        if (votes < 0) throw new IllegalArgumentException("votes of " + party + " must not be negative: " + votes);
    }
}
