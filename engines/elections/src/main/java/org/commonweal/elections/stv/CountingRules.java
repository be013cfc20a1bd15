package org.commonweal.elections.stv;

import java.util.List;
import java.util.Optional;

/** The counting rules by the names used on the command line and in reports. */
public final class CountingRules {
    private static final List<CountingRule> ALL = List.of(new ScottishStv(), new MeekStv(), new WeightedInclusiveGregory(), new InstantRunoff());

    private CountingRules() {
    }

    public static List<CountingRule> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(CountingRule::name).toList();
    }

    public static Optional<CountingRule> byName(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
