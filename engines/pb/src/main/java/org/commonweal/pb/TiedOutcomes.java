package org.commonweal.pb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commonweal.pb.greedy.GreedyTies;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.mes.EqualSharesTies;

/**
 * Every outcome a rule reaches when each exact tie between projects may be broken either way (pabutools'
 * {@code resoluteness=False}). Outcomes are sets: the order in which the same projects are funded changes neither
 * what is funded nor the spend, so two branches funding the same projects are one outcome, the first found kept
 * (with the ties it broke). Sorted by their project ids, each list sorted as text, so the answer does not depend
 * on the tie-break; the tie-break only decides which branch is explored first, hence whose choices are shown.
 */
public record TiedOutcomes(String rule, List<Tied> outcomes, long explored) {
    public TiedOutcomes {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * One outcome: the projects in the order funded, their cost, the ties broken to reach it, and (Equal Shares with
     * an add1 completion) the number of increments of its pass.
     */
    public record Tied(List<Integer> selected, long totalCost, List<Choice> choices, long increments) {
        public Tied {
            selected = List.copyOf(selected);
            choices = List.copyOf(choices);
        }
    }

    /**
     * One tie broken: {@code tied} (in tie-break order) were level at {@code level}, the rule's own measure (a greedy
     * score, score per unit of cost for greedy-cost, ρ for Equal Shares), and {@code chosen} went first. {@code round}
     * is the round of the walk or pass at which the tie was met.
     */
    public record Choice(int round, List<Integer> tied, int chosen, BigDecimal level) {
        public Choice {
            tied = List.copyOf(tied);
        }
    }

    /** How far the enumeration may go: at most {@code outcomes} distinct outcomes and {@code nodes} branches explored. */
    public record Limits(int outcomes, long nodes) {
        public static final Limits DEFAULT = new Limits(1_000, 200_000);
    }

    /** The enumeration stopped at a limit: the message names it and how many outcomes were found, so no partial answer passes for whole. */
    public static final class LimitReached extends RuntimeException {
        public LimitReached(String message) {
            super(message);
        }
    }

    /**
     * The tied outcomes of a greedy rule (with its initial allocation, if any) or of Equal Shares without completion
     * or with add1 or add1-max.
     *
     * @throws IllegalArgumentException for a rule whose ties are not enumerated
     * @throws LimitReached when the limits are passed
     */
    public static TiedOutcomes of(Rule rule, Instance instance, TieBreak tieBreak, Limits limits) {
        if (rule instanceof EqualShares mes) return EqualSharesTies.of(mes, instance, tieBreak, limits);
        if (GreedyTies.enumerates(rule)) return GreedyTies.of(rule, instance, tieBreak, limits);
        throw new IllegalArgumentException("rule " + rule.name() + " does not enumerate its tied outcomes: all tied outcomes are"
                + " offered for the greedy rules and Equal Shares (completion none, add1 or add1-max)");
    }

    /** Sorted by project ids as the class says; package users build the list, this puts it in its published order. */
    public static List<Tied> sorted(Instance instance, List<Tied> found) {
        List<Tied> list = new ArrayList<>(found);
        list.sort(Comparator.comparing(t -> sortedIds(instance, t), TiedOutcomes::compareLists));
        return list;
    }

    private static List<String> sortedIds(Instance instance, Tied t) {
        return t.selected().stream().map(p -> instance.projects().get(p).id()).sorted().toList();
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Counts distinct outcomes and explored branches against the limits, throwing the message the caller would show. */
    public static final class Budget {
        private final Limits limits;
        private long explored;

        public Budget(Limits limits) {
            this.limits = limits;
        }

        public void explore(int found) {
            if (++explored > limits.nodes()) {
                throw new LimitReached(String.format(java.util.Locale.ROOT, "stopped after exploring %,d tie branches (the limit), with %,d"
                        + " distinct outcomes found so far; there may be more, so none are reported", limits.nodes(), found));
            }
        }

        public void found(int found) {
            if (found > limits.outcomes()) {
                throw new LimitReached(String.format(java.util.Locale.ROOT, "stopped at more than %,d distinct tied outcomes (the limit):"
                        + " %,d were found, so none are reported", limits.outcomes(), found));
            }
        }

        public long explored() {
            return explored;
        }
    }
}
