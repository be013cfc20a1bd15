package org.commonweal.pb.maximin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The funded set W as the maximin support rule needs it: voters merged into classes by what they approve within
 * W (positions in W), kept up to date as W grows. Funding a project only splits the classes of its approvers, so
 * an update costs the project's approver groups, not the whole electorate.
 */
final class FundedClasses {
    private final ApprovalGroups groups;
    private final int[] classOf;
    private final List<int[]> members = new ArrayList<>();
    private long[] voters = new long[16];
    private long[] costs = new long[0];

    FundedClasses(ApprovalGroups groups) {
        this.groups = groups;
        this.classOf = new int[groups.counts().length];
        Arrays.fill(classOf, -1);
    }

    /** Adds project {@code project} to W as position {@code costs.length}. */
    void add(int project, long cost) {
        int w = costs.length;
        costs = Arrays.copyOf(costs, w + 1);
        costs[w] = cost;
        Map<Integer, Integer> split = new HashMap<>();
        for (int g : groups.groupsOf()[project]) {
            int old = classOf[g];
            int now = split.computeIfAbsent(old, k -> {
                int[] before = k < 0 ? new int[0] : members.get(k);
                int[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = w;
                members.add(after);
                if (members.size() > voters.length) voters = Arrays.copyOf(voters, voters.length * 2);
                return members.size() - 1;
            });
            long count = groups.counts()[g];
            if (old >= 0) voters[old] -= count;
            voters[now] += count;
            classOf[g] = now;
        }
    }

    LoadNetwork network() {
        List<int[]> nodeMembers = new ArrayList<>();
        List<Long> nodeVoters = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            if (voters[k] > 0) {
                nodeMembers.add(members.get(k));
                nodeVoters.add(voters[k]);
            }
        }
        return new LoadNetwork(costs.clone(), nodeVoters.stream().mapToLong(Long::longValue).toArray(), nodeMembers.toArray(int[][]::new));
    }

    /** W with one more project (last position): each class splits into those who approve it and those who do not. */
    LoadNetwork with(int project, long cost) {
        int w = costs.length;
        long[] approving = new long[members.size()];
        long fresh = 0;
        for (int g : groups.groupsOf()[project]) {
            int k = classOf[g];
            if (k < 0) fresh += groups.counts()[g];
            else approving[k] += groups.counts()[g];
        }
        List<int[]> nodeMembers = new ArrayList<>();
        List<Long> nodeVoters = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            int[] before = members.get(k);
            if (approving[k] > 0) {
                int[] plus = Arrays.copyOf(before, before.length + 1);
                plus[before.length] = w;
                nodeMembers.add(plus);
                nodeVoters.add(approving[k]);
            }
            if (voters[k] > approving[k]) {
                nodeMembers.add(before);
                nodeVoters.add(voters[k] - approving[k]);
            }
        }
        if (fresh > 0) {
            nodeMembers.add(new int[]{w});
            nodeVoters.add(fresh);
        }
        long[] allCosts = Arrays.copyOf(costs, w + 1);
        allCosts[w] = cost;
        return new LoadNetwork(allCosts, nodeVoters.stream().mapToLong(Long::longValue).toArray(), nodeMembers.toArray(int[][]::new));
    }
}
