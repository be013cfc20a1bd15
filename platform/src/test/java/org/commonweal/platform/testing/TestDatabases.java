package org.commonweal.platform.testing;

import org.commonweal.platform.core.db.Database;
import org.commonweal.platform.core.db.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM. The schema is migrated once into a template database and every
 * test class gets its own copy (CREATE DATABASE ... TEMPLATE), so tests never see each other's rows.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestDatabases() {
    }

    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("commonweal-test-pg");
                server = EmbeddedDatabase.start(dir.resolve("postgres"));
                execute("CREATE DATABASE commonweal_template");
                Database.connect(server.jdbcUrl("commonweal_template"), EmbeddedDatabase.USER, server.password(), 2, null).close();
                // Each run's cluster is over a gigabyte: left behind, a few hundred runs fill a developer's disk.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (Exception ignored) {
                        // the JVM is exiting; the directory is removed below all the same
                    }
                    try (var paths = Files.walk(dir)) {
                        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (Exception ignored) {
                        // nothing more can be done while the JVM exits
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded test database", e);
            }
        }
        return server;
    }

    /** A fresh, migrated database of its own. */
    public static Database fresh() {
        return connect(freshName());
    }

    /** Creates a fresh, migrated database on {@link #server()} and returns its name, for tests that connect to it more than once. */
    public static String freshName() {
        server();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE commonweal_template");
        return name;
    }

    /** A pool of its own on a database made by {@link #freshName()}: what a second platform instance would have. */
    public static Database connect(String name) {
        EmbeddedDatabase pg = server();
        return Database.connect(pg.jdbcUrl(name), EmbeddedDatabase.USER, pg.password(), 8, null);
    }

    static void execute(String sql) {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
