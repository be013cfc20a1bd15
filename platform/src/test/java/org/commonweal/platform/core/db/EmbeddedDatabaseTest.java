package org.commonweal.platform.core.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {
    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
             Connection c = DriverManager.getConnection(db.jdbcUrl("postgres"), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
             Connection c = DriverManager.getConnection(db.jdbcUrl("postgres"), "postgres", "")) {
            ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aStalePidFileNamingAnUnrelatedProcessLeavesThatProcessAlone(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        EmbeddedDatabase.start(data).close();
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n");
            try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
                 Connection c = DriverManager.getConnection(db.jdbcUrl("postgres"), "postgres", "")) {
                assertThat(c.createStatement().executeQuery("SELECT 1").next()).isTrue();
                assertThat(unrelated.isAlive()).as("the process the stale pid file named").isTrue();
            }
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void onlyAPostgresServingThisDirectoryCountsAsItsPostmaster(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim())).orElseThrow();
            assertThat(EmbeddedDatabase.isPostmasterOf(postmaster, data)).isTrue();
            assertThat(EmbeddedDatabase.isPostmasterOf(postmaster, dir)).as("another directory").isFalse();
            assertThat(EmbeddedDatabase.isPostmasterOf(ProcessHandle.current(), data)).as("not a postgres").isFalse();
        }
    }
}
