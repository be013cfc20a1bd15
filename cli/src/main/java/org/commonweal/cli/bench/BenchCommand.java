package org.commonweal.cli.bench;

import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;

import java.util.List;
import java.util.Map;

/** {@code commonweal bench SUBCOMMAND}: the platform's speed figures, printed (never asserted in unit tests). */
/** {@code commonweal bench http|startup|ballots|results|proposals|community|groups}: the platform's speed figures, printed (never asserted in unit tests). */
/** {@code commonweal bench SUBCOMMAND}: the platform's and the engines' speed figures, printed (never asserted in unit tests). */
public final class BenchCommand implements Command {
    private static Map<String, Command> subcommands() {
        return Map.ofEntries(
                Map.entry("http", new HttpBench()),
                Map.entry("startup", new StartupBench()),
                Map.entry("ballots", new BallotsBench()),
                Map.entry("results", new ResultsBench()),
                Map.entry("proposals", new ProposalsBench()),
                Map.entry("community", new CommunityBench()),
                Map.entry("opinion", new OpinionBench()),
                Map.entry("match", new MatchBench()),
                Map.entry("conversations", new ConversationsBench()),
                Map.entry("groups", new GroupsBench()),
                Map.entry("services", new ServicesBench()),
                Map.entry("library", new LibraryBench()),
                Map.entry("volunteers", new VolunteersBench()));
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure the platform: page throughput (http), cold start (startup), voting (ballots), counting (results), proposals list (proposals), problem page, search and agenda (community), opinion mapping math (opinion), volunteer matching (match), voting in a conversation (conversations), group page and directory (groups), directory and Open Referral API (services), library search and story page (library), volunteer directory (volunteers)";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Map<String, Command> subs = subcommands();
        if (args.isEmpty() || args.get(0).equals("--help")) {
            console.out().println("Usage: commonweal bench SUBCOMMAND [OPTIONS]");
            subs.values().stream().sorted(java.util.Comparator.comparing(Command::name)).forEach(c -> console.out().printf("  %-10s %s%n", c.name(), c.summary()));
            return args.isEmpty() ? 2 : 0;
        }
        Command sub = subs.get(args.get(0));
        if (sub == null) throw new UsageException("unknown bench '" + args.get(0) + "' (expected one of " + String.join(", ", new java.util.TreeSet<>(subs.keySet())) + ")");
        return sub.run(args.subList(1, args.size()), console);
    }
}
