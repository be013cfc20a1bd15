package org.commonweal.cli.platform;

import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.platform.core.Config;
import org.commonweal.platform.core.db.Database;

import java.util.List;

/** Applies pending database migrations and exits (the server also migrates at start). */
public final class MigrateCommand implements Command {
    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String summary() {
        return "apply database migrations and exit";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (!args.isEmpty()) throw new UsageException("takes no arguments; the database comes from DATABASE_URL or COMMONWEAL_DATA");
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv(), false);
        } catch (Config.ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        try (Database db = Database.open(config)) {
            console.out().println("Database is up to date (" + db.describe() + ").");
        }
        return 0;
    }
}
