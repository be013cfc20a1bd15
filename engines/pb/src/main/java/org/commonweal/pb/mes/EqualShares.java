package org.commonweal.pb.mes;

// Method of Equal Shares: Peters & Skowron, "Proportionality and the Limits of Welfarism" (EC 2020);
// Peters, Pierczyński & Skowron, "Proportional Participatory Budgeting with Additive Utilities" (NeurIPS 2021).

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TieOrder;

/**
 * The Method of Equal Shares with the completions used in practice (see {@link Completion}), the optional
 * comparison with greedy (Wieliczka's "add1-comparison": greedy's outcome wins if more voters are strictly
 * better off under it than under MES) and the optional eligibility filter (Świecie: a project takes part only
 * if its share of votes is at least a third of its share of the budget, votes/voters ≥ cost/(3·budget)).
 * {@code utility} null means the instance's default ({@link Utility#defaultFor}). {@code increment} is how much
 * the add1 completions raise each voter's money per pass, in currency units (pabutools' voter_budget_increment).
 */
public record EqualShares(Utility utility, Completion completion, boolean comparison, boolean eligibilityFilter, BigDecimal increment) implements Rule {

    public static final EqualShares ADD1 = new EqualShares(null, Completion.ADD1, false, false);

    public EqualShares {
        if (completion == null) throw new IllegalArgumentException("completion is required");
        if (increment == null) increment = BigDecimal.ONE;
        if (increment.signum() <= 0) throw new IllegalArgumentException("increment must be more than 0, not " + increment.toPlainString());
        increment = increment.stripTrailingZeros();
    }

    /** With the usual increment of one currency unit. */
    public EqualShares(Utility utility, Completion completion, boolean comparison, boolean eligibilityFilter) {
        this(utility, completion, comparison, eligibilityFilter, BigDecimal.ONE);
    }

    @Override
    public String name() {
        StringBuilder s = new StringBuilder("equalshares");
        if (completion != Completion.NONE) s.append('/').append(completion.cliName());
        if (comparison) s.append(completion == Completion.NONE ? "/comparison" : "-comparison");
        if (eligibilityFilter) s.append("+eligibility");
        if (increment.compareTo(BigDecimal.ONE) != 0) s.append("+increment=").append(increment.toPlainString());
        if (utility != null) s.append('[').append(utility.cliName()).append(']');
        return s.toString();
    }

    /**
     * Parses names as {@link #name()} prints them: "equalshares", "equalshares/add1", "equalshares/add1-max",
     * "equalshares/add1u", each optionally followed by "-comparison" (or "/comparison" without completion),
     * "+eligibility" and "[cost]", "[cardinality]" or "[points]".
     */
    public static EqualShares parse(String name) {
        String rest = name.trim();
        Utility utility = null;
        int bracket = rest.indexOf('[');
        if (bracket >= 0) {
            if (!rest.endsWith("]")) throw new IllegalArgumentException("rule '" + name + "': missing ']' after the utility");
            utility = Utility.fromCliName(rest.substring(bracket + 1, rest.length() - 1));
            rest = rest.substring(0, bracket);
        }
        BigDecimal increment = BigDecimal.ONE;
        int incrementAt = rest.indexOf("+increment=");
        if (incrementAt >= 0) {
            increment = incrementNamed(rest.substring(incrementAt + "+increment=".length()));
            rest = rest.substring(0, incrementAt);
        }
        boolean eligibility = rest.endsWith("+eligibility");
        if (eligibility) rest = rest.substring(0, rest.length() - "+eligibility".length());
        boolean comparison = rest.endsWith("comparison");
        if (comparison) rest = rest.substring(0, rest.length() - "comparison".length() - 1);
        if (!rest.startsWith("equalshares")) throw new IllegalArgumentException("rule '" + name + "' is not an equalshares rule");
        String completion = rest.substring("equalshares".length());
        for (Completion c : Completion.values()) {
            String expected = c == Completion.NONE ? "" : "/" + c.cliName();
            if (completion.equals(expected)) return new EqualShares(utility, c, comparison, eligibility, increment);
        }
        throw new IllegalArgumentException("rule '" + name + "': unknown completion '" + completion
                + "' (expected none, /add1, /add1-max, /add1u or /greedy)");
    }

