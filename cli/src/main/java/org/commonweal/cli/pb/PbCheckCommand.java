package org.commonweal.cli.pb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.ProgressBar;
import org.commonweal.cli.UsageException;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.OfficialOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code commonweal pb check FILE.pb...}: recomputes the rule each file's META names from its ballots and
 * compares with the official selected = 1 projects. Exit 1 when any file differs or cannot be read.
 */
final class PbCheckCommand implements Command {
    private enum Status { MATCH, DIFFERS, SKIPPED, ERROR }

    /** One file's verdict; the id lists are filled only when it differs. */
    private record Result(String file, Status status, String rule, List<String> onlyRule, List<String> onlyOfficial, String message) {
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "recompute each file's META rule and compare with its official outcome: FILE.pb...";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println("Usage: commonweal pb check FILE.pb... [--tie-break cost,votes,lottery] [--seed N] [--verbose] [--json]\n"
                    + "Prints one line per file that differs, is skipped or cannot be read (--verbose: every file), then a summary.");
            return 0;
        }
        Arguments a = Arguments.parse(args, Set.of("tie-break", "seed"), Set.of("verbose", "json"));
        if (a.positional().isEmpty()) throw new UsageException("check needs at least one FILE.pb");
        TieBreak tieBreak = PbComputeCommand.tieBreak(a);
        List<Result> results = new ArrayList<>();
        ProgressBar progress = a.positional().size() > 1 ? console.progress("checking", a.positional().size()) : null;
        for (String path : a.positional()) {
            results.add(check(path, tieBreak));
            if (progress != null) progress.step(path);
        }
        if (progress != null) progress.close();
        int[] counts = new int[Status.values().length];
        results.forEach(r -> counts[r.status().ordinal()]++);
        if (a.has("json")) printJson(results, counts, console);
        else printText(results, counts, a.has("verbose"), console);
        return counts[Status.DIFFERS.ordinal()] > 0 || counts[Status.ERROR.ordinal()] > 0 ? 1 : 0;
    }

    private static Result check(String path, TieBreak tieBreak) {
        try {
            Instance instance = PbFiles.read(path);
            String metaRule = instance.meta().getOrDefault("rule", "");
            Optional<Rule> rule = Rules.forMeta(instance);
            if (rule.isEmpty() && metaRule.strip().equals("greedy-exclusive")) {
                return new Result(path, Status.SKIPPED, metaRule, List.of(), List.of(), "META rule 'greedy-exclusive' needs the exclusive projects, "
                        + "which the file states only in words: pb compute --rule greedy-exclusive --exclusive ID,ID");
            }
            if (rule.isEmpty()) return new Result(path, Status.SKIPPED, metaRule, List.of(), List.of(), "META rule '" + metaRule + "' is a procedure this engine does not compute");
            Optional<Set<Integer>> official = OfficialOutcome.fundedByRule(instance);
            if (official.isEmpty()) return new Result(path, Status.SKIPPED, metaRule, List.of(), List.of(), "no official outcome (selected column missing or empty)");
            Outcome outcome = rule.get().outcome(instance, tieBreak);
            Set<Integer> ours = new TreeSet<>(outcome.selected());
            List<String> onlyRule = new ArrayList<>(), onlyOfficial = new ArrayList<>();
            for (int p : ours) if (!official.get().contains(p)) onlyRule.add(instance.projects().get(p).id());
            for (int p : official.get()) if (!ours.contains(p)) onlyOfficial.add(instance.projects().get(p).id());
            if (onlyRule.isEmpty() && onlyOfficial.isEmpty()) {
                return new Result(path, Status.MATCH, metaRule, List.of(), List.of(), ours.size() + " funded");
            }
            return new Result(path, Status.DIFFERS, metaRule, onlyRule, onlyOfficial, difference(onlyRule, onlyOfficial));
        } catch (UsageException e) {
            return new Result(path, Status.ERROR, null, List.of(), List.of(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Result(path, Status.ERROR, null, List.of(), List.of(), path + ": " + e.getMessage());
        }
    }

    private static String difference(List<String> onlyRule, List<String> onlyOfficial) {
        List<String> parts = new ArrayList<>();
        if (!onlyRule.isEmpty()) parts.add("the rule funds " + String.join(", ", onlyRule) + ", which the city did not");
        if (!onlyOfficial.isEmpty()) parts.add("the city funded " + String.join(", ", onlyOfficial) + ", which the rule does not");
        return String.join("; ", parts);
    }

    private static void printText(List<Result> results, int[] counts, boolean verbose, Console console) {
        for (Result r : results) {
            switch (r.status()) {
                case MATCH -> {
                    if (verbose) console.out().println("match    " + r.file() + " (" + r.rule() + ", " + r.message() + ")");
                }
                case DIFFERS -> console.out().println("DIFFERS  " + r.file() + " (" + r.rule() + "): " + r.message());
                case SKIPPED -> console.out().println("skipped  " + r.file() + ": " + r.message());
                case ERROR -> console.out().println("ERROR    " + r.message());
            }
        }
        console.out().printf("checked %d files: %d match, %d differ, %d skipped, %d unreadable%n", results.size(),
                counts[Status.MATCH.ordinal()], counts[Status.DIFFERS.ordinal()], counts[Status.SKIPPED.ordinal()], counts[Status.ERROR.ordinal()]);
    }

    /** {"files": [{file, status, rule, only_rule, only_official, message}], "match", "differ", "skipped", "unreadable"}. */
    private static void printJson(List<Result> results, int[] counts, Console console) throws Exception {
        ObjectNode root = OutcomeJson.MAPPER.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (Result r : results) {
            ObjectNode f = files.addObject();
            f.put("file", r.file());
            f.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            f.put("rule", r.rule());
            r.onlyRule().forEach(f.putArray("only_rule")::add);
            r.onlyOfficial().forEach(f.putArray("only_official")::add);
            f.put("message", r.message());
        }
        root.put("match", counts[Status.MATCH.ordinal()]);
        root.put("differ", counts[Status.DIFFERS.ordinal()]);
        root.put("skipped", counts[Status.SKIPPED.ordinal()]);
        root.put("unreadable", counts[Status.ERROR.ordinal()]);
        console.out().println(OutcomeJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
