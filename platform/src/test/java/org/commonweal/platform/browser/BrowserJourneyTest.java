package org.commonweal.platform.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.demo.DemoData;
import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's journeys through a real browser: with JavaScript off every form still works (the pages are
 * progressively enhanced), and with it on our own scripts run under the Content-Security-Policy without a
 * single console error.
 */
@Tag("browser")
class BrowserJourneyTest extends PlatformTestCase {
    private static final Messages T = Messages.ENGLISH;

    @BeforeAll
    static void prepare() {
        HeadlessChromium.browser();
    }

    private static BrowserContext withoutJavaScript() {
        return HeadlessChromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
    }

    private static Locator field(Page page, String messageKey) {
        return page.getByLabel(T.get(messageKey), new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Page page, String messageKey) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(T.get(messageKey)).setExact(true));
    }

    @Test
    void withoutJavaScriptAResidentRegistersSignsInSeesTheAccountPageSignsOutAndSignsBackIn() {
        try (BrowserContext context = withoutJavaScript(); Page page = context.newPage()) {
            page.navigate(app.url("/register"));
            field(page, "register.name").fill("Priya Browser");
            field(page, "register.email").fill("priya.browser@example.org");
            field(page, "register.password").fill("a long browser password");
            field(page, "register.passwordConfirm").fill("a long browser password");
            button(page, "register.submit").click();

            assertThat(page.locator(".govuk-notification-banner")).containsText(T.get("register.done"));
            assertThat(page).hasURL(app.url("/sign-in"));
            SignInForm.signIn(page, app.url(""), "priya.browser@example.org", "a long browser password");
            page.navigate(app.url("/account"));
            assertThat(page.locator("h1")).hasText(T.get("profile.title"));
            assertThat(field(page, "profile.name")).hasValue("Priya Browser");

            button(page, "nav.signOut").click();
            assertThat(page.locator(".govuk-notification-banner")).containsText(T.get("signOut.done"));
            assertThat(button(page, "nav.signOut")).hasCount(0);

            SignInForm.signIn(page, app.url(""), "priya.browser@example.org", "a long browser password");
            page.navigate(app.url("/account"));
            assertThat(field(page, "profile.name")).hasValue("Priya Browser");
        }
    }

    @Test
    void withoutJavaScriptAnEmptyRegistrationListsEachErrorWithALinkToItsField() {
        try (BrowserContext context = withoutJavaScript(); Page page = context.newPage()) {
            page.navigate(app.url("/register"));
            button(page, "register.submit").click();

            Locator summary = page.locator(".govuk-error-summary");
            assertThat(summary.locator("h2")).hasText(T.get("error.summary.title"));
            Locator links = summary.locator(".govuk-error-summary__list a");
            assertThat(links).hasCount(3);
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < links.count(); i++) targets.add(links.nth(i).getAttribute("href"));
            assertThat(targets).containsExactly("#name", "#email", "#password");
            for (String target : targets) {
                assertThat(page.locator(target)).hasCount(1);
                assertThat(page.locator(target)).hasAttribute("aria-describedby", Pattern.compile("\\b" + target.substring(1) + "-error\\b"));
            }

            links.first().click();
            assertThat(page).hasURL(app.url("/register#name"));
            assertThat(page.locator("#name")).isInViewport();
        }
    }

    @Test
    void withJavaScriptSignInWorksAndTheContentSecurityPolicyBlocksNothingWeServe() {
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        try (BrowserContext context = HeadlessChromium.browser().newContext(); Page page = context.newPage()) {
            // A 4xx answer to a page itself is part of the journey (a form with errors is 422); any other failure is a fault.
            page.onResponse(r -> {
                if (r.status() >= 400 && !r.request().isNavigationRequest()) errors.add("HTTP " + r.status() + " for " + r.url());
            });
            page.onRequestFailed(r -> errors.add("request failed: " + r.url() + " " + r.failure()));
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) errors.add("console: " + m.text() + " at " + m.location());
            });
            page.onPageError(e -> errors.add("page error: " + e));

            page.navigate(app.url("/"));
            assertThat(page.locator("body")).hasClass(Pattern.compile("\\bgovuk-frontend-supported\\b"));

            page.navigate(app.url("/register"));
            button(page, "register.submit").click();
            page.locator(".govuk-error-summary__list a[href='#name']").click();
            assertThat(page.locator("#name")).isFocused();

            DemoData.Login resident = DemoData.LOGINS.stream().filter(l -> l.role().equals("resident")).findFirst().orElseThrow();
            SignInForm.signIn(page, app.url(""), resident.email(), resident.password());
            page.navigate(app.url("/account"));
            assertThat(page.locator("h1")).hasText(T.get("profile.title"));
        }
        assertThat(errors).as("console errors, page errors and failed requests").isEmpty();
    }
}
