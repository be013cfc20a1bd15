package org.commonweal.cli.platform;

import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.platform.Platform;
import org.commonweal.platform.core.Config;
import org.commonweal.platform.demo.DemoData;

import java.util.List;

/** {@code serve} (no demo data) and {@code demo} (loads demo data once and prints the sign-ins). */
public final class ServeCommand implements Command {
    private final boolean demo;

    public ServeCommand(boolean demo) {
        this.demo = demo;
    }

    @Override
    public String name() {
        return demo ? "demo" : "serve";
    }

    @Override
    public String summary() {
        return demo ? "start with demo data on the embedded database and print the URL"
                : "start the platform (embedded database, or DATABASE_URL)";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (!args.isEmpty()) {
            if (args.get(0).equals("--help")) {
                console.out().println("Usage: commonweal " + name() + "\n\nEnvironment: PORT (default 7070), COMMONWEAL_DATA (default ./data),\n"
                        + "COMMONWEAL_SHARED_DATA (demo: the shared data folder whose pabulib files become past budgets),\n"
                        + "DATABASE_URL + DATABASE_USER + DATABASE_PASSWORD (external PostgreSQL), BASE_URL, TRUSTED_PROXIES (or TRUST_PROXY),\n"
                        + "METRICS_TOKEN, MANAGEMENT_PORT, SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM, SMTP_STARTTLS,\n"
                        + "DATABASE_POOL_SIZE, UPLOAD_MAX_MB, JOBS_POLL_SECONDS, PHASE_CHECK_SECONDS, COMMONWEAL_LOG_FORMAT=json.\n"
                        + "Every setting is described in docs/operations.md.");
                return 0;
            }
            throw new UsageException("takes no arguments (got '" + String.join(" ", args) + "'); settings come from the environment");
        }
        long started = System.nanoTime();
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv(), demo);
        } catch (Config.ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        Platform platform = Platform.open(config);
        if (demo && DemoData.loadIfEmpty(platform, console.out()::println)) {
            console.out().println("Loaded the demo data.");
        }
        platform.start(config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                platform.close();
            } catch (Exception e) {
                console.err().println("shutdown: " + e.getMessage());
            }
        }));
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (demo) {
            console.out().println("\nDemo sign-ins (email / password):");
            for (DemoData.Login l : DemoData.LOGINS) console.out().printf("  %-10s %-32s %s%n", l.role(), l.email(), l.password());
        }
        console.out().printf("%nCommonweal is running at %s (database: %s, started in %d ms). Press Ctrl+C to stop.%n",
                "http://localhost:" + platform.port() + "/", platform.database().describe(), ms);
        Thread.currentThread().join();
        return 0;
    }
}
