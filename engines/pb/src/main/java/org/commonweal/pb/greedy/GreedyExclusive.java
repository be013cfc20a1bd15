// Greedy with mutually exclusive projects (pabulib rule "greedy-exclusive"): Warsaw's statute (§ 46 ust. 5 of the
// 2022 rules) funds only the more voted of projects that cannot be carried out together, e.g. on the same site.
package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy with skipping where, once a project is funded, the projects declared mutually exclusive with it are
 * no longer eligible. Pabulib files state such conflicts only in their comment, so the groups are given to the
 * rule: {@code groups} lists project ids, at most one of each group is funded.
 */
public record GreedyExclusive(List<List<String>> groups) implements GreedyRule {
    public GreedyExclusive {
        groups = groups.stream().map(List::copyOf).toList();
    }

    /** Groups as text: groups separated by spaces, the ids in a group by ',' ("773,153 12,14,15"). */
    public static GreedyExclusive parse(String text) {
        List<List<String>> groups = new ArrayList<>();
        for (String group : text.strip().split("\\s+")) {
            if (group.isEmpty()) continue;
            List<String> ids = GreedyLimits.items(group);
            if (ids.size() < 2) throw new IllegalArgumentException("exclusive group '" + group + "' needs at least two project ids joined by ','");
            groups.add(ids);
        }
        return new GreedyExclusive(groups);
    }

    @Override
    public String name() {
        return "greedy-exclusive";
    }

    @Override
    public GreedyWalk walk(Instance instance, GreedyLimits limits) {
        List<int[]> indices = new ArrayList<>();
        for (List<String> group : groups) {
            int[] members = new int[group.size()];
            for (int i = 0; i < members.length; i++) {
                members[i] = instance.projectIndex(group.get(i));
                if (members[i] < 0) throw new IllegalArgumentException("exclusive group names project '" + group.get(i) + "', which the file does not have");
            }
            indices.add(members);
        }
        long[] scores = ProjectScores.of(instance);
        return new GreedyWalk(scores, GreedySelection.byScore(scores), true, limits.withExclusive(indices));
    }
}
