package org.commonweal.elections.fptp;

/**
 * One line of a constituency result. {@code aggregate} marks a line that sums several candidates (the House
 * of Commons Library's "All other candidates" column): its votes are real votes, but it is not a candidate
 * and can never win the seat. {@code partyName} is the party's full name where the file gives one (else null).
 */
public record CandidateVotes(String party, String candidate, long votes, boolean aggregate, String partyName) {
    public CandidateVotes {
        if (party == null || party.isBlank()) throw new IllegalArgumentException("party label must not be blank");
        if (votes < 0) throw new IllegalArgumentException("votes must not be negative: " + votes);
        if (candidate == null) candidate = "";
        if (partyName != null && partyName.isBlank()) partyName = null;
    }

    public CandidateVotes(String party, String candidate, long votes, boolean aggregate) {
        this(party, candidate, votes, aggregate, null);
    }

    public static CandidateVotes of(String party, long votes) {
        return new CandidateVotes(party, "", votes, false);
    }

    /** A name that tells two candidates of the same label apart (two independents in one seat). */
    public String label() {
        return candidate.isEmpty() ? party : party + " (" + candidate + ")";
    }
}
