package org.commonweal.cli.pb;

import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code commonweal pb SUBCOMMAND}: participatory-budgeting files (pabulib .pb) and rules from the pb engine. */
public final class PbCommand implements Command {
    /** Subcommand word → handler. A new subcommand is one entry here. */
    private static Map<String, Command> subcommands() {
        Map<String, Command> subs = new LinkedHashMap<>();
        for (Command c : List.of(new PbComputeCommand(), new PbAuditCommand(), new PbCheckCommand(), new PbValidateCommand(), new PbConvertCommand(), new PbBenchCommand())) {
            subs.put(c.name(), c);
        }
        return subs;
    }

    @Override
    public String name() {
        return "pb";
    }

    @Override
    public String summary() {
        return "participatory budgeting: compute outcomes of .pb files, audit and check them, validate ballots, convert, benchmark";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Map<String, Command> subs = subcommands();
        if (args.isEmpty() || args.get(0).equals("--help")) {
            console.out().println("Usage: commonweal pb SUBCOMMAND [ARGS...]");
            subs.values().forEach(c -> console.out().printf("  %-8s %s%n", c.name(), c.summary()));
            return args.isEmpty() ? 2 : 0;
        }
        Command sub = subs.get(args.get(0));
        if (sub == null) throw new UsageException("unknown subcommand '" + args.get(0) + "' (expected one of " + String.join(", ", subs.keySet()) + ")");
        return sub.run(args.subList(1, args.size()), console);
    }
}
