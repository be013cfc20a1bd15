package org.commonweal.platform.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.commonweal.platform.demo.DemoData;
import org.commonweal.platform.testing.SiteCrawler;
import org.commonweal.platform.testing.SiteCrawler.Visit;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page reachable from the home page, as each demo role sees it. The demo platform (with the past
 * budgets imported from the shared pabulib files) is crawled over HTTP once per role; a link that answers
 * 5xx, or 404 although the site itself links to it, fails, and so does any GET that changed what is stored.
 * Then one page of every route pattern (and each role's home page, whose menu differs) is opened in
 * Chromium and must show no axe-core violation of any impact and a sound {@link PageStructure}.
 */
class SiteCrawlTest {
    static final List<String> ROLES = List.of("visitor", "resident", "officer", "organiser", "moderator", "admin");
    static final int MAX_PAGES_PER_ROLE = 300;
    static final int PAGES_PER_PATTERN = 3;
    /** Sessions record when they were last seen on every request; that is bookkeeping, not a change a GET makes. */
    /** Written whatever the crawl does: sessions, migrations, and background jobs' bookkeeping and results (opinion maps). */
    static final Set<String> BOOKKEEPING_TABLES = Set.of("sessions", "flyway_schema_history", "scheduled_tasks", "conversation_analyses");

    static TestApp app;
    static final Map<String, List<Visit>> visits = new LinkedHashMap<>();
    static final Map<String, List<String>> tablesChanged = new LinkedHashMap<>();

    @BeforeAll
    static void crawlAsEveryRole() {
        app = TestApp.start(Map.of("COMMONWEAL_SHARED_DATA", TestApp.sharedData().toString()));
        for (String role : ROLES) {
            TestClient client = role.equals("visitor") ? app.client() : app.signedInAs(role);
            Map<String, String> before = tableFingerprints();
            long started = System.nanoTime();
            List<Visit> crawl = SiteCrawler.crawl(client, MAX_PAGES_PER_ROLE, PAGES_PER_PATTERN);
            Map<String, String> after = tableFingerprints();
            visits.put(role, crawl);
            tablesChanged.put(role, after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).sorted().toList());
            System.out.printf("crawl as %s: %d addresses, %d route patterns, statuses %s, %d ms%n", role, crawl.size(),
                    crawl.stream().map(Visit::pattern).distinct().count(),
                    new TreeMap<>(crawl.stream().collect(Collectors.groupingBy(Visit::status, Collectors.counting()))),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** An md5 of every row of every table, so a crawl that changed anything shows which table. */
    private static Map<String, String> tableFingerprints() {
        return app.database.jdbi().withHandle(h -> {
            List<String> tables = h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").mapTo(String.class).list();
            Map<String, String> fingerprints = new TreeMap<>();
            for (String table : tables) {
                if (BOOKKEEPING_TABLES.contains(table)) continue;
                fingerprints.put(table, h.createQuery("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table + " t")
                        .mapTo(String.class).one());
            }
            return fingerprints;
        });
    }

    @ParameterizedTest(name = "as {0}")
    @FieldSource("ROLES")
    void everyLinkAnswersWithoutAServerErrorOrADeadEnd(String role) {
        List<Visit> crawl = visits.get(role);
        assertThat(crawl.size()).as("addresses reached as %s", role).isGreaterThan(20);
        assertThat(crawl.stream().filter(v -> v.status() >= 500 || v.status() == 404).map(Visit::toString))
                .as("links that fail as %s", role).isEmpty();
    }

    @ParameterizedTest(name = "as {0}")
    @FieldSource("ROLES")
    void followingEveryLinkChangesNothingStored(String role) {
        assertThat(tablesChanged.get(role)).as("tables changed by GET requests as %s", role).isEmpty();
    }

    /** One page to audit: who looks and where. */
    record Sample(String role, String path, String pattern) {
        @Override
        public String toString() {
            return pattern + " as " + role;
        }
    }

    /** The first page of each route pattern (its query aside: filters and paging share a template), and each role's home page. */
    static Stream<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        Set<String> routes = new HashSet<>();
        for (String role : ROLES) {
            for (Visit v : visits.get(role)) {
                String route = v.pattern().split("\\?")[0];
                if (v.isHtmlPage() && (routes.add(route) || v.path().equals("/"))) samples.add(new Sample(role, v.path(), route));
            }
        }
        return samples.stream();
    }

    static final Map<String, BrowserContext> contexts = new LinkedHashMap<>();
    static final Map<String, Page> pages = new LinkedHashMap<>();
    static AxeCore axe;

    /**
     * One Chromium tab per role, signed in as that role and reused from page to page (opening a tab costs more
     * than the audit). axe is injected as an inline script, which our Content-Security-Policy rightly refuses,
     * so these contexts bypass it.
     */
    private static Page tabFor(String role) {
        return pages.computeIfAbsent(role, r -> {
            if (axe == null) axe = AxeCore.load();
            BrowserContext context = HeadlessChromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 800));
            contexts.put(r, context);
            Page page = context.newPage();
            if (!r.equals("visitor")) {
                DemoData.Login login = DemoData.LOGINS.stream().filter(l -> l.role().equals(r)).findFirst().orElseThrow();
                SignInForm.signIn(page, app.url(""), login.email(), login.password());
            }
            return page;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        contexts.values().forEach(BrowserContext::close);
        if (app != null) app.close();
    }

    @Tag("browser")
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aPageOfEveryRoutePatternHasNoAccessibilityViolation(Sample sample) {
        Page page = tabFor(sample.role());
        Response response = page.navigate(app.url(sample.path()));
        assertThat(response.status()).as("status of %s", sample.path()).isEqualTo(200);
        List<String> problems = new ArrayList<>(PageStructure.problems(page));
        axe.violations(page).forEach(v -> problems.add("axe " + v));
        // Nothing wider than the screen, on a desktop or on a phone: a page that scrolls sideways hides its own links.
        for (int width : new int[]{1280, 390}) {
            page.setViewportSize(width, 800);
            int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
            if (overflow > 0) problems.add(overflow + " px wider than a " + width + " px screen");
            // The first screen at each width, kept for whoever reviews a change: target/crawl-screenshots/.
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "crawl-screenshots",
                    sample.role() + sample.pattern().replaceAll("[^A-Za-z0-9]+", "_") + "-" + width + ".png")));
        }
        page.setViewportSize(1280, 800);
        assertThat(problems).as("accessibility problems on %s as %s", sample.path(), sample.role()).isEmpty();
    }
}
