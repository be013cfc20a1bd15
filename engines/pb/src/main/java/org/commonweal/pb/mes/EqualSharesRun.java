package org.commonweal.pb.mes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * One pass of the Method of Equal Shares (Peters & Skowron 2020; Peters, Pierczyński & Skowron 2021) for a
 * given amount of money per voter: repeatedly fund the project with the lowest price per unit of utility ρ
 * that its supporters can still pay, each paying min(own money, ρ·utility).
 *
 * <p>Voters who paid the same so far form one money class, and candidates sit in a queue keyed by their last
 * computed ρ. Since money only ever decreases, a project's ρ only ever increases,
 * so a stale key is a lower bound and only the front of the queue needs recomputing; a project is
 * recomputed only if one of its supporters paid since. The pass is generic in its {@link Arithmetic}.
 *
 * <p>Which voters share a class, and how classes are numbered, depends only on which projects were funded
 * so far and in what order, never on the money per voter: the passes of an add1 completion, which mostly fund
 * the same first projects, share the supporters' class histograms through {@link PaymentHistograms} and
 * rescan supporter groups only where a pass departs from the previous ones.
 */
final class EqualSharesRun<V> {
    private final VoterGroups groups;
    private final long[] cost;
    private final int[] tieRank;
    private final Arithmetic<V> ar;
    private final double zeroEstimate, zeroLower, zeroUpper;
    private final long[][] keyScale; // per project {num, den}: the ρ projects are ranked by is the price times num/den; null: the price

    private Object[] values;      // per money class: what each of its voters holds (V)
    private int valueCount;
    private boolean[] spent;      // per class: its voters ran out of money
    private int[] valueOf;        // per group: its class after the payments in `applied`
    private double[] estimateOf;  // per class: ar.estimate, kept beside the value so that guesses read no objects
    private double[] lowerOf;     // per class: ar.lower and ar.upper, so that most checks of a guess read no objects either
    private double[] upperOf;
    private int[] accumulated;    // scratch per class, all zero between uses
    private int[] remap;          // scratch per class
    private final List<Payment> made = new ArrayList<>();    // the payments of the current pass, in order
    private final List<Payment> applied = new ArrayList<>(); // those valueOf reflects: a pass, or part of one, maybe an earlier one
    private final PaymentHistograms histograms;
    private int collectedFor;     // project whose histogram `collected` is, -1 once anyone paid since
    private PaymentHistograms.Histogram collected;
    private boolean[] dirty;
    private boolean[] touched;
    private int[] list = new int[16];

    private Object[] entryMoney = new Object[16];
    private long[] entryUtility = new long[16];
    private long[] entryMass = new long[16];
    private double[] entryEstimate = new double[16];
    private double[] entryLower = new double[16];
    private double[] entryUpper = new double[16];
    private boolean[] cappedScratch = new boolean[16];

    /** Decides exact ties at the front in place of the tie-break; null (the rules' own passes): the tie-break decides. */
    private TieHook<V> tieHook;

    /**
     * Told of every exact tie at the front of a pass, for the enumeration of every tied outcome ({@link EqualSharesTies}).
     * {@code tied} holds every project whose ρ is exactly {@code rho}, the lowest, in tie-break order (at least two);
     * {@code funded} the projects funded so far, in order. Returns the one to fund, or -1 to end the pass there.
     */
    interface TieHook<V> {
        int choose(int round, int[] tied, V rho, List<Integer> funded, EqualSharesRun<V> run);
    }

    void tieHook(TieHook<V> hook) {
        this.tieHook = hook;
    }

    /** What each voter group holds now, exactly as the pass computed it (for a tie hook to recognise a point met before). */
    Object[] moneyPerGroup() {
        catchUp();
        Object[] money = new Object[valueOf.length];
        for (int g = 0; g < money.length; g++) money[g] = values[valueOf[g]];
        return money;
    }

    EqualSharesRun(VoterGroups groups, long[] cost, int[] tieRank, Arithmetic<V> arithmetic) {
        this(groups, cost, tieRank, arithmetic, null);
    }

    /** keyScale as {@link Utility#effortScale} gives it: supporters pay the price times their valuation, ρ ranks. */
    EqualSharesRun(VoterGroups groups, long[] cost, int[] tieRank, Arithmetic<V> arithmetic, long[][] keyScale) {
        this.groups = groups;
        this.cost = cost;
        this.tieRank = tieRank;
        this.ar = arithmetic;
        this.keyScale = keyScale;
        this.histograms = new PaymentHistograms(cost.length);
        this.zeroEstimate = arithmetic.estimate(arithmetic.zero());
        this.zeroLower = arithmetic.lower(arithmetic.zero());
        this.zeroUpper = arithmetic.upper(arithmetic.zero());
    }

