package org.commonweal.cli.elections;

import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code commonweal elections SUBCOMMAND}: counting and seat modelling from the elections engine. */
public final class ElectionsCommand implements Command {
    /** Subcommand word → handler. A new subcommand is one entry here. */
    private static Map<String, Command> subcommands() {
// Listed in the order `elections --help` shows them.
        Map<String, Command> subs = new LinkedHashMap<>();
        subs.put("count", new CountCommand());
        subs.put("apportion", new ApportionCommand());
        subs.put("fptp", new FptpCommand());
        subs.put("model", new ModelCommand());
        subs.put("bench", new BenchCommand());
        return subs;
    }

    @Override
    public String name() {
        return "elections";
    }

    @Override
    public String summary() {
        return "count STV elections (BLT), apportion seats, model alliances";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Map<String, Command> subs = subcommands();
        if (args.isEmpty() || args.get(0).equals("--help")) {
            console.out().println("Usage: commonweal elections SUBCOMMAND [ARGS...]");
            subs.values().forEach(c -> console.out().printf("  %-10s %s%n", c.name(), c.summary()));
            return args.isEmpty() ? 2 : 0;
        }
        Command sub = subs.get(args.get(0));
        if (sub == null) throw new UsageException("unknown subcommand '" + args.get(0) + "' (expected one of " + String.join(", ", subs.keySet()) + ")");
        return sub.run(args.subList(1, args.size()), console);
    }
}
