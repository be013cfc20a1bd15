package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a greedy walk must respect besides the budget, read from the file's META so that every greedy variant
 * honours what the city's rules say: the minimum score a project needs ({@code min_project_score_threshold}),
 * and caps on the money spent per category or per target group ({@code categories} with
 * {@code budget_per_category}, {@code targets} with {@code budget_per_target}: parallel comma-separated lists,
 * matched against the PROJECTS columns {@code category} and {@code target}, each a comma-separated list).
 * Mutually exclusive projects come from the rule (greedy-exclusive), as pabulib has no column for them.
 *
 * @param threshold projects scoring below it are never funded; {@code Long.MIN_VALUE} for none
 * @param limits    per-category caps, in scaled money
 * @param exclusive groups of project indices of which at most one may be funded
 * @param initial   projects funded before the walk begins (pabutools' initial budget allocation), in that order
 */
public record GreedyLimits(long threshold, List<Limit> limits, List<int[]> exclusive, List<Integer> initial) {
    public static final String THRESHOLD_KEY = "min_project_score_threshold";

    /** At most {@code amount} (scaled) on projects whose {@code column} lists {@code value}. */
    public record Limit(String column, String value, long amount) {
    }

    public GreedyLimits {
        limits = List.copyOf(limits);
        exclusive = List.copyOf(exclusive);
        initial = List.copyOf(initial);
    }

    /** The limits the file's META sets, without exclusions. */
    public static GreedyLimits of(Instance instance) {
        List<Limit> limits = new ArrayList<>();
        limits.addAll(caps(instance, "categories", "budget_per_category", "category"));
        limits.addAll(caps(instance, "targets", "budget_per_target", "target"));
        return new GreedyLimits(threshold(instance), limits, List.of(), List.of());
    }

    public GreedyLimits withExclusive(List<int[]> groups) {
        return new GreedyLimits(threshold, limits, groups, initial);
    }

    public GreedyLimits withInitial(List<Integer> projects) {
        return new GreedyLimits(threshold, limits, exclusive, projects);
    }

    /** The minimum score from META, or {@code Long.MIN_VALUE} when the file sets none. */
    public static long threshold(Instance instance) {
        String text = instance.meta().get(THRESHOLD_KEY);
        if (text == null || text.isBlank()) return Long.MIN_VALUE;
        try {
            // in the unit of the scores: points carry the file's point scale (whole votes and positional points have none)
            int scale = instance.voteType().hasPoints() ? instance.pointScale() : 0;
            return new BigDecimal(text.strip()).movePointRight(scale).setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("META " + THRESHOLD_KEY + " '" + text + "' is not a number");
        }
    }

    private static List<Limit> caps(Instance instance, String namesKey, String amountsKey, String column) {
        String amounts = instance.meta().get(amountsKey);
        if (amounts == null || amounts.isBlank()) return List.of();
        String names = instance.meta().get(namesKey);
        if (names == null || names.isBlank()) {
            throw new IllegalArgumentException("META " + amountsKey + " needs " + namesKey + " to say which amount is whose");
        }
        List<String> nameList = items(names), amountList = items(amounts);
        if (nameList.size() != amountList.size()) {
            throw new IllegalArgumentException("META " + namesKey + " lists " + nameList.size() + " names but "
                    + amountsKey + " " + amountList.size() + " amounts");
        }
        List<Limit> limits = new ArrayList<>();
        for (int i = 0; i < nameList.size(); i++) {
            try {
                long amount = new BigDecimal(amountList.get(i)).movePointRight(instance.costScale()).setScale(0, RoundingMode.FLOOR).longValueExact();
                limits.add(new Limit(column, nameList.get(i), amount));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("META " + amountsKey + " '" + amountList.get(i) + "' is not an amount");
            }
        }
        return limits;
    }

    static List<String> items(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** For each limit, whether project p counts against it (its column lists the limit's value). */
    boolean[][] membership(Instance instance) {
        boolean[][] in = new boolean[limits.size()][instance.projects().size()];
        for (int l = 0; l < limits.size(); l++) {
            Limit limit = limits.get(l);
            for (int p = 0; p < instance.projects().size(); p++) {
                String value = instance.projects().get(p).columns().get(limit.column());
                in[l][p] = value != null && items(value).contains(limit.value());
            }
        }
        return in;
    }

    /** For each project, the other projects it excludes. */
    int[][] rivals(int projects) {
        List<List<Integer>> rivals = new ArrayList<>();
        for (int p = 0; p < projects; p++) rivals.add(new ArrayList<>());
        for (int[] group : exclusive) {
            for (int p : group) for (int q : group) if (p != q && !rivals.get(p).contains(q)) rivals.get(p).add(q);
        }
        return rivals.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }
}