    /**
     * A payment, as it moves groups between classes. Uniform (perSupporter false): the supporters in class classes[i]
     * move to base + i. Otherwise the i-th supporter moves from classes[i] to base + i. Either way it can be undone,
     * and it is the same record whenever the same projects were funded before it (see {@link PaymentHistograms}).
     */
    private record Payment(int project, int[] classes, int base, boolean perSupporter) {
    }

    /**
     * What one pass decided; rho, shares and losses (display values) are filled only when explanations were asked for.
     * winnerRho holds each round's ρ (V) in the pass's own arithmetic. sameAsBase: the pass was run against a base pass at
     * less money and proved that every amount of money from the base's to this pass's funds the same projects in the same
     * order (see {@link #run(long, long, boolean[], boolean, Result)}).
     */
    record Result(List<Integer> selected, long totalCost, int[] round, BigDecimal[] rho, List<List<MesPayment.Share>> shares,
                  int[] lostRound, BigDecimal[] lostRho, BigDecimal[] moneyWhenLost, int[] overtakenBy, Object[] winnerRho,
                  boolean sameAsBase) {
    }

    /** price: what each supporter pays per unit of their valuation; rho: what projects are ranked by (the price unless keyScale). */
    private final class Candidate {
        final int project;
        final V price;
        final V rho;
        final double lower;
        final double upper;

        Candidate(int project, V price) {
            this.project = project;
            this.price = price;
            this.rho = keyScale == null ? price : ar.divide(ar.multiply(price, keyScale[project][0]), keyScale[project][1]);
            this.lower = ar.lower(rho);
            this.upper = ar.upper(rho);
        }
    }

    @SuppressWarnings("unchecked")
    private V value(int v) {
        return (V) values[v];
    }

    @SuppressWarnings("unchecked")
    private V entry(int e) {
        return (V) entryMoney[e];
    }

    /**
     * @param budgetNumerator money per voter is budgetNumerator / voters (scaled units)
     */
    Result run(long budgetNumerator, long voters, boolean[] candidate, boolean explain) {
        return run(budgetNumerator, voters, candidate, explain, null);
    }

