package org.commonweal.pb;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A participatory-budgeting election: META, PROJECTS and VOTES sections of a pabulib file.
 * Money (budget, costs) is held as {@code long} in units of 10^-costScale of the currency, so every
 * comparison is exact; {@link #toCurrency(long)} turns it back into a decimal for display. Points on cumulative and
 * scoring ballots are held the same way, in units of 10^-pointScale (0 unless the file gives fractional points);
 * {@link #toPoints(long)} turns them back.
 */
public record Instance(Map<String, String> meta, List<Project> projects, List<Ballot> ballots,
                       List<String> projectColumns, List<String> voteColumns, int costScale, long budget, int pointScale) {
    /** An instance with whole points. */
    public Instance(Map<String, String> meta, List<Project> projects, List<Ballot> ballots,
                    List<String> projectColumns, List<String> voteColumns, int costScale, long budget) {
        this(meta, projects, ballots, projectColumns, voteColumns, costScale, budget, 0);
    }

    public Instance {
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        projects = List.copyOf(projects);
        ballots = List.copyOf(ballots);
        projectColumns = List.copyOf(projectColumns);
        voteColumns = List.copyOf(voteColumns);
    }

    public VoteType voteType() {
        return VoteType.fromPabulib(meta.getOrDefault("vote_type", "approval"));
    }

    /** One currency unit (e.g. 1 PLN) in scaled units. */
    public long unit() {
        return BigDecimal.ONE.movePointRight(costScale).longValueExact();
    }

    public BigDecimal toCurrency(long scaled) {
        return BigDecimal.valueOf(scaled, costScale).stripTrailingZeros();
    }

    /** Points (or a sum of them) as the voters gave them: 1.5, not 150. */
    public BigDecimal toPoints(long scaled) {
        BigDecimal d = BigDecimal.valueOf(scaled, pointScale).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    public int projectIndex(String projectId) {
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i).id().equals(projectId)) return i;
        }
        return -1;
    }

    /** Number of ballots that list each project (approvals, or voters giving it any points). */
    public long[] supportCounts() {
        long[] counts = new long[projects.size()];
        for (Ballot b : ballots) {
            for (int p : b.projects()) counts[p]++;
        }
        return counts;
    }

    /** How many ordinal ballots rank each project first; all zero for other ballot types, whose order means nothing. */
    public long[] firstChoiceCounts() {
        long[] counts = new long[projects.size()];
        if (voteType() != VoteType.ORDINAL) return counts;
        for (Ballot b : ballots) {
            if (b.size() > 0) counts[b.projects()[0]]++;
        }
        return counts;
    }

    /** Total points (or approvals) each project received. */
    public long[] pointTotals() {
        long[] totals = new long[projects.size()];
        for (Ballot b : ballots) {
            for (int i = 0; i < b.size(); i++) totals[b.projects()[i]] += b.pointsAt(i);
        }
        return totals;
    }
}