    /**
     * A rule from a name as {@link #parse} reads it plus text options, as the rule registry and the CLI pass them:
     * {@code completion} (none, add1, add1-max, add1u), {@code comparison} and {@code eligibility} (true/false),
     * {@code utility} (cost, cardinality, points). Options override what the name says.
     * @throws IllegalArgumentException naming an unknown option or value
     */
    public static EqualShares fromOptions(String name, java.util.Map<String, String> options) {
        EqualShares rule = parse(name);
        Utility utility = rule.utility();
        Completion completion = rule.completion();
        boolean comparison = rule.comparison();
        boolean eligibility = rule.eligibilityFilter();
        BigDecimal increment = rule.increment();
        for (var option : options.entrySet()) {
            String value = option.getValue().trim();
            switch (option.getKey()) {
                case "completion" -> completion = completionNamed(value);
                case "comparison" -> comparison = flag("comparison", value);
                case "eligibility" -> eligibility = flag("eligibility", value);
                case "utility" -> utility = Utility.fromCliName(value);
                case "increment" -> increment = incrementNamed(value);
                default -> throw new IllegalArgumentException("rule " + name + " has no option '" + option.getKey()
                        + "' (expected completion, comparison, eligibility, increment or utility)");
            }
        }
        return new EqualShares(utility, completion, comparison, eligibility, increment);
    }

    private static BigDecimal incrementNamed(String value) {
        try {
            BigDecimal increment = new BigDecimal(value.strip());
            if (increment.signum() > 0) return increment;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("increment is an amount of money per voter more than 0, not '" + value + "'");
    }

    private static Completion completionNamed(String value) {
        if (value.equals("none")) return Completion.NONE;
        for (Completion c : Completion.values()) if (c != Completion.NONE && c.cliName().equals(value)) return c;
        throw new IllegalArgumentException("unknown completion '" + value + "' (expected none, add1, add1-max, add1u or greedy)");
    }

    private static boolean flag(String option, String value) {
        return switch (value) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option " + option + " is true or false, not '" + value + "'");
        };
    }

    @Override
    public Outcome outcome(Instance instance, TieBreak tieBreak) {
        return decide(instance, tieBreak).outcome();
    }

    /**
     * The outcome together with the money per voter of the final MES pass (after add1 increments); passes counts the
     * completion's passes computed after the first (fewer than increments where increments were jumped over).
     */
    public record Decision(Outcome outcome, Rational finalPerVoterBudget, int increments, int passes) {
    }

    public Decision decide(Instance instance, TieBreak tieBreak) {
        return decide(instance, tieBreak, true);
    }

