package org.commonweal.pb;

import java.util.List;

/**
 * Explicit, configurable tie-breaking between projects. Criteria apply in order; the lottery is a
 * permutation derived from the recorded seed and the project ids, so the same seed always gives the
 * same order and ties never fall to hidden iteration order. The list must end in a criterion that decides
 * every tie: the lottery, or the project id (ids are unique).
 */
public record TieBreak(List<Criterion> criteria, long seed) {
    public enum Criterion {
        /**
         * {@code first}: most ballots that rank the project first (Kraków 2022 broke its ties so). Only ordinal ballots
         * rank; on other ballots the order of listing means nothing, so there this criterion decides no tie.
         */
        LOWEST_COST("cost"),
        /** {@code cost-desc}: the dearer project wins, as cities write down that a tie goes to the larger project. */
        HIGHEST_COST("cost-desc"),
        MOST_VOTES("votes"), MOST_FIRST_CHOICES("first"),
        /** {@code id}: the project id that sorts first as text (pabutools' default order, by character code: "10" before "9"). */
        PROJECT_ID("id"),
        /** {@code name}: the project name that sorts first as text (character code); names may repeat, so it does not end a list. */
        PROJECT_NAME("name"),
        LOTTERY("lottery");

        private final String cliName;

        Criterion(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        public static Criterion fromCliName(String name) {
            for (Criterion c : values()) if (c.cliName.equals(name)) return c;
            throw new IllegalArgumentException("unknown tie-break '" + name + "' (expected cost, cost-desc, votes, first, id, name or lottery)");
        }
    }

    public static final TieBreak DEFAULT = new TieBreak(List.of(Criterion.LOWEST_COST, Criterion.MOST_VOTES, Criterion.LOTTERY), 0L);

    public TieBreak {
        criteria = List.copyOf(criteria);
        if (!criteria.contains(Criterion.LOTTERY) && !criteria.contains(Criterion.PROJECT_ID)) {
            throw new IllegalArgumentException("tie-break must end in lottery or id so that every tie is decided");
        }
    }

    /** Parses "cost,votes,lottery" with a seed. */
    public static TieBreak parse(String spec, long seed) {
        return new TieBreak(java.util.Arrays.stream(spec.split(",")).map(String::trim).map(Criterion::fromCliName).toList(), seed);
    }

    public String spec() {
        return String.join(",", criteria.stream().map(Criterion::cliName).toList());
    }

    /**
     * Orders projects for this instance: negative when project a wins the tie against b.
     * Build once per computation (it caches support counts); not thread-safe across instances.
     */
    public java.util.Comparator<Integer> comparator(Instance instance) {
        long[] support = instance.supportCounts();
        long[] first = criteria.contains(Criterion.MOST_FIRST_CHOICES) ? instance.firstChoiceCounts() : null;
        java.util.Comparator<Integer> c = null;
        for (Criterion criterion : criteria) {
            java.util.Comparator<Integer> next = switch (criterion) {
                case LOWEST_COST -> java.util.Comparator.comparingLong(p -> instance.projects().get(p).cost());
                case HIGHEST_COST -> java.util.Comparator.comparingLong(p -> -instance.projects().get(p).cost());
                case MOST_VOTES -> java.util.Comparator.comparingLong(p -> -support[p]);
                case MOST_FIRST_CHOICES -> java.util.Comparator.comparingLong(p -> -first[p]);
                case PROJECT_ID -> java.util.Comparator.comparing(p -> instance.projects().get(p).id());
                case PROJECT_NAME -> java.util.Comparator.comparing(p -> instance.projects().get(p).name());
                case LOTTERY -> java.util.Comparator.comparingLong(p -> lotteryKey(instance.projects().get(p).id()));
            };
            c = c == null ? next : c.thenComparing(next);
        }
        return c.thenComparing(p -> instance.projects().get(p).id());
    }

    private long lotteryKey(String projectId) {
        // SplitMix64 over seed and id hash: stable across JVMs, unlike HashMap order or Random's implementation details.
        long z = seed ^ (projectId.hashCode() * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
