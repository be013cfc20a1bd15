package org.commonweal.cli.pb;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Project;
import org.commonweal.pb.VoteType;
import org.commonweal.pb.greedy.GreedyReason;
import org.commonweal.pb.greedy.GreedyLimits;
import org.commonweal.pb.greedy.ProjectScores;

import org.commonweal.pb.pabulib.OfficialOutcome;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An outcome in plain words: a table of funded projects and, on request, why each project was or was not funded. */
final class OutcomeText {
    private final Instance instance;
    private final Outcome outcome;
    private final Money money;
    private final long[] scores;
    private final String noun;

    OutcomeText(Instance instance, Outcome outcome) {
        this.instance = instance;
        this.outcome = outcome;
        this.money = new Money(instance);
        this.scores = ProjectScores.of(instance);
        this.noun = instance.voteType() == VoteType.APPROVAL || instance.voteType() == VoteType.CHOOSE_1 ? "votes" : "points";
    }

    void print(String fileName, Ballots ballots, boolean explain, PrintStream out) {
        out.printf("%s: rule %s, budget %s, %d projects, %,d voters (%s ballots)%n", fileName, outcome.rule(),
                money.text(instance.budget()), instance.projects().size(), instance.ballots().size(), instance.voteType().pabulibName());
        if (ballots.sentence() != null) out.println(ballots.sentence());
        out.printf("Ties broken by %s (seed %d)%n", outcome.tieBreak().spec(), outcome.tieBreak().seed());
        String threshold = instance.meta().get(GreedyLimits.THRESHOLD_KEY);
        if (threshold != null && !outcome.rule().startsWith("greedy")) {
            out.printf("Note: the file sets a minimum of %s %s per project (%s), which rule %s does not apply; "
                    + "every greedy rule does.%n", threshold, noun, GreedyLimits.THRESHOLD_KEY, outcome.rule());
        }
        out.println();
        out.printf("Funded: %d projects costing %s; %s left unspent%n", outcome.selected().size(),
                money.text(outcome.totalCost()), money.text(instance.budget() - outcome.totalCost()));
        out.printf("  %3s  %-14s %18s %10s  %s%n", "#", "project", "cost", noun, "name");
        int n = 0;
        for (int p : outcome.selected()) {
            Project project = instance.projects().get(p);
            out.printf("  %3d  %-14s %18s %10d  %s%n", ++n, project.id(), money.text(project.cost()), scores[p], shorten(project.name(), 70));
        }
        officialComparison(out);
        if (!explain) return;
        out.println();
        out.println("Why each project was or was not funded, in the order the rule considered them:");
        for (Outcome.Verdict v : outcome.verdicts()) {
            Project project = instance.projects().get(v.project());
            out.printf("  %s \"%s\": %s%n", project.id(), shorten(project.name(), 60), explain(v));
        }
    }

    /** How the computed outcome compares with the one the file records, when it records one. */
    private void officialComparison(PrintStream out) {
        Optional<Set<Integer>> official = OfficialOutcome.fundedByRule(instance);
        if (official.isEmpty()) return;
        Set<Integer> ours = new TreeSet<>(outcome.selected());
        List<String> onlyOurs = new ArrayList<>(), onlyOfficial = new ArrayList<>();
        for (int p : ours) if (!official.get().contains(p)) onlyOurs.add(instance.projects().get(p).id());
        for (int p : official.get()) if (!ours.contains(p)) onlyOfficial.add(instance.projects().get(p).id());
        out.println();
        if (onlyOurs.isEmpty() && onlyOfficial.isEmpty()) {
            out.println("The file's official outcome funds the same projects.");
        } else {
            out.println("The file's official outcome differs: only this rule funds " + onlyOurs + ", only the city funded " + onlyOfficial + ".");
        }
        List<String> outside = OfficialOutcome.fundedOutsideRule(instance).stream().map(p -> instance.projects().get(p).id()).toList();
        if (!outside.isEmpty()) out.println("The city also funded " + outside + " outside the voting rule (selected = 2 or 3 in the file).");
    }

    String explain(Outcome.Verdict v) {
        Project project = instance.projects().get(v.project());
        String place = ordinal(v.round());
        if (v.reason() instanceof GreedyReason reason) {
            return switch (reason) {
                case GreedyReason.Funded f -> "funded. It came " + place + " with " + f.score() + " " + noun + "; "
                        + money.text(f.budgetBefore()) + " was left, it costs " + money.text(project.cost())
                        + ", leaving " + money.text(f.budgetAfter()) + ".";
                case GreedyReason.DidNotFit d -> "not funded. It came " + place + " with " + d.score() + " " + noun
                        + ", but it costs " + money.text(d.cost()) + " and only " + money.text(d.budgetLeft()) + " was left.";
                case GreedyReason.BelowThreshold b -> "not funded. It got " + b.score() + " " + noun + ", fewer than the "
                        + b.threshold() + " a project needs to be funded at all.";
                case GreedyReason.AfterStop s -> "not funded. It came " + place + " with " + s.score() + " " + noun
                        + ", but counting stopped at project " + instance.projects().get(s.stoppedAt()).id()
                        + ", the first that did not fit: this rule funds nothing ranked below that.";
                case GreedyReason.Excluded e -> "not funded. It came " + place + " with " + e.score() + " " + noun
                        + ", but it cannot be carried out together with " + instance.projects().get(e.rival()).id()
                        + ", which was funded before it.";
                case GreedyReason.OverLimit o -> "not funded. It came " + place + " with " + o.score() + " " + noun
                        + ", but it costs " + money.text(o.cost()) + " and only " + money.text(o.capLeft())
                        + " was left of the cap on " + o.column() + " \"" + o.value() + "\".";
            };
        }
        return (v.funded() ? "funded" : "not funded") + " (step " + v.round() + "): " + v.reason();
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
