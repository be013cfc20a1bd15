package org.commonweal.pb.pabulib;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the file's META says a valid ballot is: how many projects it lists ({@code min_length}, {@code max_length}),
 * what they cost together ({@code min_sum_cost}, {@code max_sum_cost}), how many points it gives in all
 * ({@code min_sum_points}, {@code max_sum_points}) and to one project ({@code max_points}). A key the META leaves
 * out sets no bound.
 */
record BallotRules(BigDecimal minLength, BigDecimal maxLength, BigDecimal minSumCost, BigDecimal maxSumCost,
                   BigDecimal minSumPoints, BigDecimal maxSumPoints, BigDecimal maxPoints) {

    static BallotRules of(Map<String, String> meta, String file) {
        return new BallotRules(bound(meta, "min_length", file), bound(meta, "max_length", file), bound(meta, "min_sum_cost", file),
                bound(meta, "max_sum_cost", file), bound(meta, "min_sum_points", file), bound(meta, "max_sum_points", file),
                bound(meta, "max_points", file));
    }

    private static BigDecimal bound(Map<String, String> meta, String key, String file) {
        String text = meta.get(key);
        if (text == null || text.isBlank()) return null;
        try {
            return PabulibCsv.parseAmount(text.strip());
        } catch (NumberFormatException e) {
            throw new PabulibFormatException(file, 0, "META " + key + " '" + text + "' is not a number");
        }
    }

    /** Every way the ballot breaks these rules, in words; empty when it keeps them. */
    List<String> problems(Ballot ballot, List<Project> projects, int costScale, int pointScale) {
        List<String> problems = new ArrayList<>();
        BigDecimal length = BigDecimal.valueOf(ballot.size());
        if (minLength != null && length.compareTo(minLength) < 0) problems.add("lists " + ballot.size() + " projects, fewer than min_length " + plain(minLength));
        if (maxLength != null && length.compareTo(maxLength) > 0) problems.add("lists " + ballot.size() + " projects, more than max_length " + plain(maxLength));
        if (minSumCost != null || maxSumCost != null) {
            long scaled = 0;
            for (int p : ballot.projects()) scaled += projects.get(p).cost();
            BigDecimal cost = BigDecimal.valueOf(scaled, costScale);
            if (minSumCost != null && cost.compareTo(minSumCost) < 0) problems.add("chooses projects costing " + plain(cost) + ", less than min_sum_cost " + plain(minSumCost));
            if (maxSumCost != null && cost.compareTo(maxSumCost) > 0) problems.add("chooses projects costing " + plain(cost) + ", more than max_sum_cost " + plain(maxSumCost));
        }
        if (ballot.points() != null) {
            long sum = 0;
            for (int i = 0; i < ballot.size(); i++) {
                sum += ballot.pointsAt(i);
                BigDecimal given = BigDecimal.valueOf(ballot.pointsAt(i), pointScale);
                if (maxPoints != null && given.compareTo(maxPoints) > 0) {
                    problems.add("gives " + plain(given) + " points to project '" + projects.get(ballot.projects()[i]).id() + "', more than max_points " + plain(maxPoints));
                }
            }
            BigDecimal total = BigDecimal.valueOf(sum, pointScale);
            if (minSumPoints != null && total.compareTo(minSumPoints) < 0) problems.add("gives " + plain(total) + " points in all, fewer than min_sum_points " + plain(minSumPoints));
            if (maxSumPoints != null && total.compareTo(maxSumPoints) > 0) problems.add("gives " + plain(total) + " points in all, more than max_sum_points " + plain(maxSumPoints));
        }
        return problems;
    }

    private static String plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
