package org.commonweal.pb.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;

/**
 * Category proportionality: for each category of the PROJECTS column {@code category} (a project may list several,
 * comma-separated, and counts fully in each), the share of the money spent that went to it beside the share of the
 * votes its projects received (approvals, or points). A category far above its vote share was favoured by the
 * outcome; far below, left out.
 */
public record CategoryShare(String category, long spent, long votes, BigDecimal spentShare, BigDecimal voteShare) {

    /** In order of first appearance among the projects; empty when the file has no categories. */
    public static List<CategoryShare> of(Instance instance, Outcome outcome) {
        boolean[] funded = VoterSatisfaction.fundedMask(instance, outcome);
        long[] votes = instance.pointTotals();
        Map<String, long[]> totals = new LinkedHashMap<>(); // category → {spent, votes}
        long allVotes = 0;
        for (int p = 0; p < instance.projects().size(); p++) {
            allVotes += votes[p];
            String column = instance.projects().get(p).columns().getOrDefault("category", "");
            for (String c : column.split(",")) {
                if (c.isBlank()) continue;
                long[] t = totals.computeIfAbsent(c.strip(), k -> new long[2]);
                if (funded[p]) t[0] += instance.projects().get(p).cost();
                t[1] += votes[p];
            }
        }
        List<CategoryShare> shares = new ArrayList<>();
        for (var e : totals.entrySet()) {
            long[] t = e.getValue();
            shares.add(new CategoryShare(e.getKey(), t[0], t[1], share(t[0], outcome.totalCost()), share(t[1], allVotes)));
        }
        return shares;
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(6) : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_EVEN);
    }
}