    /**
     * A pass, which also decides whether every amount of money per voter between the base pass's (less) and this one's
     * funds the same projects in the same order (Result.sameAsBase). Along a fixed order of winners every voter's
     * money after each round only grows with the money they started with (a price falls as its supporters' money
     * grows, and what is left, max(0, money − ρ·u), grows with money and falls with ρ), so at any amount in between,
     * round r's winner costs at most ρ_r of the base and every other project at least what it costs here. Hence it
     * suffices that here the winners are the base's and every other project still in the running costs more than the
     * base's ρ_r (or exactly as much and loses the tie-break); a project nobody can pay for here cannot be paid for
     * with less money either, which also ends the pass at the same round.
     */
    Result run(long budgetNumerator, long voters, boolean[] candidate, boolean explain, Result base) {
        if (base != null && explain) throw new IllegalArgumentException("a pass compared with a base is not explained");
        int m = cost.length;
        if (values == null) {
            // kept from pass to pass at the size the last one needed (accumulated stays all zero in between)
            int size = Math.max(16, 4 * m);
            values = new Object[size];
            spent = new boolean[size];
            estimateOf = new double[size];
            lowerOf = new double[size];
            upperOf = new double[size];
            accumulated = new int[size];
            remap = new int[size];
            valueOf = new int[groups.mass.length];
        }
        values[0] = ar.ratio(budgetNumerator, voters);
        spent[0] = false;
        estimateOf[0] = ar.estimate(value(0));
        lowerOf[0] = ar.lower(value(0));
        upperOf[0] = ar.upper(value(0));
        valueCount = 1;
        made.clear();
        histograms.startPass();
        collectedFor = -1;
        dirty = new boolean[m];
        touched = new boolean[m];

        int[] round = new int[m];
        BigDecimal[] rhoShown = new BigDecimal[m];
        int[] lostRound = new int[m];
        Object[] lastRho = new Object[m];
        BigDecimal[] moneyWhenLost = new BigDecimal[m];
        int[] overtakenBy = new int[m];
        Arrays.fill(overtakenBy, -1);
        List<List<MesPayment.Share>> shares = new ArrayList<>();
        for (int p = 0; p < m; p++) shares.add(List.of());

        // One comparison, not Comparator.comparingDouble(...).thenComparingInt(...): the first JIT tier calls each lambda.
        PriorityQueue<Candidate> queue = new PriorityQueue<>((a, b) -> a.lower < b.lower ? -1 : a.lower > b.lower ? 1
                : Integer.compare(tieRank[a.project], tieRank[b.project]));
        for (int p = 0; p < m; p++) {
            if (!candidate[p]) continue;
            V rho = price(p, budgetNumerator, voters, null);
            if (rho == null) {
                lostRound[p] = 1;
                if (explain) moneyWhenLost[p] = ar.display(money(p));
            } else {
                Candidate c = new Candidate(p, rho);
                queue.add(c);
                lastRho[p] = c.rho;
            }
        }
        List<Integer> selected = new ArrayList<>();
        List<Object> winnerRho = new ArrayList<>();
        boolean sameAsBase = base != null;
        long total = 0;
        int r = 1;
        List<Candidate> contenders = new ArrayList<>();
        while (!queue.isEmpty()) {
            Candidate top = queue.poll();
            contenders.clear();
            contenders.add(top);
            // Everyone whose bound overlaps the front runner's may still beat it: all must be current before comparing.
            while (!queue.isEmpty() && queue.peek().lower <= top.upper) contenders.add(queue.poll());
            boolean stale = false;
            for (Candidate c : contenders) stale |= dirty[c.project];
            if (stale) {
                for (Candidate c : contenders) {
                    if (!dirty[c.project]) {
                        queue.add(c);
                        continue;
                    }
                    dirty[c.project] = false;
                    V rho = price(c.project, budgetNumerator, voters, c.price);
                    if (rho == null) {
                        lostRound[c.project] = r;
                        if (explain) moneyWhenLost[c.project] = ar.display(money(c.project));
                    } else {
                        Candidate now = new Candidate(c.project, rho);
                        lastRho[c.project] = now.rho;
                        queue.add(now);
                    }
                }
                continue;
            }
            Candidate winner = top;
            for (Candidate c : contenders) {
                if (c == winner) continue;
                int cmp = ar.compare(c.rho, winner.rho);
                if (cmp < 0 || (cmp == 0 && tieRank[c.project] < tieRank[winner.project])) winner = c;
            }
            if (tieHook != null) {
                winner = hooked(winner, contenders, r, selected);
                if (winner == null) break;
            }
            for (Candidate c : contenders) if (c != winner) queue.add(c);
            int p = winner.project;
            if (sameAsBase) {
                sameAsBase = r <= base.selected().size() && base.selected().get(r - 1) == p
                        && othersCostMore(p, value(base.winnerRho()[r - 1]), queue, contenders, budgetNumerator, voters, lostRound, lastRho, r);
            }
            selected.add(p);
            winnerRho.add(winner.rho);
            total += cost[p];
            round[p] = r;
            List<MesPayment.Share> paid = pay(p, winner.price, explain);
            if (explain) {
                rhoShown[p] = ar.display(winner.rho);
                shares.set(p, paid);
                // Price every affected candidate now, so that each loss names the round and the winner that caused it.
                List<Candidate> keep = new ArrayList<>();
                for (Candidate c : queue) {
                    if (!dirty[c.project]) {
                        keep.add(c);
                        continue;
                    }
                    dirty[c.project] = false;
                    V rho = price(c.project, budgetNumerator, voters, c.price);
                    if (rho == null) {
                        lostRound[c.project] = r + 1;
                        overtakenBy[c.project] = p;
                        moneyWhenLost[c.project] = ar.display(money(c.project));
                    } else {
                        Candidate now = new Candidate(c.project, rho);
                        keep.add(now);
                        lastRho[c.project] = now.rho;
                    }
                }
                queue.clear();
                queue.addAll(keep);
            }
            r++;
        }
        BigDecimal[] lostRhoShown = new BigDecimal[m];
        if (explain) {
            for (int p = 0; p < m; p++) {
                @SuppressWarnings("unchecked") V rho = (V) lastRho[p];
                if (round[p] == 0 && rho != null) lostRhoShown[p] = ar.display(rho);
            }
        }
        if (sameAsBase) sameAsBase = selected.size() == base.selected().size();
        return new Result(selected, total, round, rhoShown, shares, lostRound, lostRhoShown, moneyWhenLost, overtakenBy,
                winnerRho.toArray(), sameAsBase);
    }

    /** The tie hook's choice among the contenders exactly as cheap as the winner, or null when it ends the pass. */
    private Candidate hooked(Candidate winner, List<Candidate> contenders, int round, List<Integer> selected) {
        List<Candidate> tied = new ArrayList<>();
        for (Candidate c : contenders) if (c == winner || ar.compare(c.rho, winner.rho) == 0) tied.add(c); // a value against itself would be evaluated exactly
        if (tied.size() < 2) return winner;
        tied.sort(Comparator.comparingInt(c -> tieRank[c.project]));
        int chosen = tieHook.choose(round, tied.stream().mapToInt(c -> c.project).toArray(), winner.rho, List.copyOf(selected), this);
        for (Candidate c : tied) if (c.project == chosen) return c;
        return null;
    }

