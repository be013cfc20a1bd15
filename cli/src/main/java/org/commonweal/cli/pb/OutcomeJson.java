package org.commonweal.cli.pb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Project;
import org.commonweal.pb.Rounds;
import org.commonweal.pb.maximin.MaximinSupport;
import org.commonweal.pb.mes.MesPayment;
import org.commonweal.pb.greedy.GreedyReason;
import org.commonweal.pb.pabulib.OfficialOutcome;

/**
 * The documented JSON contract of {@code pb compute --json}: rule, selected (project ids in the order
 * funded), total_cost, budget (amounts in currency units), official_selected (the file's selected = 1
 * projects, or null), ballots {cast, invalid, counted}, tie_break {spec, seed}, and with --explain
 * an explanation array with one object per project, a rounds array (round, project, cost, budget_left, rho,
 * paid [{voters, each}], passed_over, text) and not_funded_afterwards.
 */
final class OutcomeJson {
    /** Decimals are written as written (170000, never 1.7E+5), as readers of the JSON expect. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private OutcomeJson() {
    }

    static ObjectNode of(String fileName, Instance instance, Outcome outcome, Ballots ballots, boolean explain) {
        Money money = new Money(instance);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", fileName);
        root.put("rule", outcome.rule());
        ArrayNode selected = root.putArray("selected");
        outcome.selected().forEach(p -> selected.add(instance.projects().get(p).id()));
        root.put("total_cost", money.decimal(outcome.totalCost()));
        root.put("budget", money.decimal(instance.budget()));
        root.put("currency", instance.meta().getOrDefault("currency", ""));
        var official = OfficialOutcome.fundedByRule(instance);
        if (official.isPresent()) {
            ArrayNode ids = root.putArray("official_selected");
            official.get().forEach(p -> ids.add(instance.projects().get(p).id()));
        } else {
            root.putNull("official_selected");
        }
        ObjectNode counted = root.putObject("ballots");
        counted.put("cast", ballots.cast());
        counted.put("invalid", ballots.invalid());
        counted.put("counted", ballots.counted());
        ObjectNode tieBreak = root.putObject("tie_break");
        tieBreak.put("spec", outcome.tieBreak().spec());
        tieBreak.put("seed", outcome.tieBreak().seed());
        if (explain) {
            OutcomeText text = new OutcomeText(instance, outcome);
            ArrayNode explanation = root.putArray("explanation");
            for (Outcome.Verdict v : outcome.verdicts()) {
                Project project = instance.projects().get(v.project());
                ObjectNode item = explanation.addObject();
                item.put("project", project.id());
                item.put("name", project.name());
                item.put("cost", money.decimal(project.cost()));
                item.put("funded", v.funded());
                item.put("round", v.round());
                item.set("reason", reason(v.reason(), instance, money));
                item.put("text", text.explain(v));
            }
            ArrayNode rounds = root.putArray("rounds");
            Rounds told = Rounds.of(instance, outcome);
            for (Rounds.Round r : told.rounds()) {
                ObjectNode item = rounds.addObject();
                item.put("round", r.number());
                item.put("project", instance.projects().get(r.project()).id());
                item.put("cost", money.decimal(r.cost()));
                item.put("budget_left", money.decimal(r.budgetLeft()));
                if (r.rho() != null) item.put("rho", r.rho());
                ArrayNode paid = item.putArray("paid");
                for (MesPayment.Share share : r.paid()) {
                    ObjectNode group = paid.addObject();
                    group.put("voters", share.voters());
                    group.put("each", share.amountEach());
                }
                ArrayNode passed = item.putArray("passed_over");
                r.passedOver().forEach(p -> passed.add(instance.projects().get(p).id()));
                item.put("text", text.round(r));
            }
            ArrayNode afterwards = root.putArray("not_funded_afterwards");
            told.afterwards().forEach(p -> afterwards.add(instance.projects().get(p).id()));
        }
        return root;
    }

    private static ObjectNode reason(Outcome.Reason reason, Instance instance, Money money) {
        ObjectNode node = MAPPER.createObjectNode();
        if (reason instanceof GreedyReason greedy) {
            switch (greedy) {
                case GreedyReason.Initial i -> {
                    node.put("type", "initial");
                    node.put("budget_before", money.decimal(i.budgetBefore()));
                    node.put("budget_after", money.decimal(i.budgetAfter()));
                }
                case GreedyReason.Funded f -> {
                    node.put("type", "funded");
                    node.put("budget_before", money.decimal(f.budgetBefore()));
                    node.put("budget_after", money.decimal(f.budgetAfter()));
                }
                case GreedyReason.DidNotFit d -> {
                    node.put("type", "did_not_fit");
                    node.put("budget_left", money.decimal(d.budgetLeft()));
                }
                case GreedyReason.BelowThreshold b -> {
                    node.put("type", "below_threshold");
                    node.put("threshold", instance.voteType().hasPoints() ? instance.toPoints(b.threshold()) : java.math.BigDecimal.valueOf(b.threshold()));
                }
                case GreedyReason.Excluded e -> {
                    node.put("type", "excluded");
                    node.put("rival", instance.projects().get(e.rival()).id());
                }
                case GreedyReason.OverLimit o -> {
                    node.put("type", "over_limit");
                    node.put("column", o.column());
                    node.put("value", o.value());
                    node.put("limit_left", money.decimal(o.capLeft()));
                }
                case GreedyReason.AfterStop s -> {
                    node.put("type", "after_stop");
                    node.put("stopped_at", instance.projects().get(s.stoppedAt()).id());
                }
            }
            node.put("score", instance.voteType().hasPoints() ? instance.toPoints(greedy.score()) : java.math.BigDecimal.valueOf(greedy.score()));
            return node;
        }
        if (reason instanceof MaximinSupport.Funded f) {
            node.put("type", "Funded");
            node.put("round", f.round());
            node.put("load", f.load().toBigDecimal(6));
            ArrayNode group = node.putArray("heaviest_group");
            f.group().forEach(p -> group.add(instance.projects().get(p).id()));
            node.put("group_cost", money.decimal(f.groupCost()));
            node.put("group_voters", f.groupVoters());
            node.put("supporters", f.supporters());
            return node;
        }
        if (reason instanceof MaximinSupport.Unsupported) {
            node.put("type", "Unsupported");
            return node;
        }
        node.put("type", reason.getClass().getSimpleName());
        node.setAll((ObjectNode) MAPPER.valueToTree(reason));
        return node;
    }
}
