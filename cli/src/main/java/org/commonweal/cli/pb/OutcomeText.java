package org.commonweal.cli.pb;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Project;
import org.commonweal.pb.VoteType;
import org.commonweal.pb.greedy.GreedyReason;
import org.commonweal.pb.greedy.GreedyLimits;
import org.commonweal.pb.greedy.ProjectScores;

import org.commonweal.pb.Rounds;
import org.commonweal.pb.maximin.MaximinSupport;
import org.commonweal.pb.mes.CompletionReason;
import org.commonweal.pb.mes.Eligibility;
import org.commonweal.pb.mes.MesLoss;
import org.commonweal.pb.mes.MesPayment;
import org.commonweal.pb.pabulib.OfficialOutcome;
import org.commonweal.pb.phragmen.SequentialPhragmen;
import org.commonweal.pb.welfare.MaxWelfare;

import java.math.BigDecimal;

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

    /** A score as the voters gave it: points may have decimals (1.5), votes never do. */
    private String score(long scaled) {
        return instance.voteType().hasPoints() ? instance.toPoints(scaled).toPlainString() : Long.toString(scaled);
    }

    /** "1 vote", "40 votes", "1.5 points". */
    private String counted(long scaled) {
        String n = score(scaled);
        return n + " " + (n.equals("1") ? noun.substring(0, noun.length() - 1) : noun);
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
            out.printf("  %3d  %-14s %18s %10s  %s%n", ++n, project.id(), money.text(project.cost()), score(scores[p]), shorten(project.name(), 70));
        }
        officialComparison(out);
        if (!explain) return;
        printRounds(out);
        out.println();
        out.println("Why each project was or was not funded, in the order the rule considered them:");
        for (Outcome.Verdict v : outcome.verdicts()) {
            Project project = instance.projects().get(v.project());
            out.printf("  %s %s: %s%n", project.id(), quoted(project.name(), 60), explain(v));
        }
    }

    private void printRounds(PrintStream out) {
        Rounds rounds = Rounds.of(instance, outcome);
        out.println();
        out.println("Round by round:");
        for (Rounds.Round r : rounds.rounds()) out.println("  " + round(r));
        if (!rounds.afterwards().isEmpty()) {
            out.println("  Not funded after the last round: " + String.join(", ", ids(rounds.afterwards())) + ".");
        }
    }

    /** One round in a sentence or two (see {@link Rounds}). */
    String round(Rounds.Round r) {
        Project project = instance.projects().get(r.project());
        StringBuilder s = new StringBuilder();
        s.append(r.number()).append(". Funded ").append(project.id()).append(' ').append(quoted(project.name(), 60)).append(" for ")
                .append(money.text(r.cost())).append(" (").append(counted(scores[r.project()])).append(')');
        if (r.rho() != null) {
            s.append(" at ρ = ").append(r.rho().stripTrailingZeros().toPlainString()).append(" per unit of satisfaction: ").append(payers(r.paid()));
        } else if (r.reason() instanceof MaximinSupport.Funded f) {
            s.append(": ").append(heaviestShare(f));
        } else if (r.reason() instanceof CompletionReason c && c.step() == CompletionReason.Step.GREEDY_FILL) {
            s.append(", by the completion: the money Equal Shares left went to the most-voted projects that fit");
        }
        s.append("; ").append(money.text(r.budgetLeft())).append(" of the budget left.");
        if (!r.passedOver().isEmpty()) {
            s.append(r.rho() != null ? " Priced out by it: " : " Passed over before it: ").append(String.join(", ", ids(r.passedOver()))).append('.');
        }
        return s.toString();
    }

    /** A maximin support round in words: how evenly the funded projects' costs can now be shared, and which voters carry most. */
    private String heaviestShare(MaximinSupport.Funded f) {
        String load = money.text(f.load().toBigDecimal(6));
        return String.format(java.util.Locale.ROOT, "the funded projects can now be paid for by the voters who approve them with nobody carrying "
                        + "more than %s, the least any project allowed (the maximin support: at least one supporter behind every %s of them); "
                        + "the most loaded are the %,d %s approving %s, which cost %s together", load, load, f.groupVoters(),
                f.groupVoters() == 1 ? "voter" : "voters", String.join(", ", ids(f.group())), money.text(f.groupCost()));
    }

    /** Who paid, from the payers grouped by amount (largest first): those after the first group paid all they had left. */
    private String payers(java.util.List<MesPayment.Share> shares) {
        java.util.List<MesPayment.Share> paid = shares.stream().filter(sh -> sh.amountEach().signum() > 0).toList();
        if (paid.isEmpty()) return "nobody had to pay";
        MesPayment.Share full = paid.get(0);
        String first = String.format(java.util.Locale.ROOT, "%,d %s paid %s each", full.voters(), full.voters() == 1 ? "supporter" : "supporters",
                money.text(full.amountEach()));
        if (paid.size() == 1) return first;
        long partial = paid.stream().skip(1).mapToLong(MesPayment.Share::voters).sum();
        BigDecimal least = paid.get(paid.size() - 1).amountEach(), most = paid.get(1).amountEach();
        String range = least.compareTo(most) == 0 ? money.text(least) : "between " + money.text(least) + " and " + money.text(most);
        return String.format(java.util.Locale.ROOT, "%s and %,d paid all they had left (%s)", first, partial, range);
    }

    private java.util.List<String> ids(java.util.List<Integer> projects) {
        return projects.stream().map(p -> instance.projects().get(p).id()).toList();
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
                case GreedyReason.Initial i -> "funded first, as the initial budget allocation says (" + counted(i.score()) + "); "
                        + money.text(i.budgetBefore()) + " was left, it costs " + money.text(project.cost())
                        + ", leaving " + money.text(i.budgetAfter()) + ".";
                case GreedyReason.Funded f -> "funded. It came " + place + " with " + counted(f.score()) + "; "
                        + money.text(f.budgetBefore()) + " was left, it costs " + money.text(project.cost())
                        + ", leaving " + money.text(f.budgetAfter()) + ".";
                case GreedyReason.DidNotFit d -> "not funded. It came " + place + " with " + counted(d.score())
                        + ", but it costs " + money.text(d.cost()) + " and only " + money.text(d.budgetLeft()) + " was left.";
                case GreedyReason.BelowThreshold b -> "not funded. It got " + counted(b.score()) + ", fewer than the "
                        + score(b.threshold()) + " a project needs to be funded at all.";
                case GreedyReason.AfterStop s -> "not funded. It came " + place + " with " + counted(s.score())
                        + ", but counting stopped at project " + instance.projects().get(s.stoppedAt()).id()
                        + ", the first that did not fit: this rule funds nothing ranked below that.";
                case GreedyReason.Excluded e -> "not funded. It came " + place + " with " + counted(e.score())
                        + ", but it cannot be carried out together with " + instance.projects().get(e.rival()).id()
                        + ", which was funded before it.";
                case GreedyReason.OverLimit o -> "not funded. It came " + place + " with " + counted(o.score())
                        + ", but it costs " + money.text(o.cost()) + " and only " + money.text(o.capLeft())
                        + " was left of the cap on " + o.column() + " \"" + o.value() + "\".";
            };
        }
        return switch (v.reason()) {
            case MesPayment m -> "funded in round " + m.round() + " at ρ = " + m.rho().stripTrailingZeros().toPlainString()
                    + " per unit of satisfaction: " + payers(m.shares()) + ".";
            case MesLoss l when l.overtakenBy() >= 0 -> "not funded. From round " + l.round() + " its supporters had only "
                    + money.text(l.supportersMoney()) + " left between them, less than its cost of " + money.text(l.cost())
                    + ", after " + instance.projects().get(l.overtakenBy()).id() + " was paid for.";
            case MesLoss l -> "not funded. Its supporters had only " + money.text(l.supportersMoney())
                    + " between them, less than its cost of " + money.text(l.cost()) + ".";
            case CompletionReason c when c.step() == CompletionReason.Step.GREEDY_FILL -> "funded by the completion after Equal Shares: "
                    + "the money left went to the most-voted projects that fit, and it had " + counted(c.votes()) + ".";
            case CompletionReason c -> (v.funded() ? "funded" : "not funded") + ". Equal Shares was compared with greedy: "
                    + c.preferGreedy() + " voters were better off under greedy and " + c.preferMes()
                    + " under Equal Shares, so greedy's outcome was used; it " + (v.funded() ? "includes" : "leaves out") + " this project.";
            case Eligibility.Ineligible e -> "not eligible. " + e.votes() + " of " + e.voters() + " voters supported it, "
                    + "less than a third of its share of the budget (" + money.text(e.cost()) + " of " + money.text(e.budget()) + ").";
            case SequentialPhragmen.Load l -> "funded in round " + l.round() + ": its " + l.supporters()
                    + " supporters' load rose to " + money.text(l.load().toBigDecimal(6)) + " each, the lowest any project offered.";
            case SequentialPhragmen.NotFunded n when n.supporters() == 0 -> "not funded: nobody approved it.";
            case SequentialPhragmen.NotFunded n -> "not funded. From round " + n.round() + " it no longer fitted in the "
                    + money.text(n.budgetLeft()) + " left.";
            case SequentialPhragmen.Stopped st when st.stoppedAt() == v.project() -> "not funded. It came next in round " + st.round()
                    + " but did not fit in the " + money.text(st.budgetLeft()) + " left, and this rule stops there.";
            case SequentialPhragmen.Stopped st -> "not funded. The rule stopped in round " + st.round() + ", when "
                    + instance.projects().get(st.stoppedAt()).id() + " came next and did not fit in the " + money.text(st.budgetLeft()) + " left.";
            case SequentialPhragmen.Unsupported u -> "funded in round " + u.round()
                    + " although nobody approved it: only such projects were left, all tied, and it fitted.";
            case MaximinSupport.Funded f -> "funded in round " + f.round() + " (" + f.supporters() + " supporters): " + heaviestShare(f) + ".";
            case MaximinSupport.Unsupported u -> "not funded: nobody approved it, so nobody can carry its cost.";
            case MaximinSupport.NotFunded n -> "not funded. From round " + n.round() + " it no longer fitted in the "
                    + money.text(n.budgetLeft()) + " left" + (n.round() == 1 && n.budgetLeft() == instance.budget() ? " (it costs more than the whole budget)." : ".");
            case MaxWelfare.Welfare w -> (v.funded() ? "funded" : "not funded") + ": the funded projects together give the most total "
                    + "satisfaction that fits the budget (" + w.optimalTotal() + "); this one gives " + w.utility() + ".";
            case null, default -> v.funded() ? "funded." : "not funded.";
        };
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

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A project's name in quotes, shortened; one that a city already wrote in quotes ("Szopka Czyżyńska") keeps its own. */
    static String quoted(String name, int max) {
        String n = name.strip();
        boolean own = n.length() >= 2 && (n.startsWith("\"") && n.endsWith("\"") || n.startsWith("„") && (n.endsWith("”") || n.endsWith("\""))
                || n.startsWith("“") && n.endsWith("”"));
        return own ? shorten(n, max) : "\"" + shorten(n, max) + "\"";
    }
}
