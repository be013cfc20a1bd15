package org.commonweal.pb;

import org.commonweal.pb.greedy.Greedy;
import org.commonweal.pb.greedy.GreedyExclusive;
import org.commonweal.pb.greedy.GreedyNoSkip;
import org.commonweal.pb.greedy.GreedyPerCost;
import org.commonweal.pb.greedy.GreedyThreshold;
import org.commonweal.pb.greedy.InitialAllocation;
import org.commonweal.pb.maximin.MaximinSupport;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.mes.Utility;
import org.commonweal.pb.phragmen.SequentialPhragmen;
import org.commonweal.pb.welfare.MaxWelfare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place where a rule name (as the CLI, the API and pabulib META spell it) becomes a {@link Rule}.
 * Options are rule-specific settings as text (e.g. completion=add1 for equal shares); a rule rejects
 * options it does not understand, so a typo never silently changes an outcome.
 */
public final class Rules {
    private Rules() {
    }

    private static final Map<String, Function<Map<String, String>, Rule>> BUILDERS = new LinkedHashMap<>();

    static {
        BUILDERS.put("greedy", options -> greedy("greedy", options, new Greedy()));
        BUILDERS.put("greedy-no-skip", options -> greedy("greedy-no-skip", options, new GreedyNoSkip()));
        BUILDERS.put("greedy-threshold", options -> greedy("greedy-threshold", options, new GreedyThreshold()));
        BUILDERS.put("greedy-cost", options -> greedy("greedy-cost", options, new GreedyPerCost()));
        BUILDERS.put("greedy-exclusive", Rules::greedyExclusive);
        // "mes" is the Method of Equal Shares with add1 completion unless options say otherwise.
        BUILDERS.put("mes", options -> EqualShares.fromOptions("equalshares/add1", options));
        BUILDERS.put("phragmen", options -> SequentialPhragmen.fromOptions(true, options));
        BUILDERS.put("phragmen-no-skip", options -> SequentialPhragmen.fromOptions(false, options));
        BUILDERS.put("max-welfare", Rules::maxWelfare);
        BUILDERS.put("maximin-support", Rules::maximinSupport);
    }

    private static Rule greedyExclusive(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals("exclusive") && !key.equals("initial")) {
                throw new IllegalArgumentException("rule greedy-exclusive takes only the options exclusive and initial, but got " + key);
            }
        }
        return withInitial(options, GreedyExclusive.parse(options.getOrDefault("exclusive", "")));
    }

    /** A greedy rule: its only option is an initial budget allocation (pabutools' initial_budget_allocation). */
    private static Rule greedy(String name, Map<String, String> options, Rule rule) {
        for (String key : options.keySet()) {
            if (!key.equals("initial")) throw new IllegalArgumentException("rule " + name + " takes only the option initial, but got " + key);
        }
        return withInitial(options, rule);
    }

    private static Rule withInitial(Map<String, String> options, Rule rule) {
        return options.containsKey("initial") ? InitialAllocation.parse(rule, options.get("initial")) : rule;
    }

    private static Rule maxWelfare(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals("utility")) throw new IllegalArgumentException("rule max-welfare takes only the option utility, but got " + key);
        }
        return new MaxWelfare(Utility.fromCliName(options.getOrDefault("utility", "cardinality").trim()));
    }

    private static Rule maximinSupport(Map<String, String> options) {
        if (!options.isEmpty()) throw new IllegalArgumentException("rule maximin-support takes no options, but got " + String.join(", ", options.keySet()));
        return MaximinSupport.INSTANCE;
    }

    /** Names accepted by {@link #build}, in the order help texts list them. */
    public static List<String> names() {
        return List.copyOf(BUILDERS.keySet());
    }

    /** Whether rule {@code name} counts ballots of this type: maximin support takes approval (and choose-1) ballots only. */
    public static boolean accepts(String name, VoteType type) {
        return !name.equals("maximin-support") || MaximinSupport.accepts(type);
    }

    /** @throws IllegalArgumentException naming an unknown rule or an option the rule does not take */
    public static Rule build(String name, Map<String, String> options) {
        Function<Map<String, String>, Rule> builder = BUILDERS.get(name);
        if (builder == null) {
            throw new IllegalArgumentException("unknown rule '" + name + "' (expected one of " + String.join(", ", names()) + ")");
        }
        return builder.apply(options);
    }

    /**
     * The rule a pabulib file names in META {@code rule}, when this engine implements it; empty for rules
     * such as greedy-custom or unknown, which describe city-specific procedures, and for greedy-exclusive,
     * whose exclusive projects a file states only in words (name them with the rule's option exclusive).
     */
    public static Optional<Rule> forMeta(Instance instance) {
        String name = instance.meta().getOrDefault("rule", "").strip();
        if (name.startsWith("equalshares")) return Optional.of(EqualShares.parse(name));
        if (name.equals("greedy-exclusive")) return Optional.empty();
        return BUILDERS.containsKey(name) ? Optional.of(build(name, Map.of())) : Optional.empty();
    }
}
