package org.commonweal.elections.fptp;

import java.util.List;

/** The votes in one single-member constituency, with the region and nation it belongs to. */
public record ConstituencyResult(String id, String name, String region, String nation, List<CandidateVotes> candidates) {
    public ConstituencyResult {
        candidates = List.copyOf(candidates);
        if (candidates.stream().noneMatch(c -> !c.aggregate())) {
            throw new IllegalArgumentException("constituency " + name + " has no candidate");
        }
    }

    public long validVotes() {
        return candidates.stream().mapToLong(CandidateVotes::votes).sum();
    }
}