    /** With jumps false, the completion steps through every increment: the reference the jumps are tested against. */
    Decision decide(Instance instance, TieBreak tieBreak, boolean jumps) {
        Utility u = utility == null ? Utility.defaultFor(instance) : utility;
        if (u == Utility.POINTS && !instance.voteType().hasPoints()) {
            throw new IllegalArgumentException("points utilities need cumulative or scoring ballots, but vote_type is " + instance.voteType().pabulibName());
        }
        int m = instance.projects().size();
        long[] cost = new long[m];
        for (int p = 0; p < m; p++) cost[p] = instance.projects().get(p).cost();
        boolean[] candidate = eligibilityFilter ? Eligibility.mask(instance) : allTrue(m);
        VoterGroups groups = VoterGroups.of(instance, u, candidate);
        int[] tieRank = TieOrder.ranks(instance, tieBreak);
        long[][] keyScale = u.effortScale(instance, groups.supportMass);
        EqualSharesRun<CertifiedArithmetic.Value> passes = new EqualSharesRun<>(groups, cost, tieRank, CertifiedArithmetic.INSTANCE, keyScale);
        long budget = instance.budget();
        long voters = Math.max(1, groups.voters);
        boolean[] supported = new boolean[m];
        for (int p = 0; p < m; p++) supported[p] = candidate[p] && groups.supporters[p].length > 0;
        long step = Math.multiplyExact(voters, incrementScaled(instance));

        Completed completed = completion == Completion.NONE || completion == Completion.GREEDY
                ? new Completed(0, 0)
                : addOne(passes, new EqualSharesRun<>(groups, cost, tieRank, CertifiedArithmetic.INSTANCE, keyScale), budget, step, voters,
                        supported, cost, jumps);
        int k = completed.increments(), computed = completed.computed();
        long budgetNumerator = budget + k * step;
        EqualSharesRun.Result explained = passes.run(budgetNumerator, voters, supported, true);
        List<Integer> selected = explained.selected();
        List<Outcome.Verdict> verdicts = new ArrayList<>();
        boolean[] in = new boolean[m];
        for (int p : selected) in[p] = true;
        long[] votes = instance.pointTotals();
        if (completion == Completion.ADD1U || completion == Completion.GREEDY) selected = GreedyFill.fill(selected, votes, cost, candidate, tieRank, budget);
        long preferGreedy = 0, preferMes = 0;
        boolean greedyWins = false;
        if (comparison) {
            List<Integer> greedy = GreedyFill.fill(List.of(), votes, cost, candidate, tieRank, budget);
            long[] tally = VoterComparison.tally(instance, u, selected, greedy);
            preferGreedy = tally[0];
            preferMes = tally[1];
            if (preferGreedy > preferMes) {
                greedyWins = true;
                selected = greedy;
            }
        }
        boolean[] chosen = new boolean[m];
        for (int p : selected) chosen[p] = true;
        for (int p = 0; p < m; p++) {
            if (greedyWins) {
                verdicts.add(new Outcome.Verdict(p, chosen[p], chosen[p] ? selected.indexOf(p) + 1 : 0,
                        new CompletionReason(CompletionReason.Step.COMPARISON, votes[p], preferGreedy, preferMes)));
            } else if (in[p]) {
                verdicts.add(new Outcome.Verdict(p, true, explained.round()[p],
                        new MesPayment(explained.round()[p], explained.rho()[p], explained.shares().get(p).stream()
                                .map(sh -> new MesPayment.Share(sh.voters(), currency(sh.amountEach(), instance))).toList())));
            } else if (chosen[p]) {
                verdicts.add(new Outcome.Verdict(p, true, selected.indexOf(p) + 1,
                        new CompletionReason(CompletionReason.Step.GREEDY_FILL, votes[p], preferGreedy, preferMes)));
            } else if (!candidate[p]) {
                verdicts.add(new Outcome.Verdict(p, false, 0, new Eligibility.Ineligible(votes[p], instance.ballots().size(), cost[p], budget)));
            } else {
                int lost = explained.lostRound()[p];
                BigDecimal money = explained.moneyWhenLost()[p] == null ? BigDecimal.ZERO : explained.moneyWhenLost()[p];
                verdicts.add(new Outcome.Verdict(p, false, lost, new MesLoss(lost, currency(money, instance), instance.toCurrency(cost[p]),
                        explained.overtakenBy()[p], explained.lostRho()[p])));
            }
        }
        long total = 0;
        for (int p : selected) total += cost[p];
        return new Decision(new Outcome(name(), selected, total, verdicts, tieBreak), Rational.of(budgetNumerator, voters), k, computed);
    }

    /** The increments an add1 completion took, and the passes it computed after the first. */
    private record Completed(int increments, int computed) {
    }

