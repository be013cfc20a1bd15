package org.commonweal.elections.fptp;

/** Who won a constituency, and by how many votes over the runner-up (0 when the seat was decided by lot). */
public record Winner(ConstituencyResult constituency, CandidateVotes candidate, long majority) {
    public String party() {
        return candidate.party();
    }
}
