package org.commonweal.platform.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's pages, which the site crawl does not reach (it signs in by role, and a volunteer coordinator is a
 * role in a group): the demo's matching page of St Mark's, as Ben, with its open requests and why the child's lift has
 * nobody, and a request's page as its coordinator. No axe-core violation, a sound structure, nothing wider than a
 * desktop or a phone.
 */
@Tag("browser")
class CareCoordinatorPagesTest extends PlatformTestCase {
    @Test
    void theMatchingPageAndARequestPageAsTheCoordinatorAreAccessible() {
        long ben = app.count("SELECT id FROM accounts WHERE email = 'ben@demo.commonweal.org'");
        long church = app.count("SELECT group_id FROM group_members WHERE role = 'volunteer_coordinator' AND account_id = " + ben + " ORDER BY group_id LIMIT 1");
        long request = app.count("SELECT min(id) FROM care_requests WHERE safeguarding = 'child'");
        AxeCore axe = AxeCore.load();
        try (BrowserContext context = HeadlessChromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 800))) {
            Page page = context.newPage();
            SignInForm.signIn(page, app.url(""), "ben@demo.commonweal.org", "demo-resident-pass");
            List<String> problems = new ArrayList<>();
            for (String path : List.of("/care/groups/" + church, "/care/requests/" + request, "/care")) {
                assertThat(page.navigate(app.url(path)).status()).as(path).isEqualTo(200);
                PageStructure.problems(page).forEach(p -> problems.add(path + ": " + p));
                axe.violations(page).forEach(v -> problems.add(path + ": axe " + v));
                for (int width : new int[]{1280, 390}) {
                    page.setViewportSize(width, 800);
                    int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
                    if (overflow > 0) problems.add(path + ": " + overflow + " px wider than a " + width + " px screen");
                }
                page.setViewportSize(1280, 800);
            }
            page.navigate(app.url("/care/groups/" + church));
            assertThat(page.content()).contains("Transport to appointments for Lina Okafor").contains("Requests nobody can take");
            assertThat(problems).isEmpty();
        }
    }
}
