package org.commonweal.cli;

import java.util.List;

final class HelpCommand implements Command {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "list the commands";
    }

    @Override
    public int run(List<String> args, Console console) {
        console.out().println("Usage: commonweal COMMAND [ARGS...]\n");
        for (Command c : Commands.all()) {
            console.out().printf("  %-10s %s%n", c.name(), c.summary());
        }
        console.out().println("\nRun 'commonweal COMMAND --help' for a command's options.");
        return 0;
    }
}
