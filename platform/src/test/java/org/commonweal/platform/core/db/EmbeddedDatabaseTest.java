package org.commonweal.platform.core.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
