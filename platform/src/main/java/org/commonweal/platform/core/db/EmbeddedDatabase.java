package org.commonweal.platform.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.commonweal.platform.core.http.Secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL started from the embedded binaries, with its data kept in a directory between runs.
 * The embedded library turns durability off for tests' speed; we turn fsync and synchronous_commit back
 * on so an acknowledged write survives a crash. It also lets every local user in without a password; we
 * give the superuser a generated password, kept in the data directory readable by its owner only, and
 * require it (scram-sha-256) on every connection, TCP or Unix socket.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    static final String PASSWORD_FILE = "commonweal-password";
    private static final String PASSWORD_REQUIRED = "# commonweal: the superuser's password (in " + PASSWORD_FILE + ") for every connection\n"
            + "local all all scram-sha-256\n"
            + "host  all all 127.0.0.1/32 scram-sha-256\n"
            + "host  all all ::1/128 scram-sha-256\n";
    private final EmbeddedPostgres postgres;
    private final String password;
    private final ProcessHandle postmaster;
    private volatile boolean closing;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password, ProcessHandle postmaster) {
        this.postgres = postgres;
        this.password = password;
        this.postmaster = postmaster;
    }

    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphanedPostmaster(dataDirectory);
        Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        Optional<String> known = Files.exists(passwordFile) ? Optional.of(Files.readString(passwordFile).strip()) : Optional.empty();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        known.ifPresent(p -> builder.setConnectConfig("password", p));
        EmbeddedPostgres pg = builder
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDirectory.getParent().resolve("postgres-binaries").toFile())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        String password = requirePassword(pg, dataDirectory, known);
        ProcessHandle postmaster = processNamedIn(dataDirectory.resolve("postmaster.pid"))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL exited as it started in " + dataDirectory));
        return new EmbeddedDatabase(pg, password, postmaster);
    }

    /**
     * Runs {@code action} once if the server ends other than by {@link #close()} or the JVM's exit (the library stops
     * it from a shutdown hook of its own): killed, crashed, or stopped by someone else.
     */
    public void onUnexpectedStop(Runnable action) {
        postmaster.onExit().thenRun(() -> {
            if (!closing && !shuttingDown()) action.run();
        });
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException exiting) {
            return true;
        }
    }

    /** The server's main process. */
    public ProcessHandle postmaster() {
        return postmaster;
    }

    /**
     * A fresh data directory (the library's initdb trusts everyone) or one made before passwords gets its password on
     * this start, while the server still trusts us: the password file first, so a crash at any step leaves trust and
     * the same password to finish with next time, then the role's password, then pg_hba.conf demanding it.
     */
    private static String requirePassword(EmbeddedPostgres pg, Path dataDirectory, Optional<String> known) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (known.isPresent() && Files.readString(hba).equals(PASSWORD_REQUIRED)) return known.get();
        String password = known.orElseGet(Secrets::newToken);
        if (known.isEmpty()) writeOwnerOnly(dataDirectory.resolve(PASSWORD_FILE), password);
        String url = jdbcUrl(pg.getPort(), "postgres");
        try (Connection c = DriverManager.getConnection(url, USER, password); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            Files.writeString(hba, PASSWORD_REQUIRED);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the embedded database's password: " + e.getMessage(), e);
        }
        awaitPasswordRequired(url);
        return password;
    }

    /** The reload is a signal the postmaster acts on shortly after; we return only once it refuses a connection without the password. */
    private static void awaitPasswordRequired(String url) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(url, USER, "")) {
                Thread.sleep(50);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the embedded database still lets connections in without its password");
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        org.commonweal.platform.core.files.OwnerOnly.create(temporary);
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * After a kill -9 of the app the postmaster it started keeps running; stop it cleanly before starting ours. The pid
     * file may be stale and its number reused by any other process (in a container the same small numbers come round
     * after every restart), so we signal it only when it is a postgres serving this very directory, and otherwise
     * remove the stale file, which would also make PostgreSQL refuse to start.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        Optional<ProcessHandle> orphan = processNamedIn(pidFile);
        if (orphan.isEmpty() || !isPostmasterOf(orphan.get(), dataDirectory)) {
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle p = orphan.get();
        p.destroy();
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a PostgreSQL server (pid " + p.pid() + ") still holds " + dataDirectory + " and did not stop", e);
        }
    }

    /** The live process whose number is on the first line of a pid file. */
    private static Optional<ProcessHandle> processNamedIn(Path pidFile) throws IOException {
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        try {
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A postgres program serving {@code dataDirectory}: on Linux its working directory (the postmaster changes into its
     * data directory), elsewhere its command line (postgres -D directory, as pg_ctl starts it).
     */
    static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        try {
            if (!Files.isDirectory(Path.of("/proc/self"))) {
                ProcessHandle.Info info = process.info();
                return info.command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false)
                        && info.arguments().map(a -> java.util.Arrays.asList(a).contains(dataDirectory.toString())).orElse(false);
            }
            boolean postgres = Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString().equals("postgres");
            return postgres && Files.isSameFile(proc.resolve("cwd"), dataDirectory);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // Not ours to inspect: never signal what we cannot identify.
            return false;
        }
    }

    /** A connection as the superuser, for setting up databases. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password);
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(postgres.getPort(), database);
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        postgres.close();
    }
}
