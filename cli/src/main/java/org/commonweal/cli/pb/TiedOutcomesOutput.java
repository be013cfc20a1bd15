package org.commonweal.cli.pb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Project;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TiedOutcomes;
import org.commonweal.pb.VoteType;

/**
 * {@code pb compute --all-ties}: every outcome the rule reaches when each exact tie may be broken either way, numbered,
 * with the ties broken to reach each in words; or the JSON contract: file, rule, budget, currency, ballots, tie_break,
 * explored, and outcomes [{selected, total_cost, increments, ties [{round, tied, chosen, level}]}].
 */
final class TiedOutcomesOutput {
    private final Instance instance;
    private final TiedOutcomes ties;
    private final TieBreak tieBreak;
    private final Money money;
    private final boolean mes;

    TiedOutcomesOutput(Instance instance, TiedOutcomes ties, TieBreak tieBreak) {
        this.instance = instance;
        this.ties = ties;
        this.tieBreak = tieBreak;
        this.money = new Money(instance);
        this.mes = ties.rule().startsWith("equalshares");
    }

    void text(String fileName, Ballots ballots, PrintStream out) {
        out.printf("%s: rule %s, budget %s, %d projects, %,d voters (%s ballots)%n", fileName, ties.rule(),
                money.text(instance.budget()), instance.projects().size(), instance.ballots().size(), instance.voteType().pabulibName());
        if (ballots.sentence() != null) out.println(ballots.sentence());
        int n = ties.outcomes().size();
        out.printf("All tied outcomes: %s when every exact tie may be broken either way (%,d branches explored, each tie's first branch the one %s with seed %d takes).%n",
                n == 1 ? "1 outcome" : n + " different outcomes", ties.explored(), tieBreak.spec(), tieBreak.seed());
        int number = 0;
        for (TiedOutcomes.Tied t : ties.outcomes()) {
            out.println();
            out.printf("Outcome %d: %d projects costing %s; %s left unspent%s%n", ++number, t.selected().size(), money.text(t.totalCost()),
                    money.text(instance.budget() - t.totalCost()), t.increments() > 0 ? " (after " + t.increments() + " add1 increments)" : "");
            for (int p : t.selected()) {
                Project project = instance.projects().get(p);
                out.printf("  %-14s %18s  %s%n", project.id(), money.text(project.cost()), OutcomeText.shorten(project.name(), 70));
            }
            if (t.choices().isEmpty()) out.println("  No tie was broken on the way to it.");
            for (TiedOutcomes.Choice c : t.choices()) out.println("  " + words(c));
        }
    }

    /** "Round 2: a "Park benches" and b "Bike racks" tied at 5 votes; a went first." */
    private String words(TiedOutcomes.Choice c) {
        String tied = c.tied().stream().map(this::named).collect(Collectors.collectingAndThen(Collectors.toList(), TiedOutcomesOutput::and));
        String chosen = instance.projects().get(c.chosen()).id();
        return "Round " + c.round() + ": " + tied + " tied at " + level(c.level()) + "; " + chosen + (mes ? " was funded first." : " went first.");
    }

    private String level(BigDecimal level) {
        if (mes) return "ρ = " + level.stripTrailingZeros().toPlainString();
        if (level == null) return "no cost";
        String noun = instance.voteType() == VoteType.APPROVAL || instance.voteType() == VoteType.CHOOSE_1 ? "votes" : "points";
        if (level.compareTo(BigDecimal.ONE) == 0) noun = noun.substring(0, noun.length() - 1);
        if (ties.rule().startsWith("greedy-cost")) {
            String currency = instance.meta().getOrDefault("currency", "").strip();
            return level.toPlainString() + " " + noun + " per " + (currency.isEmpty() ? "unit of cost" : currency);
        }
        return level.toPlainString() + " " + noun;
    }

    private String named(int p) {
        Project project = instance.projects().get(p);
        return project.id() + " " + OutcomeText.quoted(project.name(), 40);
    }

    private static String and(List<String> items) {
        if (items.size() <= 2) return String.join(" and ", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    ObjectNode json(String fileName, Ballots ballots) {
        ObjectNode root = OutcomeJson.MAPPER.createObjectNode();
        root.put("file", fileName);
        root.put("rule", ties.rule());
        root.put("budget", money.decimal(instance.budget()));
        root.put("currency", instance.meta().getOrDefault("currency", ""));
        ObjectNode counted = root.putObject("ballots");
        counted.put("cast", ballots.cast());
        counted.put("invalid", ballots.invalid());
        counted.put("counted", ballots.counted());
        ObjectNode tie = root.putObject("tie_break");
        tie.put("spec", tieBreak.spec());
        tie.put("seed", tieBreak.seed());
        root.put("explored", ties.explored());
        ArrayNode outcomes = root.putArray("outcomes");
        for (TiedOutcomes.Tied t : ties.outcomes()) {
            ObjectNode o = outcomes.addObject();
            ArrayNode selected = o.putArray("selected");
            t.selected().forEach(p -> selected.add(instance.projects().get(p).id()));
            o.put("total_cost", money.decimal(t.totalCost()));
            o.put("increments", t.increments());
            ArrayNode choices = o.putArray("ties");
            for (TiedOutcomes.Choice c : t.choices()) {
                ObjectNode choice = choices.addObject();
                choice.put("round", c.round());
                ArrayNode tied = choice.putArray("tied");
                c.tied().forEach(p -> tied.add(instance.projects().get(p).id()));
                choice.put("chosen", instance.projects().get(c.chosen()).id());
                choice.put("level", c.level() == null ? null : c.level().stripTrailingZeros());
                choice.put("text", words(c));
            }
        }
        return root;
    }
}