    @SuppressWarnings("unchecked")
    private V value(Object v) {
        return (V) v;
    }

    /**
     * Whether every project in the queue costs more than baseRho now (or exactly as much and comes after the winner in
     * the tie-break). Keys are lower bounds, so only those whose key could be at most baseRho are priced afresh, as the
     * pass would price them anyway before funding them; scratch is a free list.
     */
    private boolean othersCostMore(int winner, V baseRho, PriorityQueue<Candidate> queue, List<Candidate> scratch,
                                   long budgetNumerator, long voters, int[] lostRound, Object[] lastRho, int r) {
        scratch.clear();
        double limit = ar.upper(baseRho);
        while (!queue.isEmpty() && queue.peek().lower <= limit) scratch.add(queue.poll());
        boolean more = true;
        for (Candidate c : scratch) {
            Candidate now = c;
            if (dirty[c.project]) {
                dirty[c.project] = false;
                V rho = price(c.project, budgetNumerator, voters, c.price);
                if (rho == null) {
                    lostRound[c.project] = r;
                    continue;
                }
                now = new Candidate(c.project, rho);
                lastRho[c.project] = now.rho;
            }
            if (more) {
                int cmp = ar.compare(now.rho, baseRho);
                more = cmp > 0 || (cmp == 0 && tieRank[winner] < tieRank[now.project]);
            }
            queue.add(now);
        }
        scratch.clear();
        return more;
    }

    /** Money the supporters of project p still hold. */
    private V money(int p) {
        catchUp();
        V sum = ar.zero();
        for (int g : groups.supporters[p]) sum = ar.subtractProduct(sum, value(valueOf[g]), -groups.mass[g]);
        return sum;
    }

    /**
     * The least ρ with Σ min(money_i, ρ·u_i) = cost over p's supporters, or null when they cannot afford p.
     * Voters with money/u below ρ pay all they have, the others ρ·u. Instead of sorting, iterate: anyone below
     * the current estimate must pay everything (removing below-average payers only raises ρ), so take them out
     * and re-estimate until nobody new falls below. The left-hand side grows strictly with ρ, so this fixpoint
     * is the unique solution, the same one the sorted sweep of the papers finds.
     */
    private V price(int p, long budgetNumerator, long voters, V stale) {
        if (groups.supporters[p].length == 0) return null;
        if (groups.uniform[p] && !touched[p]) {
            // Nobody paid yet: everyone holds budget/voters, so ρ = cost/(supporters·u) if they hold enough.
            long u = groups.utilities[p][0];
            long mass = groups.supportMass[p];
            if (productLess(mass, budgetNumerator, cost[p], voters)) return null;
            return ar.ratio(cost[p], Math.multiplyExact(mass, u));
        }
        if (groups.uniform[p]) {
            V quick = priceUniform(p, stale);
            if (quick != NO_ANSWER) return quick;
        }
        int k = collect(p);
        long weight = 0;
        for (int i = 0; i < k; i++) weight += entryMass[i] * entryUtility[i];
        V checked = guessAndCheck(p, k, weight);
        if (checked != NO_ANSWER) return checked;
        return byFixpoint(p, k, weight);
    }

    @SuppressWarnings("unchecked")
    private final V NO_ANSWER = (V) new Object();

    private int[] cappedClasses = new int[16];
    private int[] openClasses = new int[16];

