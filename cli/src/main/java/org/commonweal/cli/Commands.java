package org.commonweal.cli;

import java.util.List;

/** Every top-level command, in the order `commonweal help` lists them. A new command is one line here. */
public final class Commands {
    private Commands() {
    }

    static List<Command> all() {
        return List.of(
                new HelpCommand(),
                new org.commonweal.cli.platform.ServeCommand(true),
                new org.commonweal.cli.platform.ServeCommand(false),
                new org.commonweal.cli.platform.MigrateCommand(),
                new org.commonweal.cli.elections.ElectionsCommand(),
                new org.commonweal.cli.pb.PbCommand(),
                new org.commonweal.cli.opinion.OpinionCommand(),
                new org.commonweal.cli.bench.BenchCommand()
        );
    }
}
