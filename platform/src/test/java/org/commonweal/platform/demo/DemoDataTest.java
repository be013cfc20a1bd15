package org.commonweal.platform.demo;

import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest extends PlatformTestCase {
    private static void markDemo(String state) {
        app.platform.database().jdbi().useHandle(h -> h.createUpdate("UPDATE settings SET value = :s WHERE key = 'demo_data'").bind("s", state).execute());
    }

    @Test
    void aCompleteLoadIsMarkedAndNotRepeated() {
        assertThat(app.count("SELECT count(*) FROM settings WHERE key = 'demo_data' AND value = 'loaded'")).isEqualTo(1);
        long accounts = app.count("SELECT count(*) FROM accounts");
        List<String> said = new ArrayList<>();
        assertThat(DemoData.loadIfEmpty(app.platform, said::add)).isFalse();
        assertThat(said).isEmpty();
        assertThat(app.count("SELECT count(*) FROM accounts")).isEqualTo(accounts);
    }

    @Test
    void aLoadThatStoppedPartWayIsReportedAtTheNextStartWithWhatToDo() {
        markDemo("loading");
        try {
            List<String> said = new ArrayList<>();
            assertThat(DemoData.loadIfEmpty(app.platform, said::add)).isFalse();
            assertThat(said).singleElement().asString().contains("only partly loaded")
                    .contains(app.platform.config.dataDir().toAbsolutePath().toString()).contains("./commonweal demo");
        } finally {
            markDemo("loaded");
        }
    }
}
