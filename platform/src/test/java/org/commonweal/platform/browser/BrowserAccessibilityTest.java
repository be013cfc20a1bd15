package org.commonweal.platform.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.commonweal.platform.demo.DemoData;
import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, as a visitor, a resident or an admin sees it in Chromium with JavaScript on, audited by
 * axe-core (WCAG 2.1 A and AA plus best practice) and by {@link PageStructure}. A serious or critical axe
 * finding fails the page; lesser ones are printed. Screenshots of the main pages, and of any page that
 * fails, go to {@code <tmp>/cw-shots} for a person to look over.
 */
@Tag("browser")
class BrowserAccessibilityTest extends PlatformTestCase {
    static final Path SCREENSHOTS = Path.of(System.getProperty("java.io.tmpdir"), "cw-shots");
    static final Set<String> ALWAYS_SCREENSHOT = Set.of("home", "register-with-errors", "account", "admin-places");
    static AxeCore axe;
    static BrowserContext visitor;
    static BrowserContext resident;
    static BrowserContext admin;

    /** One page to audit: who looks, where, the status the server must answer, and whether to send its form empty first. */
    record Visit(String name, String who, String path, int status, boolean submitEmpty) {
        @Override
        public String toString() {
            return name + " " + path + " as " + who;
        }
    }

    @BeforeAll
    static void prepare() throws Exception {
        axe = AxeCore.load();
        HeadlessChromium.browser();
        visitor = context();
        resident = context();
        admin = context();
        DemoData.Login residentLogin = login("resident");
        DemoData.Login adminLogin = login("admin");
        SignInForm.signIn(resident.newPage(), app.url(""), residentLogin.email(), residentLogin.password());
        SignInForm.signIn(admin.newPage(), app.url(""), adminLogin.email(), adminLogin.password());
        Files.createDirectories(SCREENSHOTS);
    }

    /** axe is injected as an inline script, which our Content-Security-Policy rightly refuses, so these contexts bypass it. */
    private static BrowserContext context() {
        return HeadlessChromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 800));
    }

    private static DemoData.Login login(String role) {
        return DemoData.LOGINS.stream().filter(l -> l.role().equals(role)).findFirst().orElseThrow();
    }

    @AfterAll
    static void closeContexts() {
        for (BrowserContext c : new BrowserContext[]{visitor, resident, admin}) {
            if (c != null) c.close();
        }
    }

    static Stream<Visit> pages() {
        long accountId = app.count("SELECT id FROM accounts WHERE email = '" + login("resident").email() + "'");
        long placeId = app.platform.places.tree().stream().filter(p -> p.name().equals("Quayside")).findFirst().orElseThrow().id();
        return Stream.of(
                new Visit("home", "visitor", "/", 200, false),
                new Visit("register", "visitor", "/register", 200, false),
                new Visit("register-with-errors", "visitor", "/register", 422, true),
                new Visit("sign-in", "visitor", "/sign-in", 200, false),
                new Visit("forgot-password", "visitor", "/forgot-password", 200, false),
                new Visit("places", "visitor", "/places", 200, false),
                new Visit("not-found", "visitor", "/no-such-page", 404, false),
                new Visit("account", "resident", "/account", 200, false),
                new Visit("account-delete", "resident", "/account/delete", 200, false),
                new Visit("forbidden", "resident", "/admin", 403, false),
                new Visit("admin", "admin", "/admin", 200, false),
                new Visit("admin-users", "admin", "/admin/users", 200, false),
                new Visit("admin-user", "admin", "/admin/users/" + accountId, 200, false),
                new Visit("admin-places", "admin", "/admin/places", 200, false),
                new Visit("admin-place", "admin", "/admin/places/" + placeId, 200, false),
                new Visit("admin-audit", "admin", "/admin/audit", 200, false),
                new Visit("admin-outbox", "admin", "/admin/outbox", 200, false),
                new Visit("search", "visitor", "/search?q=street", 200, false),
                new Visit("open-data", "visitor", "/open-data", 200, false),
                new Visit("problems", "visitor", "/problems", 200, false),
                new Visit("problem", "resident", "/problems/" + app.count("SELECT min(id) FROM problems"), 200, false),
                new Visit("problem-new-with-errors", "resident", "/problems/new", 422, true),
                new Visit("agenda", "visitor", "/places/" + placeId + "/agenda", 200, false),
                new Visit("consultations", "visitor", "/consultations", 200, false),
                new Visit("consultation", "resident", "/consultations/" + app.count("SELECT min(id) FROM consultations WHERE status = 'published'"), 200, false),
                new Visit("events", "visitor", "/events", 200, false),
                new Visit("event", "resident", "/events/" + app.count("SELECT min(id) FROM events WHERE cancelled_at IS NULL"), 200, false),
                new Visit("notifications", "resident", "/notifications", 200, false),
                new Visit("moderation", "admin", "/moderation", 200, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void eachPageHasNoSeriousAccessibilityProblemAndASoundStructure(Visit visit) {
        BrowserContext context = switch (visit.who()) {
            case "visitor" -> visitor;
            case "resident" -> resident;
            case "admin" -> admin;
            default -> throw new IllegalArgumentException(visit.who());
        };
        try (Page page = context.newPage()) {
            Response response = page.navigate(app.url(visit.path()));
            if (visit.submitEmpty()) {
                response = page.waitForResponse(r -> r.request().method().equals("POST"),
                        () -> page.locator("main form[method=post] button[type=submit]").last().click());
                assertThat(page.locator(".govuk-error-summary")).isVisible();
            }
            assertThat(response.status()).as("status of %s", visit).isEqualTo(visit.status());

            List<String> problems = new ArrayList<>(PageStructure.problems(page));
            List<AxeCore.Violation> violations = axe.violations(page);
            violations.forEach(v -> System.out.println(visit.name() + ": axe " + v));
            violations.stream().filter(AxeCore.Violation::blocksUse).forEach(v -> problems.add("axe " + v));
            System.out.println(visit.name() + ": " + (problems.isEmpty() ? "PASS" : "FAIL") + " (" + violations.size() + " axe finding(s) of any impact)");
            if (!problems.isEmpty() || ALWAYS_SCREENSHOT.contains(visit.name())) {
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(visit.name() + ".png")).setFullPage(true));
            }
            assertThat(problems).as("accessibility problems on %s", visit).isEmpty();
        }
    }
}
