package org.commonweal.cli.opinion;

import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code commonweal opinion SUBCOMMAND}: opinion mapping with Polis's math (the opinion engine). */
public final class OpinionCommand implements Command {
    private static Map<String, Command> subcommands() {
        Map<String, Command> subs = new LinkedHashMap<>();
        for (Command c : List.of(new AnalyseCommand())) subs.put(c.name(), c);
        return subs;
    }

    @Override
    public String name() {
        return "opinion";
    }

    @Override
    public String summary() {
        return "opinion mapping: the groups, what sets each apart and the consensus of a Polis conversation (analyse)";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Map<String, Command> subs = subcommands();
        if (args.isEmpty() || args.get(0).equals("--help")) {
            console.out().println("Usage: commonweal opinion SUBCOMMAND [ARGS...]");
            subs.values().forEach(c -> console.out().printf("  %-8s %s%n", c.name(), c.summary()));
            return args.isEmpty() ? 2 : 0;
        }
        Command sub = subs.get(args.get(0));
        if (sub == null) throw new UsageException("unknown subcommand '" + args.get(0) + "' (expected one of " + String.join(", ", subs.keySet()) + ")");
        return sub.run(args.subList(1, args.size()), console);
    }
}
