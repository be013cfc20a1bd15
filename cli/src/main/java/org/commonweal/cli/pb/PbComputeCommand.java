package org.commonweal.cli.pb;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TiedOutcomes;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.mes.VoterShares;
import org.commonweal.pb.pabulib.ValidatedInstance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code commonweal pb compute FILE.pb --rule NAME ...}: which projects a rule funds, and why. */
final class PbComputeCommand implements Command {
    /** Options handed to the rule itself (equal shares uses them); the greedy rules take none. */
    static final List<String> RULE_OPTIONS = List.of("completion", "utility", "comparison", "eligibility", "exclusive", "unsupported", "increment", "initial");

    @Override
    public String name() {
        return "compute";
    }

    @Override
    public String summary() {
        return "compute which projects a rule funds: FILE.pb [--rule NAME] [--explain] [--all-ties] [--json]";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println("""
                    Usage: commonweal pb compute FILE.pb [--rule NAME] [--completion add1|add1-max|add1u|greedy|none] [--increment AMOUNT] [--comparison]
                           [--eligibility] [--utility cost|cardinality|points|sqrt|log|relative-cost|effort] [--exclusive "ID,ID ID,ID,ID"] [--unsupported fund|leave]
                           [--initial ID,ID] [--tie-break cost,votes,lottery] [--seed N] [--drop-invalid] [--explain] [--shares | --voter ID] [--all-ties] [--json]
                    Rules: %s (default: the rule the file's META names, else greedy).
                    Every greedy rule honours the META's min_project_score_threshold and budget_per_category/budget_per_target.
                    --increment (Equal Shares with add1, add1-max, add1u): money added per voter per completion pass (default 1).
                    --exclusive (greedy-exclusive): groups of mutually exclusive project ids, ids joined by ',', groups by spaces.
                    --initial ID,ID (greedy rules): an initial budget allocation: these projects are funded first, then the rule
                    goes on with the money left.
                    phragmen skips a project that no longer fits and carries on; phragmen-no-skip stops there (as pabutools).
                    --unsupported fund|leave (phragmen rules): fund projects nobody approves once only they are left
                    (default: fund for phragmen-no-skip, as pabutools; leave for phragmen).
                    maximin-support (approval ballots): each round funds the project after which the funded projects' costs can be
                    shared among their approvers with the lightest heaviest share (pabutools' maximin support).
                    Ties between projects are broken by the --tie-break criteria in order (cost, cost-desc, votes, first,
                    id, name, lottery); the list ends in lottery (which uses --seed) or id.
                    --all-ties (greedy rules; Equal Shares with completion none, add1 or add1-max): every outcome reached when each
                    exact tie may be broken either way, numbered, with the ties broken to reach each (at most 1,000 outcomes).
                    Ballots that break the file's own rules (META min_length, max_length, min/max_sum_cost, min/max_sum_points,
                    max_points, a repeated voter_id or project) are counted as cast and their number said; --drop-invalid
                    leaves them out. pb validate lists them.
                    --shares (Equal Shares rules): what every voter paid toward each funded project and what they had left;
                    --voter ID: the same for one voter.""".formatted(String.join(", ", Rules.names())));
            return 0;
        }
        Arguments a = Arguments.parse(args, Set.of("rule", "completion", "utility", "tie-break", "seed", "exclusive", "unsupported", "voter", "increment", "initial"),
                Set.of("comparison", "eligibility", "explain", "json", "drop-invalid", "shares", "all-ties"));
        if (a.positional().size() != 1) throw new UsageException("compute needs exactly one FILE.pb, got " + a.positional().size());
        String path = a.positional().get(0);
        ValidatedInstance read = PbFiles.readValidated(path);
        Ballots ballots = new Ballots(read.instance().ballots().size(), read.invalidBallots(), !a.has("drop-invalid"));
        Instance instance = ballots.invalidCounted() ? read.instance() : read.withoutInvalid();
        TieBreak tieBreak = tieBreak(a);
        Rule rule = rule(a, instance);
        boolean wantShares = a.has("shares") || a.has("voter");
        if (wantShares && !(rule instanceof EqualShares)) {
            throw new UsageException("--shares and --voter show how voters' equal shares were spent, so they need an Equal Shares rule (e.g. --rule mes), not " + rule.name());
        }
        if (a.has("all-ties")) return allTies(a, path, instance, ballots, tieBreak, rule, console);
        Outcome outcome;
        VoterSharesOutput shares = null;
        try {
            if (wantShares) {
                EqualShares mes = (EqualShares) rule;
                EqualShares.Decision decision = mes.decide(instance, tieBreak);
                outcome = decision.outcome();
                shares = new VoterSharesOutput(instance, VoterShares.of(instance, mes, decision), a.has("voter") ? a.text("voter", "") : null);
            } else {
                outcome = rule.outcome(instance, tieBreak);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(path + ": " + e.getMessage());
        }
        String fileName = Path.of(path).getFileName().toString();
        if (a.has("json")) {
            var json = OutcomeJson.of(fileName, instance, outcome, ballots, a.has("explain"));
            if (shares != null) shares.json(json);
            console.out().println(OutcomeJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            new OutcomeText(instance, outcome).print(fileName, ballots, a.has("explain"), console.out());
            if (shares != null) shares.text(console.out());
        }
        return 0;
    }

    /** --all-ties: every outcome when each exact tie may be broken either way (see TiedOutcomes). */
    private static int allTies(Arguments a, String path, Instance instance, Ballots ballots, TieBreak tieBreak, Rule rule, Console console)
            throws Exception {
        for (String single : List.of("explain", "shares", "voter")) {
            if (a.has(single)) throw new UsageException("--" + single + " explains one outcome, so it cannot go with --all-ties");
        }
        TiedOutcomes ties;
        try {
            ties = TiedOutcomes.of(rule, instance, tieBreak, TiedOutcomes.Limits.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new UsageException(path + ": --all-ties: " + e.getMessage());
        } catch (TiedOutcomes.LimitReached e) {
            throw new UsageException(path + ": --all-ties " + e.getMessage());
        }
        TiedOutcomesOutput output = new TiedOutcomesOutput(instance, ties, tieBreak);
        String fileName = Path.of(path).getFileName().toString();
        if (a.has("json")) console.out().println(OutcomeJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(output.json(fileName, ballots)));
        else output.text(fileName, ballots, console.out());
        return 0;
    }

    static TieBreak tieBreak(Arguments a) throws UsageException {
        try {
            return TieBreak.parse(a.text("tie-break", TieBreak.DEFAULT.spec()), a.number("seed", 0));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tie-break: " + e.getMessage());
        }
    }

    /** --rule NAME with the rule's options; without --rule, the rule the file's META names, else greedy. */
    static Rule rule(Arguments a, Instance instance) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String o : RULE_OPTIONS) if (a.has(o)) options.put(o, a.text(o, ""));
        if (!a.has("rule")) {
            if (!options.isEmpty()) {
                throw new UsageException("--" + String.join(", --", options.keySet()) + " configure a rule: name it with --rule (e.g. --rule mes)");
            }
            return Rules.forMeta(instance).orElseGet(() -> Rules.build("greedy", Map.of()));
        }
        try {
            return Rules.build(a.text("rule", ""), options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
