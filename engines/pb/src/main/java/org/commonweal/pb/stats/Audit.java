package org.commonweal.pb.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.mes.Utility;

/**
 * A proportionality audit of any outcome, whichever rule (or city) chose it: how satisfaction is spread over the
 * voters, how money and votes compare per category, and, for approval-like ballots (approval, choose-1, and
 * ordinal read as approval of the ranked projects), the justified-representation axioms and Pareto efficiency
 * under cost and under cardinality utilities. Axioms are not defined here for points ballots (cumulative, scoring),
 * whose lists are then empty. Priceability depends only on who supports what, so it is checked for every ballot type
 * (a voter supports the projects they give points to); stable priceability for approval-like ballots.
 */
public record Audit(SatisfactionDistribution satisfaction, List<CategoryShare> categories,
                    List<JustifiedRepresentation.Result> representation, List<Pareto.Result> pareto, Priceability.Result priceability,
                    Priceability.Result stablePriceability) {

    /** Work limits per check, so that an audit of a large city stays within seconds and says what it could not check. */
    public record Limits(long representation, long pareto, long priceability) {
        public static final Limits DEFAULT = new Limits(JustifiedRepresentation.DEFAULT_WORK_LIMIT, Pareto.DEFAULT_WORK_LIMIT,
                Priceability.DEFAULT_SIZE_LIMIT);

        /** With priceability's default size limit. */
        public Limits(long representation, long pareto) {
            this(representation, pareto, Priceability.DEFAULT_SIZE_LIMIT);
        }
    }

    public static Audit of(Instance instance, Outcome outcome, Limits limits) {
        return of(instance, outcome, Optional.empty(), limits);
    }

    /** The audit of the outcome Equal Shares decided, whose final pass then prices it without running the rule again. */
    public static Audit of(Instance instance, EqualShares.Decision decided, Limits limits) {
        return of(instance, decided.outcome(), Optional.of(decided), limits);
    }

    private static Audit of(Instance instance, Outcome outcome, Optional<EqualShares.Decision> decided, Limits limits) {
        List<JustifiedRepresentation.Result> representation = new ArrayList<>();
        List<Pareto.Result> pareto = new ArrayList<>();
        if (approvalLike(instance)) {
            for (Utility u : List.of(Utility.COST, Utility.CARDINALITY)) {
                ApprovalProfile profile = new ApprovalProfile(instance, outcome, u);
                for (JustifiedRepresentation.Axiom axiom : JustifiedRepresentation.Axiom.values()) {
                    representation.add(JustifiedRepresentation.check(axiom, profile, limits.representation()));
                }
                pareto.add(Pareto.check(instance, outcome, u, limits.pareto()));
            }
        }
        return new Audit(SatisfactionDistribution.of(instance, outcome), CategoryShare.of(instance, outcome), representation, pareto,
                Priceability.check(instance, outcome, decided, limits.priceability()), Priceability.checkStable(instance, outcome, limits.priceability()));
    }

    public static boolean approvalLike(Instance instance) {
        return !instance.voteType().hasPoints();
    }

    /** The result for one axiom and utility, if the audit checked it. */
    public java.util.Optional<JustifiedRepresentation.Result> representation(JustifiedRepresentation.Axiom axiom, Utility utility) {
        return representation.stream().filter(r -> r.axiom() == axiom && r.utility() == utility).findFirst();
    }
}
