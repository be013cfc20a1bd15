package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;

import java.util.ArrayList;
import java.util.List;

/**
 * pabutools' initial budget allocation for the greedy rules: the projects {@code ids} are funded first, in that
 * order, from the budget (and any category caps), and the rule then walks the other projects with what is left.
 */
public record InitialAllocation(Rule rule, List<String> ids) implements Rule {
    public InitialAllocation {
        if (!(rule instanceof GreedyRule)) throw new IllegalArgumentException("an initial budget allocation is taken by the greedy rules only, not " + rule.name());
        ids = List.copyOf(ids);
    }

    /** Project ids joined by ',' ("12,15"). */
    public static InitialAllocation parse(Rule rule, String text) {
        List<String> ids = GreedyLimits.items(text);
        if (ids.isEmpty()) throw new IllegalArgumentException("initial needs project ids joined by ','");
        return new InitialAllocation(rule, ids);
    }

    @Override
    public String name() {
        return rule.name() + "+initial=" + String.join(",", ids);
    }

    @Override
    public Outcome outcome(Instance instance, TieBreak tieBreak) {
        Outcome o = ((GreedyRule) rule).outcome(instance, tieBreak, limits(instance));
        return new Outcome(name(), o.selected(), o.totalCost(), o.verdicts(), o.tieBreak());
    }

    /** The file's limits with the allocation's projects funded first. */
    GreedyLimits limits(Instance instance) {
        List<Integer> projects = new ArrayList<>();
        for (String id : ids) {
            int p = instance.projectIndex(id);
            if (p < 0) throw new IllegalArgumentException("the initial budget allocation names project '" + id + "', which the file does not have");
            if (!projects.contains(p)) projects.add(p);
        }
        return GreedyLimits.of(instance).withInitial(projects);
    }
}
