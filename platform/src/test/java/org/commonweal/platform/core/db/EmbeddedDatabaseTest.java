package org.commonweal.platform.core.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {
    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
             Connection c = db.connect("postgres")) {
            c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
             Connection c = db.connect("postgres")) {
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
                 Connection c = db.connect("postgres")) {
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
            ProcessHandle postmaster = db.postmaster();
            assertThat(EmbeddedDatabase.isPostmasterOf(postmaster, data)).isTrue();
            assertThat(EmbeddedDatabase.isPostmasterOf(postmaster, dir)).as("another directory").isFalse();
            assertThat(EmbeddedDatabase.isPostmasterOf(ProcessHandle.current(), data)).as("not a postgres").isFalse();
        }
    }

    @Test
    void everyConnectionNeedsThePasswordKeptInTheDataDirectoryForItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            Path file = data.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(Files.readString(file)).isEqualTo(db.password()).hasSizeGreaterThan(30);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertRefused(db, "");
            assertRefused(db, "postgres");
            try (Connection c = db.connect("postgres")) {
                assertThat(c.createStatement().executeQuery("SELECT 1").next()).isTrue();
            }
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data)) {
            assertThat(again.password()).as("kept across restarts").isEqualTo(Files.readString(data.resolve(EmbeddedDatabase.PASSWORD_FILE)));
            assertRefused(again, "");
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsGetsOneOnItsFirstStart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data); Connection c = db.connect("postgres")) {
            c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here'); ALTER ROLE postgres PASSWORD NULL");
        }
        // As every data directory was before: initdb -A trust, no password anywhere.
        Files.writeString(data.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        Files.delete(data.resolve(EmbeddedDatabase.PASSWORD_FILE));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data); Connection c = db.connect("postgres")) {
            ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertRefused(db, "");
        }
    }

    private static void assertRefused(EmbeddedDatabase db, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl("postgres"), EmbeddedDatabase.USER, password).close())
                .isInstanceOf(SQLException.class);
    }
}