    /**
     * The price of a project whose supporters value it alike, read straight from its supporters' money classes: every
     * supporter owes the same t = ρ·u, and those holding less than t pay all they have. The stale price is a lower bound
     * (money only falls during a pass, so prices only rise), as is cost/(supporters·u), so the capped set is grown from
     * the larger of the two by the usual fixpoint in doubles, which a good start settles in one sweep: it keeps the
     * least estimate left open, and stops once that reaches the new t. The answer is then proven by the proven bounds of
     * the richest capped class and the poorest open one. Returns NO_ANSWER when they do not settle it or the guess does
     * not prove out: the general method then decides, class by class where it must.
     */
    private V priceUniform(int p, V stale) {
        PaymentHistograms.Histogram h = collectedFor == p ? collected : histogram(p);
        collectedFor = p;
        collected = h;
        int[] classes = h.classes();
        int[] masses = h.masses();
        int n = classes.length;
        if (cappedClasses.length < n) {
            cappedClasses = new int[Math.max(n, 2 * cappedClasses.length)];
            openClasses = new int[cappedClasses.length];
        }
        // Locals, not fields, in the loops below: the first JIT tier reloads a field on every use.
        int[] cappedClasses = this.cappedClasses, openClasses = this.openClasses;
        boolean[] spent = this.spent;
        double[] estimateOf = this.estimateOf, lowerOf = this.lowerOf, upperOf = this.upperOf;
        long u = groups.utilities[p][0];
        double costD = cost[p];
        double t = costD / groups.supportMass[p];
        double fromStale = stale == null ? 0 : ar.estimate(stale) * u * (1 - 0x1p-40); // a hair below, as the estimate may be above
        if (fromStale > t) t = fromStale;
        long mass = 0, cappedVoters = 0;
        double cappedSum = 0, richestCapped = Double.NEGATIVE_INFINITY, poorestOpen = Double.POSITIVE_INFINITY;
        double poorestOpenEstimate = Double.POSITIVE_INFINITY;
        int capped = 0, open = 0;
        // Comparisons, not Math.max and Math.min: the first JIT tier, which pb commands run in, calls those.
        for (int i = 0; i < n; i++) {
            int c = classes[i];
            if (spent[c]) continue;
            long m = masses[i];
            mass += m;
            double e = estimateOf[c];
            if (e < t) {
                cappedClasses[capped++] = i;
                cappedVoters += m;
                cappedSum += e * m;
                if (upperOf[c] > richestCapped) richestCapped = upperOf[c];
            } else {
                openClasses[open++] = i;
                if (e < poorestOpenEstimate) poorestOpenEstimate = e;
                if (lowerOf[c] < poorestOpen) poorestOpen = lowerOf[c];
            }
        }
        // The sweep's test again, over the classes still open; written out, not shared, since the first tier would call it per class.
        while (open > 0) {
            t = (costD - cappedSum) / (mass - cappedVoters);
            if (poorestOpenEstimate >= t) break;
            int kept = 0;
            poorestOpenEstimate = Double.POSITIVE_INFINITY;
            poorestOpen = Double.POSITIVE_INFINITY;
            for (int j = 0; j < open; j++) {
                int i = openClasses[j];
                int c = classes[i];
                double e = estimateOf[c];
                if (e < t) {
                    cappedClasses[capped++] = i;
                    cappedVoters += masses[i];
                    cappedSum += e * masses[i];
                    if (upperOf[c] > richestCapped) richestCapped = upperOf[c];
                } else {
                    openClasses[kept++] = i;
                    if (e < poorestOpenEstimate) poorestOpenEstimate = e;
                    if (lowerOf[c] < poorestOpen) poorestOpen = lowerOf[c];
                }
            }
            open = kept;
        }
        openScratch(capped);
        Object[] cappedMoney = this.cappedMoney, values = this.values;
        long[] cappedMass = this.cappedMass;
        for (int j = 0; j < capped; j++) {
            int i = cappedClasses[j];
            cappedMoney[j] = values[classes[i]];
            cappedMass[j] = masses[i];
        }
        V remaining = ar.subtractProducts(ar.ratio(cost[p], 1), cappedMoney, cappedMass, capped);
        long weight = Math.multiplyExact(mass - cappedVoters, u);
        if (weight == 0) return ar.signum(remaining) > 0 ? null : NO_ANSWER;
        // Where the bounds do not settle it (a near or exact tie), the general method checks class by class.
        if (!Arithmetic.exactFactor(weight) || !Arithmetic.exactFactor(u)) return NO_ANSWER;
        double dueLower = Arithmetic.productLower(ar.lower(remaining), u), dueUpper = Arithmetic.productUpper(ar.upper(remaining), u);
        if ((capped > 0 && Arithmetic.productUpper(richestCapped, weight) >= dueLower)
                || (open > 0 && Arithmetic.productLower(poorestOpen, weight) < dueUpper)) {
            return NO_ANSWER;
        }
        return capped > 0 || mass < groups.supportMass[p] ? ar.divide(remaining, weight) : ar.ratio(cost[p], weight);
    }

