package org.commonweal.platform.conversations;

import org.commonweal.opinion.Analysis;
import org.commonweal.opinion.ConsensusStatement;
import org.commonweal.opinion.Group;
import org.commonweal.opinion.Point;
import org.commonweal.opinion.RepStatement;
import org.commonweal.opinion.Vote;
import org.commonweal.opinion.VoteCounts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the engine's analysis into the map the pages draw: shares in whole percentages, groups lettered A, B, C. */
final class MapOf {
    /** Statements listed as agreed across groups. */
    static final int ACROSS_GROUPS = 5;

    private MapOf() {
    }

    static OpinionMap analysis(Analysis a, OffsetDateTime at) {
        List<Group> groups = a.groups().stream().sorted(Comparator.comparingInt(Group::id)).toList();
        Map<Long, Integer> groupOf = new HashMap<>();
        for (Group g : groups) for (long member : g.members()) groupOf.put(member, g.id());
        List<OpinionMap.Dot> dots = new ArrayList<>();
        for (Map.Entry<Long, Point> e : a.projections().entrySet()) {
            dots.add(new OpinionMap.Dot(e.getKey().intValue(), e.getValue().x(), e.getValue().y(), groupOf.getOrDefault(e.getKey(), -1)));
        }
        List<OpinionMap.GroupView> views = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            List<OpinionMap.Rep> reps = new ArrayList<>();
            for (RepStatement r : a.repness().getOrDefault(g.id(), List.of())) {
                boolean agree = r.repfulFor() == Vote.AGREE;
                VoteCounts in = counts(a, g.id(), r.statementId());
                int othersWay = 0;
                int othersSeen = 0;
                for (Group other : groups) {
                    if (other.id() == g.id()) continue;
                    VoteCounts o = counts(a, other.id(), r.statementId());
                    othersWay += agree ? o.agree() : o.disagree();
                    othersSeen += o.seen();
                }
                reps.add(new OpinionMap.Rep((int) r.statementId(), agree, percent(agree ? in.agree() : in.disagree(), in.seen()),
                        percent(othersWay, othersSeen), in.seen()));
            }
            views.add(new OpinionMap.GroupView(g.id(), OpinionMap.letter(i), g.members().size(), reps));
        }
        List<OpinionMap.AcrossGroups> across = a.groupAwareConsensus().entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(ACROSS_GROUPS)
                .map(e -> new OpinionMap.AcrossGroups(e.getKey().intValue(), e.getValue(), groups.stream()
                        .map(g -> {
                            VoteCounts c = counts(a, g.id(), e.getKey());
                            return percent(c.agree(), c.seen());
                        }).toList()))
                .toList();
        Map<Integer, Double> priorities = new LinkedHashMap<>();
        a.priorities().forEach((tid, p) -> priorities.put(tid.intValue(), p));
        return new OpinionMap(at, a.participants(), a.inConversation().size(), a.statements(), dots, views,
                shared(a.consensus().agree()), shared(a.consensus().disagree()), across, priorities);
    }

    private static List<OpinionMap.Shared> shared(List<ConsensusStatement> statements) {
        return statements.stream().map(s -> new OpinionMap.Shared((int) s.statementId(), percent(s.nSuccess(), s.nTrials()), s.nTrials())).toList();
    }

    private static VoteCounts counts(Analysis a, int group, long statement) {
        return a.groupVotes().getOrDefault(group, Map.of()).getOrDefault(statement, new VoteCounts(0, 0, 0));
    }

    static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