    /**
     * The add1 completions, as if stepping one increment at a time, but jumping `jump` increments where the pass landed on
     * proves that every increment in between funds the same projects (EqualSharesRun.run with a base), so the outcome, and
     * where the completion stops, are the stepping ones. The jump doubles after a proof and shrinks after a failure; after
     * a failure at the smallest jump, that many plain steps pass before the next try, doubling each time (a landing's
     * proof prices more projects than a plain pass, which costs where the order of funding keeps changing). With jumps
     * false it steps through every increment: the reference the jumps are tested against. The pass the completion will
     * likely want next is computed meanwhile by {@code second} on the other core ({@link PassesAhead}).
     */
    private Completed addOne(EqualSharesRun<CertifiedArithmetic.Value> passes, EqualSharesRun<CertifiedArithmetic.Value> second, long budget,
                             long step, long voters, boolean[] supported, long[] cost, boolean jumps) {
        boolean untilInfeasible = completion == Completion.ADD1_MAX;
        try (PassesAhead<CertifiedArithmetic.Value> plain = new PassesAhead<>(passes, second, budget, step, voters, supported)) {
            // The first passes run before the JIT has compiled much, so they cost the most: the pass one increment on,
            // the first the completion may need, starts at once.
            plain.ahead(1);
            EqualSharesRun.Result result = passes.run(budget, voters, supported, false);
            EqualSharesRun.Result following = null; // the pass at k + 1, computed as a failed jump's landing
            int k = 0, computed = 0, jump = 2, wait = 0, backoff = 1;
            while (!(untilInfeasible ? containsAll(result, supported) : exhaustive(result, cost, supported, budget))) {
                EqualSharesRun.Result next = following;
                following = null;
                if (next == null && jumps && wait > 0) {
                    wait--;
                } else if (next == null && jumps) {
                    // A landing two increments on usually fails where the order of funding keeps changing, and then the
                    // pass one increment on is needed: the other core computes it meanwhile.
                    if (jump == 2) plain.ahead(k + 1);
                    EqualSharesRun.Result landing = passes.run(PassesAhead.budgetAt(budget, k + (long) jump, step), voters, supported, false, result);
                    computed++;
                    if (landing.sameAsBase()) {
                        result = landing;
                        k += jump;
                        jump = (int) Math.min(1 << 30, 2L * jump);
                        backoff = 1;
                        continue;
                    }
                    if (jump > 2) {
                        jump = Math.max(2, jump / 4);
                        continue;
                    }
                    following = landing;
                    wait = backoff;
                    backoff = Math.min(64, 2 * backoff);
                }
                if (next == null) {
                    // While stepping, the pass after this one (after a failed landing's, already known) is wanted next.
                    next = plain.pass(k + 1, !jumps || wait > 0 ? k + (following != null ? 3 : 2) : -1);
                    computed++;
                }
                if (next.totalCost() > budget) break;
                result = next;
                k++;
            }
            return new Completed(k, computed);
        }
    }

    /** The increment in the instance's scaled money units; it must be a whole number of them. */
    long incrementScaled(Instance instance) {
        try {
            return increment.movePointRight(instance.costScale()).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("increment " + increment.toPlainString() + " has more decimals than the file's amounts ("
                    + instance.costScale() + ")");
        }
    }

    private static BigDecimal currency(BigDecimal scaled, Instance instance) {
        return scaled.movePointLeft(instance.costScale()).stripTrailingZeros();
    }

    /** No supported project left out would still fit (projects nobody supports cannot be funded by MES, so they do not count). */
    static boolean exhaustive(EqualSharesRun.Result r, long[] cost, boolean[] supported, long budget) {
        boolean[] in = new boolean[cost.length];
        for (int p : r.selected()) in[p] = true;
        for (int p = 0; p < cost.length; p++) {
            if (supported[p] && !in[p] && r.totalCost() + cost[p] <= budget) return false;
        }
        return true;
    }

    static boolean containsAll(EqualSharesRun.Result r, boolean[] supported) {
        int count = 0;
        for (boolean s : supported) if (s) count++;
        return r.selected().size() == count;
    }

    static boolean[] allTrue(int m) {
        boolean[] all = new boolean[m];
        java.util.Arrays.fill(all, true);
        return all;
    }
}
