package org.commonweal.platform.core.http;

import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Input the routes cannot use is refused with a 400 or 422 that names the field, never a 500. */
class InputHandlingTest extends PlatformTestCase {

    @Test
    void aNulByteInASearchParameterIsA400NamingTheParameter() {
        TestClient admin = app.signedInAs("admin");
        TestClient officer = app.signedInAs("officer");
        long budget = app.count("SELECT min(id) FROM budget_processes");
        long event = app.count("SELECT min(id) FROM events");
        for (String path : List.of("/search", "/budgets/" + budget + "/proposals", "/admin/audit", "/admin/users")) {
            TestClient.Response r = admin.get(path + "?q=a%00b");
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("The field “q” contains a control character");
        }
        assertThat(officer.get("/events/" + event + "/attendance?q=a%00b").status()).isEqualTo(400);
        assertThat(app.client().get("/search?q=ok&place=%01").body()).contains("The field “place” contains a control character");
        assertThat(app.client().get("/search?q=tab%09and%0Anewline").status()).as("tab and newline are text").isEqualTo(200);
    }

    @Test
    void aControlCharacterInAPostedFieldIsRefusedBeforeAnythingIsStored() {
        TestClient resident = app.signedInAs("resident");
        resident.get("/account");
        TestClient.Response r = resident.post("/account", Map.of("name", "Amira\u0000Hassan", "homePlace", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("The field “name” contains a control character");
        assertThat(app.platform.accounts.findByEmail("amira@demo.commonweal.org").orElseThrow().name()).isEqualTo("Amira Hassan");
    }

    @Test
    void aParameterNameWithAControlCharacterIsShownWithoutIt() {
        TestClient.Response r = app.client().get("/search?x%07y=1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("The field “x?y”");
    }

    @Test
    void budgetDatesOutsideTheYearsAFormMayHoldAreAFieldError() {
        TestClient officer = app.signedInAs("officer");
        long budget = app.count("SELECT min(id) FROM budget_processes");
        officer.get("/budgets/" + budget);
        TestClient.Response r = officer.post("/budgets/" + budget + "/dates", Map.of("voting.ends", "+999999999-12-31"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("href=\"#voting.ends\"").contains("Enter a date with a year from 1900 to 9999");
        r = officer.post("/budgets/" + budget + "/dates", Map.of("voting.starts", "1899-12-31"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Enter a date with a year from 1900 to 9999");
    }

    @Test
    void aBanUntilAFarFutureDateIsAFieldErrorAndNoBan() {
        TestClient moderator = app.signedInAs("moderator");
        long ben = app.count("SELECT id FROM accounts WHERE email = 'ben@demo.commonweal.org'");
        moderator.get("/moderation/accounts/" + ben);
        TestClient.Response r = moderator.post("/moderation/accounts/" + ben + "/ban", Map.of("reason", "Spam", "until", "+999999999-12-31"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("href=\"#until\"").contains("Enter a date with a year from 1900 to 9999");
        assertThat(app.count("SELECT count(*) FROM account_bans WHERE account_id = " + ben)).isZero();
    }

    @Test
    void aPabulibFileWithANulByteIsRefusedNamingItsLine() {
        TestClient officer = app.signedInAs("officer");
        long processes = app.count("SELECT count(*) FROM budget_processes");
        long place = app.count("SELECT min(id) FROM places");
        officer.get("/budgets/import");
        TestClient.Response r = Multipart.post(app, officer, "/budgets/import", Map.of("place", String.valueOf(place)), "file", "nul.pb",
                "META\nkey;value\ndescription;Bad\u0000name\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Line 3 of the file holds a control character");
        assertThat(app.count("SELECT count(*) FROM budget_processes")).isEqualTo(processes);
    }
}
