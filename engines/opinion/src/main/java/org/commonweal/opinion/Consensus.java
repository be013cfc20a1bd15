package org.commonweal.opinion;

import java.util.List;

/** Overall consensus: up to five statements each way, strongest first (pSuccess × pTest). */
public record Consensus(List<ConsensusStatement> agree, List<ConsensusStatement> disagree) {
    public Consensus {
        agree = List.copyOf(agree);
        disagree = List.copyOf(disagree);
    }
}
