package org.commonweal.platform.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL started from the embedded binaries, with its data kept in a directory between runs.
 * The embedded library turns durability off for tests' speed; we turn fsync and synchronous_commit back
 * on so an acknowledged write survives a crash.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphanedPostmaster(dataDirectory);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
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
        return new EmbeddedDatabase(pg);
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
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan;
        try {
            orphan = ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            orphan = Optional.empty();
        }
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

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
