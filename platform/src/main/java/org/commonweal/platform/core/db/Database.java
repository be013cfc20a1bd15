package org.commonweal.platform.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.commonweal.platform.core.Config;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** The connection pool, migrations and JDBI handle; embedded PostgreSQL unless DATABASE_URL is set. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final EmbeddedDatabase embedded;

    private Database(HikariDataSource pool, EmbeddedDatabase embedded) {
        this.pool = pool;
        this.embedded = embedded;
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

    /** Connects to an existing database and migrates it; used by tests that create one database per class. */
    public static Database connect(String url, String user, String password, int poolSize, EmbeddedDatabase embedded) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (!user.isEmpty()) hc.setUsername(user);
        if (!password.isEmpty()) hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("commonweal");
        hc.setConnectionTimeout(10_000);
        // Durability is a promise to voters (an acknowledged ballot survives a crash): every connection commits
        // synchronously whatever the server's default, so no transaction has to ask for it.
        hc.setConnectionInitSql("SET synchronous_commit = on");
        HikariDataSource pool = new HikariDataSource(hc);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return new Database(pool, embedded);
    }

    private static void ensureDatabase(EmbeddedDatabase embedded, String name) {
        try (Connection c = embedded.connect("postgres");
             Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public boolean isReachable() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            return s.executeQuery("SELECT 1").next();
        } catch (Exception e) {
            return false;
        }
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
