package org.commonweal.pb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made instances for tests: money in whole currency units (costScale 0), projects named p0, p1, ... */
public final class Instances {
    private Instances() {
    }

    public static Instance approval(long budget, long[] costs, int[]... ballots) {
        return build("approval", budget, costs, ballots, null);
    }

    /** Cumulative ballots: {@code points[i]} is parallel to {@code ballots[i]}. */
    public static Instance cumulative(long budget, long[] costs, int[][] ballots, long[][] points) {
        return build("cumulative", budget, costs, ballots, points);
    }

    private static Instance build(String voteType, long budget, long[] costs, int[][] ballots, long[][] points) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("budget", Long.toString(budget));
        meta.put("vote_type", voteType);
        List<Project> projects = new ArrayList<>();
        for (int p = 0; p < costs.length; p++) {
            projects.add(new Project("p" + p, costs[p], Map.of("project_id", "p" + p, "cost", Long.toString(costs[p]))));
        }
        List<Ballot> list = new ArrayList<>();
        for (int v = 0; v < ballots.length; v++) {
            list.add(new Ballot("v" + v, ballots[v].clone(), points == null ? null : points[v].clone(), Map.of("voter_id", "v" + v)));
        }
        return new Instance(meta, projects, list, List.of("project_id", "cost"), List.of("voter_id", "vote"), 0, budget);
    }

    public static List<String> ids(Instance instance, Outcome outcome) {
        return outcome.selected().stream().map(p -> instance.projects().get(p).id()).toList();
    }
}
