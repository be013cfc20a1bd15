package org.commonweal.platform.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonweal.platform.core.i18n.Messages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Signs in the way a person does: finds the fields by their labels, types, presses the button and waits for the notice. */
final class SignInForm {
    private static final Messages T = Messages.ENGLISH;

    private SignInForm() {
    }

    static void signIn(Page page, String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/sign-in");
        page.getByLabel(T.get("signIn.email"), new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel(T.get("signIn.password"), new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(T.get("signIn.submit")).setExact(true)).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText(T.get("signIn.done"));
    }
}
