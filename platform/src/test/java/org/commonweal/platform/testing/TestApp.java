package org.commonweal.platform.testing;

import org.commonweal.platform.Platform;
import org.commonweal.platform.core.Config;
import org.commonweal.platform.core.db.Database;
import org.commonweal.platform.demo.DemoData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A running platform on a random port over a database of its own, with the demo data loaded. */
public final class TestApp implements AutoCloseable {
    public final Platform platform;
    public final Database database;
    private final String databaseName;

    private TestApp(Platform platform, Database database, String databaseName) {
        this.platform = platform;
        this.database = database;
        this.databaseName = databaseName;
    }

    public static TestApp start() {
        return start(Map.of());
    }

    /** As {@link #start()} with more environment settings, such as COMMONWEAL_SHARED_DATA for the demo's past budgets. */
    public static TestApp start(Map<String, String> environment) {
        String name = TestDatabases.freshName();
        return start(environment, TestDatabases.connect(name), name);
    }

    /** As {@link #start(Map)} over a database the test connected itself (through a {@link TcpRelay}, say). */
    public static TestApp start(Map<String, String> environment, Database db) {
        return start(environment, db, null);
    }

    private static TestApp start(Map<String, String> environment, Database db, String name) {
        Platform p = Platform.over(config(environment), db);
        DemoData.loadIfEmpty(p, line -> { });
        p.start(0);
        return new TestApp(p, db, name);
    }

    /** Another platform instance over this one's database (with a pool of its own), as a second node would be. */
    public TestApp anotherInstance(Map<String, String> environment) {
        Database db = TestDatabases.connect(databaseName);
        Platform p = Platform.over(config(environment), db);
        p.start(0);
        return new TestApp(p, db, databaseName);
    }

    private static Config config(Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.putIfAbsent("PORT", "0");
        env.putIfAbsent("BASE_URL", "http://localhost");
        return Config.fromEnvironment(env, true);
    }

    /** The shared public data ({@code ../shared/data} beside the repository), read in place. */
    public static Path sharedData() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("commonweal"))) dir = dir.getParent();
        return dir.getParent().resolve("shared/data");
    }

    public String url(String path) {
        return "http://localhost:" + platform.port() + path;
    }

    public TestClient client() {
        return new TestClient(this);
    }

    /** A signed-in client for one of the demo accounts, by role name (admin, officer, moderator, organiser, resident). */
    public TestClient signedInAs(String role) {
        DemoData.Login login = DemoData.LOGINS.stream().filter(l -> l.role().equals(role)).findFirst().orElseThrow();
        TestClient c = client();
        c.signIn(login.email(), login.password());
        return c;
    }

    public long count(String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    public String latestMailBody(String recipient) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT body FROM mail_outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1")
                .bind("r", recipient).mapTo(String.class).one());
    }

    @Override
    public void close() throws Exception {
        platform.close();
    }
}