    /**
     * The same fixpoint in plain doubles on estimates, then one pass of the real arithmetic that proves the guess:
     * a capped set C with ρ = (cost − money of C)/(utility of the rest) such that exactly the members of C have
     * money/u below ρ is a fixpoint, hence the unique answer. Returns NO_ANSWER when the guess does not prove out.
     */
    private V guessAndCheck(int p, int k, long totalWeight) {
        boolean[] capped = cappedScratch(k);
        double[] estimate = entryEstimate;
        int[] open = openScratch(k); // the entries not capped yet
        for (int e = 0; e < k; e++) open[e] = e;
        int openCount = k;
        double remainingGuess = cost[p];
        long weight = totalWeight;
        boolean changed = true;
        while (changed && weight > 0) {
            changed = false;
            double before = remainingGuess;
            double weightBefore = weight;
            int kept = 0;
            for (int j = 0; j < openCount; j++) {
                int e = open[j];
                if (estimate[e] * weightBefore >= before * entryUtility[e]) {
                    open[kept++] = e;
                    continue;
                }
                capped[e] = true;
                changed = true;
                remainingGuess -= estimate[e] * entryMass[e];
                weight -= entryMass[e] * entryUtility[e];
            }
            openCount = kept;
        }
        int cappedCount = 0;
        for (int e = 0; e < k; e++) {
            if (!capped[e]) continue;
            cappedMoney[cappedCount] = entryMoney[e];
            cappedMass[cappedCount++] = entryMass[e];
        }
        boolean anyCapped = cappedCount > 0;
        V remaining = ar.subtractProducts(ar.ratio(cost[p], 1), cappedMoney, cappedMass, cappedCount);
        if (weight == 0) return ar.signum(remaining) > 0 ? null : NO_ANSWER;
        // Each entry must hold less than ρ·u if capped, at least ρ·u if not (money·weight against remaining·u):
        // settled by bounds read from arrays where they suffice, else by the arithmetic.
        double remainingLower = ar.lower(remaining), remainingUpper = ar.upper(remaining);
        boolean boundable = Arithmetic.exactFactor(weight);
        long lastUtility = -1;
        double dueLower = 0, dueUpper = 0;
        for (int e = 0; e < k; e++) {
            long u = entryUtility[e];
            if (boundable && Arithmetic.exactFactor(u)) {
                if (u != lastUtility) {
                    lastUtility = u;
                    dueLower = Arithmetic.productLower(remainingLower, u);
                    dueUpper = Arithmetic.productUpper(remainingUpper, u);
                }
                if (capped[e] ? Arithmetic.productUpper(entryUpper[e], weight) < dueLower
                        : Arithmetic.productLower(entryLower[e], weight) >= dueUpper) continue;
            }
            int c = ar.compareProducts(entry(e), weight, remaining, u);
            if (capped[e] ? c >= 0 : c < 0) return NO_ANSWER;
        }
        return anyCapped ? ar.divide(remaining, weight) : ar.ratio(cost[p], weight);
    }

    private V byFixpoint(int p, int k, long totalWeight) {
        boolean[] capped = cappedScratch(k);
        V remaining = ar.ratio(cost[p], 1);
        long weight = totalWeight;
        boolean changed = true;
        boolean anyCapped = false;
        while (changed) {
            changed = false;
            V before = remaining;
            long weightBefore = weight;
            for (int e = 0; e < k; e++) {
                if (capped[e] || ar.compareProducts(entry(e), weightBefore, before, entryUtility[e]) >= 0) continue;
                capped[e] = true;
                changed = true;
                anyCapped = true;
                remaining = ar.subtractProduct(remaining, entry(e), entryMass[e]);
                weight -= entryMass[e] * entryUtility[e];
            }
            if (weight == 0) return null;
        }
        // Nobody pays all they have: ρ = cost / total utility, known exactly, so ties between such projects are settled exactly.
        return anyCapped ? ar.divide(remaining, weight) : ar.ratio(cost[p], weight);
    }

    private int[] openScratch = new int[16];
    private Object[] cappedMoney = new Object[16];
    private long[] cappedMass = new long[16];

    private int[] openScratch(int k) {
        if (openScratch.length < k) {
            int size = Math.max(k, 2 * openScratch.length);
            openScratch = new int[size];
            cappedMoney = new Object[size];
            cappedMass = new long[size];
        }
        return openScratch;
    }

    private boolean[] cappedScratch(int k) {
        if (cappedScratch.length < k) cappedScratch = new boolean[Math.max(k, 2 * cappedScratch.length)];
        Arrays.fill(cappedScratch, 0, k, false);
        return cappedScratch;
    }

