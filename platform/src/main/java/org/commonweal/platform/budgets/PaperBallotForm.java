package org.commonweal.platform.budgets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast keyboard form for a paper ballot: the officer types the project numbers printed on the paper
 * (in preference order for a ranked ballot), separated by spaces or commas, and the points beside each
 * project for a cumulative one. This turns what was typed into the ballot form {@link BallotValidator} reads,
 * so a paper ballot is held to exactly the rules of an online one.
 */
final class PaperBallotForm {
    private PaperBallotForm() {
    }

    static BallotValidator.Checked check(Pot pot, List<Proposal> onBallot, Map<String, List<String>> posted) {
        if (pot.ballotType() == BallotType.CUMULATIVE) return BallotValidator.check(pot, onBallot, posted);
        Set<Long> numbers = new HashSet<>();
        for (Proposal p : onBallot) numbers.add(p.id());
        String typed = posted.getOrDefault("projects", List.of("")).getFirst().strip();
        List<String> tokens = typed.isEmpty() ? List.of() : List.of(typed.split("[\\s,;]+"));
        Set<String> seen = new HashSet<>();
        for (String token : tokens) {
            Long n = parse(token);
            if (n == null || !numbers.contains(n)) return new BallotValidator.Checked(null, "budgets.paper.error.unknown", List.of(token));
            if (!seen.add(String.valueOf(n))) return new BallotValidator.Checked(null, "budgets.paper.error.repeated", List.of(token));
        }
        Map<String, List<String>> form = new HashMap<>();
        if (pot.ballotType() == BallotType.RANKED) {
            for (int i = 0; i < tokens.size(); i++) form.put("rank." + Long.parseLong(tokens.get(i)), List.of(String.valueOf(i + 1)));
        } else {
            List<String> choice = new ArrayList<>();
            for (String t : tokens) choice.add(String.valueOf(Long.parseLong(t)));
            form.put("choice", choice);
        }
        return BallotValidator.check(pot, onBallot, form);
    }

    private static Long parse(String token) {
        if (!token.matches("[0-9]{1,18}")) return null;
        return Long.parseLong(token);
    }
}
