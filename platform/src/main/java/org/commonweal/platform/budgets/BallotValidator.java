package org.commonweal.platform.budgets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a submitted ballot form against a pot's rules and its feasible proposals. Fields: {@code choice}
 * (repeated proposal ids) for approval and knapsack, {@code points.ID} for cumulative, {@code rank.ID} for ranked.
 * A ballot is either wholly valid or refused with one message; nothing partial is ever kept.
 */
final class BallotValidator {
    /** Either a choice or a refusal (a message key with its arguments). */
    record Checked(BallotChoice choice, String errorKey, List<Object> args) {
        boolean valid() {
            return choice != null;
        }
    }

    private BallotValidator() {
    }

    static Checked check(Pot pot, List<Proposal> ballot, Map<String, List<String>> form) {
        Map<Long, Proposal> byId = new java.util.HashMap<>();
        for (Proposal p : ballot) byId.put(p.id(), p);
        return switch (pot.ballotType()) {
            case APPROVAL, KNAPSACK -> approval(pot, byId, form.getOrDefault("choice", List.of()));
            case CUMULATIVE -> cumulative(pot, byId, form);
            case RANKED -> ranked(pot, byId, form);
        };
    }

    private static Checked approval(Pot pot, Map<Long, Proposal> byId, List<String> values) {
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String v : values) {
            Long id = parse(v);
            if (id == null || !byId.containsKey(id) || !seen.add(id)) return refuse("budgets.vote.error.unknown");
            ids.add(id);
        }
        Checked counts = counts(pot, ids.size());
        if (counts != null) return counts;
        if (pot.ballotType() == BallotType.KNAPSACK) {
            long total = ids.stream().mapToLong(id -> byId.get(id).cost()).sum();
            if (total > pot.amount()) return refuse("budgets.vote.error.overBudget", pot.money(total), pot.amountText());
        }
        return new Checked(new BallotChoice(ids.stream().sorted().toList(), null), null, List.of());
    }

    private static Checked cumulative(Pot pot, Map<Long, Proposal> byId, Map<String, List<String>> form) {
        TreeMap<Long, Integer> given = new TreeMap<>();
        long total = 0;
        for (var e : form.entrySet()) {
            if (!e.getKey().startsWith("points.")) continue;
            Long id = parse(e.getKey().substring("points.".length()));
            if (id == null || !byId.containsKey(id) || e.getValue().size() != 1) return refuse("budgets.vote.error.unknown");
            String v = e.getValue().getFirst().strip();
            if (v.isEmpty()) continue;
            Long n = parse(v);
            if (n == null || n < 0 || n > 1_000_000) return refuse("budgets.vote.error.points");
            if (n == 0) continue;
            given.put(id, n.intValue());
            total += n;
        }
        Checked counts = counts(pot, given.size());
        if (counts != null) return counts;
        if (total > pot.maxPoints()) return refuse("budgets.vote.error.tooManyPoints", total, pot.maxPoints());
        return new Checked(new BallotChoice(List.copyOf(given.keySet()), List.copyOf(given.values())), null, List.of());
    }

    private static Checked ranked(Pot pot, Map<Long, Proposal> byId, Map<String, List<String>> form) {
        TreeMap<Long, Long> byRank = new TreeMap<>();
        for (var e : form.entrySet()) {
            if (!e.getKey().startsWith("rank.")) continue;
            Long id = parse(e.getKey().substring("rank.".length()));
            if (id == null || !byId.containsKey(id) || e.getValue().size() != 1) return refuse("budgets.vote.error.unknown");
            String v = e.getValue().getFirst().strip();
            if (v.isEmpty()) continue;
            Long rank = parse(v);
            if (rank == null || rank < 1 || byRank.put(rank, id) != null) return refuse("budgets.vote.error.ranks");
        }
        if (!byRank.isEmpty() && byRank.lastKey() != byRank.size()) return refuse("budgets.vote.error.ranks");
        Checked counts = counts(pot, byRank.size());
        if (counts != null) return counts;
        return new Checked(new BallotChoice(List.copyOf(byRank.values()), null), null, List.of());
    }

    private static Checked counts(Pot pot, int chosen) {
        int least = Math.max(1, pot.minProjects());
        if (chosen < least) return least == 1 ? refuse("budgets.vote.error.empty") : refuse("budgets.vote.error.tooFew", least);
        if (pot.maxProjects() != null && chosen > pot.maxProjects()) return refuse("budgets.vote.error.tooMany", pot.maxProjects());
        return null;
    }

    private static Checked refuse(String key, Object... args) {
        return new Checked(null, key, List.of(args));
    }

    private static Long parse(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
