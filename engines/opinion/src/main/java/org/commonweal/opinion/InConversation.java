package org.commonweal.opinion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is clustered (conversation.clj's in-conv): everyone already in, everyone with at least min(7, statements)
 * votes, and, while fewer than 15, the most active of the rest (ties: lower participant id first; Polis's order
 * among equal counts is a hash map's).
 */
final class InConversation {
    static final int MIN_VOTES = 7;
    static final int GREEDY_N = 15;

    private InConversation() {
    }

    static Set<Long> of(VoteMatrix m, Set<Long> before) {
        Set<Long> in = new TreeSet<>();
        for (long p : before) if (m.rowOf(p) >= 0) in.add(p);
        int needed = Math.min(MIN_VOTES, m.statementCount());
        for (int r = 0; r < m.participantCount(); r++) {
            if (m.rowStart[r + 1] - m.rowStart[r] >= needed) in.add(m.participants[r]);
        }
        if (in.size() < GREEDY_N) {
            List<Integer> rest = new ArrayList<>();
            for (int r = 0; r < m.participantCount(); r++) if (!in.contains(m.participants[r])) rest.add(r);
            rest.sort(Comparator.comparingInt((Integer r) -> -(m.rowStart[r + 1] - m.rowStart[r])));
            for (int i = 0; i < rest.size() && in.size() < GREEDY_N; i++) in.add(m.participants[rest.get(i)]);
        }
        return in;
    }
}
