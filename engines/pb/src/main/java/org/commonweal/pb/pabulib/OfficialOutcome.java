package org.commonweal.pb.pabulib;

import org.commonweal.pb.Instance;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The official result a pabulib file records in its {@code selected} column. Pabulib marks a project
 * funded by the election's rule with 1 and one funded outside it with 2 or 3 (Gdynia's turnout award
 * "Projekt +1", Katowice's and Poznań's funding from reserves), so only 1 is the rule's outcome.
 */
public final class OfficialOutcome {
    private OfficialOutcome() {
    }

    /** Projects marked selected = 1, or empty when some project has no {@code selected} value. */
    public static Optional<Set<Integer>> fundedByRule(Instance instance) {
        Set<Integer> funded = new TreeSet<>();
        for (int p = 0; p < instance.projects().size(); p++) {
            String value = instance.projects().get(p).columns().get("selected");
            if (value == null || value.isBlank()) return Optional.empty();
            if (value.strip().equals("1")) funded.add(p);
        }
        return Optional.of(funded);
    }

    /** Projects marked selected = 2 or more: funded, but not by the rule. */
    public static Set<Integer> fundedOutsideRule(Instance instance) {
        Set<Integer> funded = new TreeSet<>();
        for (int p = 0; p < instance.projects().size(); p++) {
            String value = instance.projects().get(p).columns().get("selected");
            if (value != null && !value.isBlank() && !value.strip().equals("0") && !value.strip().equals("1")) funded.add(p);
        }
        return funded;
    }
}
