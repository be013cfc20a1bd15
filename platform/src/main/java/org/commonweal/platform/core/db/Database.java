package org.commonweal.platform.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.commonweal.platform.core.Config;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The connection pool, migrations and JDBI handle; embedded PostgreSQL unless DATABASE_URL is set.
 * When the database goes away, requests fail within {@link #CONNECT_TIMEOUT_MS} (and are answered 503, see
 * {@link #isOutage}) instead of queueing; the pool makes new connections once it is back. The embedded server is
 * ours to watch: if it stops without us stopping it, a serving platform exits with {@link #EXIT_DATABASE_STOPPED} for
 * its supervisor to restart it, and the restart recovers the data directory.
 */
public final class Database implements AutoCloseable {
    /** How long a request waits for a connection before it is told the service is unavailable. */
    static final int CONNECT_TIMEOUT_MS = 2_000;
    /** EX_TEMPFAIL: a temporary failure, worth a restart. */
    public static final int EXIT_DATABASE_STOPPED = 75;
    private static final Logger LOG = LoggerFactory.getLogger("database");
    private static final long HEALTH_KEPT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final EmbeddedDatabase embedded;
    private final String url;
    private final Properties credentials;
    private long healthCheckedAt;
    private boolean healthy;

    private Database(HikariDataSource pool, EmbeddedDatabase embedded, String url, Properties credentials) {
        this.pool = pool;
        this.embedded = embedded;
        this.url = url;
        this.credentials = credentials;
        this.jdbi = Jdbi.create(pool);
    }

    public static Database open(Config config) throws IOException {
        EmbeddedDatabase embedded = null;
        String url;
        String user;
        String password;
        if (config.databaseUrl().isPresent()) {
            url = config.databaseUrl().get();
            user = config.databaseUser();
            password = config.databasePassword();
        } else {
            embedded = EmbeddedDatabase.start(config.dataDir().resolve("postgres"));
            ensureDatabase(embedded, "commonweal");
            url = embedded.jdbcUrl("commonweal");
            user = EmbeddedDatabase.USER;
            password = embedded.password();
        }
        return connect(url, user, password, config.poolSize(), embedded);
    }

    /**
     * For a serving platform: exit when the embedded server stops without us stopping it, since nothing else would
     * start it again. A platform used in-process (tests, tools) is left to its caller.
     */
    public void exitWhenEmbeddedServerStops() {
        if (embedded == null) return;
        embedded.onUnexpectedStop(() -> {
            LOG.error("the embedded PostgreSQL stopped on its own; exiting with status {} so the supervisor restarts the platform",
                    EXIT_DATABASE_STOPPED);
            System.exit(EXIT_DATABASE_STOPPED);
        });
    }

    /** Connects to an existing database and migrates it; used by tests that create one database per class. */
    public static Database connect(String url, String user, String password, int poolSize, EmbeddedDatabase embedded) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (!user.isEmpty()) hc.setUsername(user);
        if (!password.isEmpty()) hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("commonweal");
        hc.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        hc.setValidationTimeout(CONNECT_TIMEOUT_MS / 2);
        // A host that drops packets (rather than refusing) would otherwise hold each new connection for the TCP timeout.
        hc.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MS / 1000));
        // Durability is a promise to voters (an acknowledged ballot survives a crash): every connection commits
        // synchronously whatever the server's default, so no transaction has to ask for it.
        hc.setConnectionInitSql("SET synchronous_commit = on");
        HikariDataSource pool = new HikariDataSource(hc);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        Properties credentials = new Properties();
        if (!user.isEmpty()) credentials.setProperty("user", user);
        if (!password.isEmpty()) credentials.setProperty("password", password);
        return new Database(pool, embedded, url, credentials);
    }

    /**
     * Whether {@code failure} means the database could not be reached (no connection within the timeout, or the
     * connection broke: SQLSTATE class 08, or the server shutting down, 57P01-57P03), not a fault in a query.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().matches("57P0[123]"))) return true;
        }
        return false;
    }

    private static void ensureDatabase(EmbeddedDatabase embedded, String name) {
        try (Connection c = embedded.connect("postgres");
             Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pool itself, for libraries that take a DataSource (background jobs). */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    /**
     * Asks the database over a connection of its own (a pool with every connection busy is not an outage), given a
     * second to connect and two to answer, so /health answers at once when the server is gone. The answer is kept
     * for a second: a flood of health checks costs the database one connection a second.
     */
    public synchronized boolean isReachable() {
        if (healthCheckedAt != 0 && System.nanoTime() - healthCheckedAt < HEALTH_KEPT_NANOS) return healthy;
        Properties probe = new Properties();
        probe.putAll(credentials);
        probe.setProperty("connectTimeout", "1");
        probe.setProperty("loginTimeout", "2");
        probe.setProperty("socketTimeout", "2");
        try (Connection c = DriverManager.getConnection(url, probe); Statement s = c.createStatement()) {
            healthy = s.executeQuery("SELECT 1").next();
        } catch (SQLException e) {
            healthy = false;
        }
        healthCheckedAt = System.nanoTime();
        return healthy;
    }

    public String describe() {
        return embedded != null ? "embedded PostgreSQL on port " + embedded.port() : "external PostgreSQL";
    }

    @Override
    public void close() throws IOException {
        pool.close();
        if (embedded != null) embedded.close();
    }
}
