package org.commonweal.cli.pb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.pabulib.OfficialOutcome;
import org.commonweal.pb.pabulib.ValidatedInstance;
import org.commonweal.pb.stats.Audit;
import org.commonweal.pb.stats.CategoryShare;
import org.commonweal.pb.stats.JustifiedRepresentation;
import org.commonweal.pb.stats.Pareto;
import org.commonweal.pb.stats.Priceability;
import org.commonweal.pb.stats.SatisfactionDistribution;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code commonweal pb audit FILE.pb [--rule R | --official]}: how proportional and efficient an outcome is. */
final class PbAuditCommand implements Command {
    private static final String[] BINS = {"nothing", "up to 10%", "10-20%", "20-30%", "30-40%", "40-50%", "50-60%", "60-70%", "70-80%", "80-90%", "90-100%"};

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String summary() {
        return "audit an outcome for proportionality (EJR, PJR, Pareto, priceability, satisfaction): FILE.pb [--rule NAME | --official] [--json]";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println("""
                    Usage: commonweal pb audit FILE.pb [--rule NAME [rule options as pb compute] | --official] [--tie-break ...] [--seed N]
                           [--drop-invalid] [--json]
                    Audits the outcome of a rule (default: the rule the file's META names, else greedy) or, with --official, the
                    projects the file marks selected = 1: voters with nothing funded, the Gini coefficient of their satisfaction, a
                    histogram of the share of their chosen projects' cost that was funded, money and votes per category, and for
                    approval-like ballots EJR, EJR up to one, PJR and Pareto efficiency under cost and cardinality utilities, and
                    whether the outcome is priceable (an equal share per voter pays for it, leaving no unfunded project's
                    supporters more than it costs) and, for approval-like ballots, stably priceable.
                    A check that would take too long on a large file says "not checked" rather than guessing.""");
            return 0;
        }
        Set<String> valued = new HashSet<>(PbComputeCommand.RULE_OPTIONS);
        valued.addAll(List.of("rule", "tie-break", "seed"));
        Set<String> switches = Set.of("official", "json", "drop-invalid", "comparison", "eligibility");
        valued.removeAll(switches);
        Arguments a = Arguments.parse(args, valued, switches);
        if (a.positional().size() != 1) throw new UsageException("audit needs exactly one FILE.pb, got " + a.positional().size());
        String path = a.positional().get(0);
        ValidatedInstance read = PbFiles.readValidated(path);
        Instance instance = a.has("drop-invalid") ? read.withoutInvalid() : read.instance();
        Outcome outcome;
        EqualShares.Decision decided = null; // Equal Shares' own decision, which prices its outcome without running it again
        if (a.has("official")) {
            if (a.has("rule")) throw new UsageException("--official audits the file's own outcome, so it takes no --rule");
            var official = OfficialOutcome.fundedByRule(instance)
                    .orElseThrow(() -> new UsageException(path + ": the file records no official outcome (a project has no 'selected' value)"));
            List<Integer> selected = new ArrayList<>(official);
            long cost = selected.stream().mapToLong(p -> instance.projects().get(p).cost()).sum();
            outcome = new Outcome("official", selected, cost, List.of(), org.commonweal.pb.TieBreak.DEFAULT);
        } else {
            Rule rule = PbComputeCommand.rule(a, instance);
            try {
                if (rule instanceof EqualShares mes) {
                    decided = mes.decide(instance, PbComputeCommand.tieBreak(a));
                    outcome = decided.outcome();
                } else {
                    outcome = rule.outcome(instance, PbComputeCommand.tieBreak(a));
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(path + ": " + e.getMessage());
            }
        }
        Audit audit = decided != null ? Audit.of(instance, decided, Audit.Limits.DEFAULT) : Audit.of(instance, outcome, Audit.Limits.DEFAULT);
        String fileName = Path.of(path).getFileName().toString();
        if (a.has("json")) {
            console.out().println(OutcomeJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(fileName, instance, outcome, audit)));
        } else {
            text(fileName, instance, outcome, audit, console.out());
        }
        return 0;
    }

    private static List<String> ids(Instance instance, List<Integer> projects) {
        return projects.stream().map(p -> instance.projects().get(p).id()).toList();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    static ObjectNode json(String fileName, Instance instance, Outcome outcome, Audit audit) {
        Money money = new Money(instance);
        ObjectNode root = OutcomeJson.MAPPER.createObjectNode();
        root.put("file", fileName);
        root.put("rule", outcome.rule());
        ArrayNode selected = root.putArray("selected");
        ids(instance, outcome.selected()).forEach(selected::add);
        root.put("total_cost", money.decimal(outcome.totalCost()));
        root.put("budget", money.decimal(instance.budget()));
        SatisfactionDistribution s = audit.satisfaction();
        ObjectNode satisfaction = root.putObject("satisfaction");
        satisfaction.put("voters", s.voters());
        satisfaction.put("nothing_funded", s.nothingFunded());
        satisfaction.put("share_nothing_funded", s.shareWithNothing());
        satisfaction.put("gini", s.gini());
        ArrayNode histogram = satisfaction.putArray("histogram");
        for (int k = 0; k < SatisfactionDistribution.BINS; k++) {
            ObjectNode bin = histogram.addObject();
            bin.put("funded_share", BINS[k]);
            bin.put("voters", s.histogram()[k]);
        }
        ArrayNode representation = root.putArray("representation");
        for (JustifiedRepresentation.Result r : audit.representation()) {
            ObjectNode item = representation.addObject();
            item.put("axiom", lower(r.axiom()));
            item.put("utility", r.utility().cliName());
            item.put("status", lower(r.status()));
            if (r.status() == JustifiedRepresentation.Status.VIOLATED) {
                ArrayNode t = item.putArray("projects");
                ids(instance, r.projects()).forEach(t::add);
                item.put("group_size", r.groupSize());
                if (r.axiom() == JustifiedRepresentation.Axiom.PJR) {
                    ArrayNode w = item.putArray("funded_for_group");
                    ids(instance, r.fundedForGroup()).forEach(w::add);
                }
            }
        }
        ArrayNode pareto = root.putArray("pareto");
        for (Pareto.Result r : audit.pareto()) {
            ObjectNode item = pareto.addObject();
            item.put("utility", r.utility().cliName());
            item.put("status", lower(r.status()));
            if (r.status() == Pareto.Status.DOMINATED) {
                ArrayNode better = item.putArray("better");
                ids(instance, r.better()).forEach(better::add);
            }
        }
        root.set("priceability", json(instance, money, audit.priceability()));
        root.set("stable_priceability", json(instance, money, audit.stablePriceability()));
        ArrayNode categories = root.putArray("categories");
        for (CategoryShare c : audit.categories()) {
            ObjectNode item = categories.addObject();
            item.put("category", c.category());
            item.put("spent", money.decimal(c.spent()));
            item.put("spent_share", c.spentShare());
            item.put("vote_share", c.voteShare());
        }
        return root;
    }

    private static ObjectNode json(Instance instance, Money money, Priceability.Result r) {
        ObjectNode item = OutcomeJson.MAPPER.createObjectNode();
        item.put("status", lower(r.status()));
        item.put("reason", lower(r.why()));
        if (r.status() == Priceability.Status.PRICEABLE) {
            item.put("money_per_voter", perVoter(instance, r));
            item.put("exact", r.exact());
        }
        if (r.project() >= 0) item.put("project", instance.projects().get(r.project()).id());
        if (r.why() == Priceability.Why.LEFT_OVER) item.put("excess", money.decimal(r.excess()));
        if (r.why() == Priceability.Why.TOO_LARGE) {
            item.put("size", r.size());
            item.put("size_limit", Audit.Limits.DEFAULT.priceability());
        }
        item.put("exhaustive", r.exhaustive());
        return item;
    }

    /** b in currency units to the cent, rounded down (the verified b itself may have many decimals). */
    private static BigDecimal perVoter(Instance instance, Priceability.Result r) {
        return r.moneyPerVoter().divide(instance.unit()).toBigDecimal(2);
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    static void text(String fileName, Instance instance, Outcome outcome, Audit audit, PrintStream out) {
        Money money = new Money(instance);
        String whose = outcome.rule().equals("official") ? "the official outcome" : "rule " + outcome.rule();
        out.printf("%s: %s funds %s costing %s of %s.%n", fileName, whose, count(outcome.selected().size(), "project"),
                money.text(outcome.totalCost()), money.text(instance.budget()));
        SatisfactionDistribution s = audit.satisfaction();
        out.printf("Voters with nothing funded: %,d of %,d (%s). Gini coefficient of satisfaction (money spent on each voter's projects): %s.%n",
                s.nothingFunded(), s.voters(), percent(s.shareWithNothing()), s.gini().setScale(3, java.math.RoundingMode.HALF_EVEN).toPlainString());
        out.println("Share of the cost of each voter's chosen projects that was funded:");
        for (int k = 0; k < SatisfactionDistribution.BINS; k++) out.printf("  %-9s %s%n", BINS[k], count(s.histogram()[k], "voter"));
        if (audit.representation().isEmpty()) {
            out.println("Justified representation and Pareto efficiency are checked for approval-like ballots only, not " + instance.voteType().pabulibName() + ".");
        }
        for (JustifiedRepresentation.Result r : audit.representation()) out.println(sentence(instance, money, r));
        for (Pareto.Result r : audit.pareto()) out.println(sentence(instance, r));
        out.println(sentence(instance, money, audit.priceability(), false));
        out.println(sentence(instance, money, audit.stablePriceability(), true));
        if (!audit.categories().isEmpty()) {
            out.println("Categories (share of the money spent, share of the votes):");
            for (CategoryShare c : audit.categories()) {
                out.printf("  %s: %s of the money (%s), %s of the votes%n", c.category(), percent(c.spentShare()), money.text(c.spent()), percent(c.voteShare()));
            }
        }
    }

    private static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String projects(Instance instance, List<Integer> projects) {
        return projects.isEmpty() ? "none" : String.join(", ", ids(instance, projects));
    }

    private static String sentence(Instance instance, Money money, JustifiedRepresentation.Result r) {
        String name = switch (r.axiom()) {
            case EJR -> "EJR";
            case EJR_UP_TO_ONE -> "EJR up to one";
            case PJR -> "PJR";
        };
        String head = name + " (" + r.utility().cliName() + " satisfaction): ";
        return switch (r.status()) {
            case SATISFIED -> head + "satisfied.";
            case NOT_CHECKED -> head + "not checked (too many ballot subsets for the work limit).";
            case VIOLATED -> {
                long cost = r.projects().stream().mapToLong(p -> instance.projects().get(p).cost()).sum();
                String group = String.format("violated: %s who all chose %s (costing %s together) were enough to pay for them with their share of the budget",
                        count(r.groupSize(), "voter"), projects(instance, r.projects()), money.text(cost));
                yield head + group + (r.axiom() == JustifiedRepresentation.Axiom.PJR
                        ? ", but the funded projects any of them chose (" + projects(instance, r.fundedForGroup()) + ") are worth less to them."
                        : ", but each of them got less" + (r.axiom() == JustifiedRepresentation.Axiom.EJR_UP_TO_ONE ? ", even with one more of those projects." : "."));
            }
        };
    }

    private static String sentence(Instance instance, Money money, Priceability.Result r, boolean stable) {
        String head = stable ? "Stable priceability: " : "Priceable: ";
        String couldBuy = "could buy it, counting for each voter the larger of what they have left and the most they paid for one project";
        String kept = stable ? couldBuy + ", with" : "keep more than it costs, by";
        String answer = switch (r.why()) {
            case PRICE_SYSTEM -> head + "yes — each voter's share of " + money.text(perVoter(instance, r))
                    + " pays for every funded project, and no unfunded project's supporters " + (stable ? couldBuy : "have more left than it costs")
                    + (r.exact() ? "." : " (to within a billionth of the budget).");
            case EQUAL_SHARES_PASS -> head + "yes — Equal Shares' own final pass is a price system: each voter's share of "
                    + money.text(perVoter(instance, r)) + " pays, as that pass charged it, for every funded project, and no unfunded project's "
                    + "supporters have more left than it costs (checked exactly; the linear program, with "
                    + String.format("%,d", r.size()) + " coefficients, was too large to solve).";
            case OVER_BUDGET -> head + "no — the outcome costs more than the budget.";
            case UNSUPPORTED -> head + "no — nobody chose " + projects(instance, List.of(r.project())) + ", so no voter may pay for it.";
            case LEFT_OVER -> head + "no — however the voters' equal shares are set and spent on funded projects they chose, the supporters "
                    + "of some unfunded project " + kept + " at least " + money.text(r.excess()) + (stable ? " to spare" : "")
                    + (r.project() >= 0 ? " (in the closest price system, the supporters of " + projects(instance, List.of(r.project())) + ")." : ".");
            case TOO_LARGE -> String.format("%snot checked (the linear program would have %,d coefficients, variables times constraints, more than the limit of %,d).",
                    head, r.size(), Audit.Limits.DEFAULT.priceability());
            case UNCERTAIN -> head + "not checked (the solver's answer was too close to call in floating point).";
            case POINTS_BALLOTS -> head + "checked for approval-like ballots only, not " + instance.voteType().pabulibName() + ".";
        };
        if (r.exhaustive() || stable) return answer;
        return answer + " The outcome is not exhaustive: an unfunded project still fits in the money left (pabutools' priceable() asks for that too by default).";
    }

    private static String sentence(Instance instance, Pareto.Result r) {
        String head = "Pareto efficiency (" + r.utility().cliName() + " satisfaction): ";
        return switch (r.status()) {
            case EFFICIENT -> head + "no affordable set of projects is better for someone and worse for nobody.";
            case NOT_CHECKED -> head + "not checked (too many projects for the work limit).";
            case DOMINATED -> head + "dominated: funding " + projects(instance, r.better()) + " instead is affordable, better for some voters and worse for none.";
        };
    }
}
