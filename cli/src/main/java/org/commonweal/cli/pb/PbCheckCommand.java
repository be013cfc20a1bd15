package org.commonweal.cli.pb;

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
            console.out().println("Usage: commonweal pb check FILE.pb... [--tie-break cost,votes,lottery] [--seed N] [--verbose]\n"
                    + "Prints one line per file that differs, is skipped or cannot be read (--verbose: every file), then a summary.");
            return 0;
        }
        PbArguments a = PbArguments.parse(args, Set.of("tie-break", "seed"), Set.of("verbose"));
        if (a.positional().isEmpty()) throw new UsageException("check needs at least one FILE.pb");
        TieBreak tieBreak = PbComputeCommand.tieBreak(a);
        int match = 0, differ = 0, skipped = 0, unreadable = 0;
        List<String> lines = new ArrayList<>();
        ProgressBar progress = a.positional().size() > 1 ? console.progress("checking", a.positional().size()) : null;
        for (String path : a.positional()) {
            String line;
            try {
                Instance instance = PbFiles.read(path);
                Optional<Rule> rule = Rules.forMeta(instance);
                Optional<Set<Integer>> official = OfficialOutcome.fundedByRule(instance);
                if (rule.isEmpty()) {
                    skipped++;
                    line = "skipped  " + path + ": META rule '" + instance.meta().getOrDefault("rule", "") + "' is not implemented";
                } else if (official.isEmpty()) {
                    skipped++;
                    line = "skipped  " + path + ": no official outcome (selected column missing or empty)";
                } else {
                    Outcome outcome = rule.get().outcome(instance, tieBreak);
                    Set<Integer> ours = new TreeSet<>(outcome.selected());
                    if (ours.equals(official.get())) {
                        match++;
                        line = a.flag("verbose") ? "match    " + path + " (" + outcome.rule() + ", " + ours.size() + " funded)" : null;
                    } else {
                        differ++;
                        line = "DIFFERS  " + path + " (" + outcome.rule() + "): " + difference(instance, ours, official.get());
                    }
                }
            } catch (UsageException e) {
                unreadable++;
                line = "ERROR    " + e.getMessage();
            } catch (IllegalArgumentException e) {
                unreadable++;
                line = "ERROR    " + path + ": " + e.getMessage();
            }
            if (line != null) lines.add(line);
            if (progress != null) progress.step(path);
        }
        if (progress != null) progress.close();
        lines.forEach(console.out()::println);
        console.out().printf("checked %d files: %d match, %d differ, %d skipped, %d unreadable%n",
                a.positional().size(), match, differ, skipped, unreadable);
        return differ > 0 || unreadable > 0 ? 1 : 0;
    }

    private static String difference(Instance instance, Set<Integer> ours, Set<Integer> official) {
        List<String> onlyOurs = new ArrayList<>(), onlyOfficial = new ArrayList<>();
        for (int p : ours) if (!official.contains(p)) onlyOurs.add(instance.projects().get(p).id());
        for (int p : official) if (!ours.contains(p)) onlyOfficial.add(instance.projects().get(p).id());
        List<String> parts = new ArrayList<>();
        if (!onlyOurs.isEmpty()) parts.add("the rule funds " + String.join(", ", onlyOurs) + ", which the city did not");
        if (!onlyOfficial.isEmpty()) parts.add("the city funded " + String.join(", ", onlyOfficial) + ", which the rule does not");
        return String.join("; ", parts);
    }
}