    /** a·b < c·d for non-negative longs, in 128 bits. */
    private static boolean productLess(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, b), hi2 = Math.multiplyHigh(c, d);
        return hi1 != hi2 ? hi1 < hi2 : Long.compareUnsigned(a * b, c * d) < 0;
    }

    /**
     * Fills the entry arrays with (money, utility, voters) for p's supporters. When all have the same utility,
     * one entry per money class, and one for all who ran out of money (they pay nothing whatever ρ is).
     */
    private int collect(int p) {
        long[] ut = groups.utilities[p];
        if (groups.uniform[p]) {
            PaymentHistograms.Histogram h = histogram(p);
            ensureEntries(h.classes().length + 1);
            int k = 0;
            long spentMass = 0;
            for (int i = 0; i < h.classes().length; i++) {
                int c = h.classes()[i];
                if (spent[c]) {
                    spentMass += h.masses()[i];
                    continue;
                }
                entryMoney[k] = values[c];
                entryEstimate[k] = estimateOf[c];
                entryLower[k] = lowerOf[c];
                entryUpper[k] = upperOf[c];
                entryUtility[k] = ut[0];
                entryMass[k++] = h.masses()[i];
            }
            if (spentMass > 0) {
                entryMoney[k] = ar.zero();
                entryEstimate[k] = zeroEstimate;
                entryLower[k] = zeroLower;
                entryUpper[k] = zeroUpper;
                entryUtility[k] = ut[0];
                entryMass[k++] = spentMass;
            }
            collectedFor = p;
            collected = h;
            return k;
        }
        catchUp();
        int[] sup = groups.supporters[p];
        ensureEntries(sup.length);
        for (int i = 0; i < sup.length; i++) {
            int v = valueOf[sup[i]];
            entryMoney[i] = values[v];
            entryEstimate[i] = estimateOf[v];
            entryLower[i] = lowerOf[v];
            entryUpper[i] = upperOf[v];
            entryUtility[i] = ut[i];
            entryMass[i] = groups.mass[sup[i]];
        }
        collectedFor = -1;
        return sup.length;
    }

    /** The classes of p's supporters (in order of first appearance among them) and their voters: remembered, or counted now. */
    private PaymentHistograms.Histogram histogram(int p) {
        PaymentHistograms.Histogram known = histograms.lookup(p);
        if (known != null) return known;
        catchUp();
        int[] sup = groups.supporters[p];
        int[] masses = groups.supporterMass[p];
        if (list.length < valueCount) list = new int[values.length];
        int[] list = this.list, valueOf = this.valueOf;
        int[] accumulated = this.accumulated;
        int k = 0;
        // accumulated is zero for every class between calls, and every group has at least one voter, so a zero marks a class not yet listed
        for (int i = 0; i < sup.length; i++) {
            int v = valueOf[sup[i]];
            int a = accumulated[v];
            if (a == 0) list[k++] = v;
            accumulated[v] = a + masses[i];
        }
        int[] classes = Arrays.copyOf(list, k);
        int[] mass = new int[k];
        for (int i = 0; i < k; i++) {
            mass[i] = accumulated[classes[i]];
            accumulated[classes[i]] = 0;
        }
        PaymentHistograms.Histogram h = new PaymentHistograms.Histogram(classes, mass);
        histograms.store(p, h);
        return h;
    }

    /**
     * Brings valueOf to the payments made so far. It may still reflect an earlier pass: the payments both share
     * from the start are the same records, so only the earlier pass's later ones are undone (newest first, which
     * returns every group to the class it had before each) and this pass's later ones applied; or, when that is
     * cheaper, everyone goes back to class 0, the start of every pass, and all of this pass's payments are applied.
     */
    private void catchUp() {
        int same = 0;
        while (same < applied.size() && same < made.size() && applied.get(same).project() == made.get(same).project()
                && applied.get(same).base() == made.get(same).base()) same++;
        // Undoing costs what the earlier pass's later payments touched; starting over, what the shared ones touch.
        long undo = 0, redo = valueOf.length;
        for (int j = same; j < applied.size(); j++) undo += groups.supporters[applied.get(j).project()].length;
        for (int j = 0; j < same; j++) redo += groups.supporters[made.get(j).project()].length;
        if (redo < undo) {
            Arrays.fill(valueOf, 0);
            applied.clear();
            same = 0;
        }
        int[] valueOf = this.valueOf, remap = this.remap;
        for (int j = applied.size() - 1; j >= same; j--) {
            Payment pay = applied.remove(j);
            int[] sup = groups.supporters[pay.project()];
            if (pay.perSupporter()) {
                for (int i = 0; i < sup.length; i++) valueOf[sup[i]] = pay.classes()[i];
            } else {
                for (int g : sup) valueOf[g] = pay.classes()[valueOf[g] - pay.base()];
            }
        }
        for (int j = same; j < made.size(); j++) {
            Payment pay = made.get(j);
            int[] sup = groups.supporters[pay.project()];
            if (pay.perSupporter()) {
                for (int i = 0; i < sup.length; i++) valueOf[sup[i]] = pay.base() + i;
            } else {
                for (int i = 0; i < pay.classes().length; i++) remap[pay.classes()[i]] = pay.base() + i;
                for (int g : sup) valueOf[g] = remap[valueOf[g]];
            }
            applied.add(pay);
        }
    }

    private void ensureEntries(int k) {
        if (entryMoney.length >= k) return;
        int size = Math.max(k, 2 * entryMoney.length);
        entryMoney = Arrays.copyOf(entryMoney, size);
        entryUtility = Arrays.copyOf(entryUtility, size);
        entryMass = Arrays.copyOf(entryMass, size);
        entryEstimate = Arrays.copyOf(entryEstimate, size);
        entryLower = Arrays.copyOf(entryLower, size);
        entryUpper = Arrays.copyOf(entryUpper, size);
    }

    /** Charges p's supporters at price rho and marks every project they support for recomputation. */
    private List<MesPayment.Share> pay(int p, V rho, boolean explain) {
        TreeMap<BigDecimal, Long> byAmount = explain ? new TreeMap<>() : null;
        if (groups.uniform[p]) payUniform(p, rho, byAmount);
        else payEach(p, rho, byAmount);
        histograms.paid(p);
        collectedFor = -1;
        for (int q : groups.neighbours[p]) {
            dirty[q] = true;
            touched[q] = true;
        }
        dirty[p] = false;
        if (!explain) return List.of();
        List<MesPayment.Share> shares = new ArrayList<>();
        byAmount.descendingMap().forEach((amount, count) -> shares.add(new MesPayment.Share(count, amount)));
        return shares;
    }

    /**
     * Every supporter owes the same ρ·u, so supporters in one class pay the same and again share a class: each
     * class c of p's supporters, listed i-th, becomes the new class base + i (numbered so whatever the money), and
     * the groups themselves move when valueOf is next needed.
     */
    private void payUniform(int p, V rho, TreeMap<BigDecimal, Long> byAmount) {
        PaymentHistograms.Histogram h = collectedFor == p ? collected : histogram(p);
        V due = ar.multiply(rho, groups.utilities[p][0]);
        double dueLower = ar.lower(due), dueUpper = ar.upper(due);
        int base = valueCount;
        long paidDue = 0, paidNothing = 0;
        for (int i = 0; i < h.classes().length; i++) {
            int c = h.classes()[i];
            V money = value(c);
            // The classes' proven bounds settle nearly every comparison without calling into the arithmetic.
            boolean spendsAll = spent[c] || upperOf[c] < dueLower || (lowerOf[c] <= dueUpper && ar.compare(money, due) <= 0);
            intern(spendsAll ? ar.zero() : ar.subtract(money, due), spendsAll);
            if (byAmount == null) continue;
            if (!spendsAll) paidDue += h.masses()[i];
            else if (spent[c]) paidNothing += h.masses()[i];
            else byAmount.merge(ar.display(money), (long) h.masses()[i], Long::sum);
        }
        if (paidDue > 0) byAmount.merge(ar.display(due), paidDue, Long::sum);
        if (paidNothing > 0) byAmount.merge(ar.display(ar.zero()), paidNothing, Long::sum);
        made.add(new Payment(p, h.classes(), base, false));
    }

    /** Utilities differ, so each group pays its own amount and gets a class of its own. */
    private void payEach(int p, V rho, TreeMap<BigDecimal, Long> byAmount) {
        catchUp();
        int[] sup = groups.supporters[p];
        long[] ut = groups.utilities[p];
        int[] before = new int[sup.length];
        int base = valueCount;
        for (int i = 0; i < sup.length; i++) {
            int g = sup[i];
            before[i] = valueOf[g];
            V money = value(valueOf[g]);
            V due = ar.multiply(rho, ut[i]);
            boolean spendsAll = ar.compare(money, due) <= 0;
            valueOf[g] = intern(spendsAll ? ar.zero() : ar.subtract(money, due), spendsAll);
            if (byAmount != null) byAmount.merge(ar.display(spendsAll ? money : due), groups.mass[g], Long::sum);
        }
        Payment payment = new Payment(p, before, base, true);
        made.add(payment);
        applied.add(payment);
    }

    private int intern(V value, boolean spendsAll) {
        if (valueCount == values.length) {
            int size = 2 * values.length;
            values = Arrays.copyOf(values, size);
            accumulated = Arrays.copyOf(accumulated, size);
            remap = Arrays.copyOf(remap, size);
            estimateOf = Arrays.copyOf(estimateOf, size);
            lowerOf = Arrays.copyOf(lowerOf, size);
            upperOf = Arrays.copyOf(upperOf, size);
            spent = Arrays.copyOf(spent, size);
        }
        spent[valueCount] = spendsAll;
        values[valueCount] = value;
        // Half the classes a payment makes hold nothing: their bounds are known without asking the arithmetic.
        estimateOf[valueCount] = spendsAll ? zeroEstimate : ar.estimate(value);
        lowerOf[valueCount] = spendsAll ? zeroLower : ar.lower(value);
        upperOf[valueCount] = spendsAll ? zeroUpper : ar.upper(value);
        return valueCount++;
    }
}
